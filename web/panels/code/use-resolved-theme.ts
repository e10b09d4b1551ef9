/** The theme in effect: the user's pick, or the system's when they left it to the system. */
import { useEffect, useState } from 'react'
import type { ThemePreference } from '../../store/ui-slice.ts'

const query = '(prefers-color-scheme: dark)'

export function useResolvedTheme(preference: ThemePreference): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => matchMedia(query).matches)
  useEffect(() => {
    const list = matchMedia(query)
    const on = () => setSystemDark(list.matches)
    list.addEventListener('change', on)
    return () => list.removeEventListener('change', on)
  }, [])
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference
}
