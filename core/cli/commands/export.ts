import { exporters, exportSchema } from '../../index.ts'
import { argumentError, formatDiagnostic } from '../report.ts'
import { loadDesign } from '../load-design.ts'
import { writeOutput } from '../io.ts'
import type { Command } from './types.ts'

// Read from the registry, so a new exporter is a new --to target without touching the CLI.
const targets = () => Object.keys(exporters)

export const exportCommand: Command = {
  name: 'export',
  usage: 'crowsfoot export <file> --to <target> [-o out]',
  summary: `Write a design in another format: ${targets().join(', ')}.`,
  positionals: ['file'],
  options: [
    { key: 'to', flags: ['--to'], value: '<target>', help: `the format to write: ${targets().join(', ')}` },
    { key: 'out', flags: ['-o'], value: '<out>', help: 'write to this file instead of stdout' },
  ],
  notes: [
    '<file> is a .crowsfoot.json design (.sql, .dbml and .prisma input is not available yet).',
    'What the target cannot express is reported on stderr, one line each, prefixed with its severity ' +
      '("warning: ...", "error: ..."). The output is still written and the exit code is 0 even when ' +
      'some of them are errors, so read stderr before you use the output.',
  ],
  run({ positionals, options, end }, io) {
    const to = options.get('to')
    if (!to) throw argumentError(end, `Say which format to write: --to <target> (${targets().join(', ')}).`)
    if (!Object.hasOwn(exporters, to.value))
      throw argumentError(to.column, `Unknown export target "${to.value}"; the targets are ${targets().join(', ')}.`)
    const { document, diagnostics } = loadDesign(positionals[0]!.value)
    const output = exportSchema(to.value, document.schema, { document })
    writeOutput(output.text, options.get('out'), io)
    for (const d of [...diagnostics, ...output.diagnostics]) io.err(formatDiagnostic(d))
    return 0
  },
}
