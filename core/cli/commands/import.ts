import type { Command } from './types.ts'

export const importCommand: Command = {
  name: 'import',
  usage: 'crowsfoot import <file> [-o out.crowsfoot.json]',
  summary: 'Turn a .sql (PostgreSQL), .dbml, .prisma or .json file into a design; the report goes to stderr.',
  positionals: ['file'],
  options: [{ key: 'out', flags: ['-o'], value: '<out.crowsfoot.json>', help: 'write the design to this file instead of stdout' }],
}
