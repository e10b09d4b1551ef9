import type { Command } from './types.ts'

export const pullCommand: Command = {
  name: 'pull',
  usage: 'crowsfoot pull <postgres-url> [-o out.crowsfoot.json]',
  summary: 'Read the design of a live PostgreSQL database.',
  positionals: ['postgres-url'],
  options: [{ key: 'out', flags: ['-o'], value: '<out.crowsfoot.json>', help: 'write the design to this file instead of stdout' }],
}
