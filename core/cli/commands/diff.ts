import type { Command } from './types.ts'

export const diffCommand: Command = {
  name: 'diff',
  usage: 'crowsfoot diff <old> <new> [--down] [-o out.sql]',
  summary: 'Write the PostgreSQL migration between two designs.',
  positionals: ['old', 'new'],
  options: [
    { key: 'down', flags: ['--down'], help: 'write the migration back from <new> to <old>' },
    { key: 'out', flags: ['-o'], value: '<out.sql>', help: 'write to this file instead of stdout' },
  ],
}
