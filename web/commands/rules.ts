/** The rule configuration of the design: preset, severities and options (the Rules dialog). */
import type { Command } from './types.ts'

export const configureRules: Command = {
  id: 'configure-rules',
  label: 'Configure rules',
  group: 'Document',
  keywords: ['lint', 'checks', 'problems', 'preset', 'strict', 'severity', 'crowsfoot.config.json'],
  run: (store) => store.getState().openDialog({ kind: 'rules' }),
}
