import { MonitorIcon, MoonIcon, SunIcon } from '../components/icons.tsx'
import { SegmentedControl, type SegmentOption } from '../components/SegmentedControl.tsx'
import { selectThemePreference } from '../store/selectors.ts'
import { useApp } from '../store/index.ts'
import type { ThemePreference } from '../store/ui-slice.ts'

const options: readonly SegmentOption<ThemePreference>[] = [
  { value: 'system', label: 'System theme', icon: <MonitorIcon /> },
  { value: 'light', label: 'Light theme', icon: <SunIcon /> },
  { value: 'dark', label: 'Dark theme', icon: <MoonIcon /> },
]

export function ThemeSwitch() {
  const value = useApp(selectThemePreference)
  const setThemePreference = useApp((s) => s.setThemePreference)
  return <SegmentedControl label="Theme" options={options} value={value} onChange={setThemePreference} compact />
}
