import type { Command } from './types.ts'

export const lintCommand: Command = {
  name: 'lint',
  usage: 'crowsfoot lint <file> [--format text|json] [--config crowsfoot.config.json]',
  summary: 'Check a design against the design rules; exit code 1 on any error.',
  positionals: ['file'],
  options: [
    { key: 'format', flags: ['--format'], value: '<text|json>', help: 'how to print the findings (default: text)' },
    { key: 'config', flags: ['--config'], value: '<crowsfoot.config.json>', help: 'which rules to run, and how severe they are' },
  ],
}
