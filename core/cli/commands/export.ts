import { exporters, exportSchema } from '../../index.ts'
import { argumentError, formatDiagnostic } from '../report.ts'
import { formatImportDiagnostic, fromOption, loadDesign } from '../load-design.ts'
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
    fromOption,
  ],
  notes: [
    '<file> is a design in any importable format (.crowsfoot.json, .sql, .dbml, .prisma); what its import skipped or approximated is reported on stderr as file:line:col.',
    'What the target cannot express is reported on stderr, one line each, prefixed with its severity ' +
      '("warning: ...", "error: ..."). The output is still written and the exit code is 0 even when ' +
      'some of them are errors, so read stderr before you use the output.',
  ],
  async run({ positionals, options, end }, io) {
    const to = options.get('to')
    if (!to) throw argumentError(end, `Say which format to write: --to <target> (${targets().join(', ')}).`)
    if (!Object.hasOwn(exporters, to.value))
      throw argumentError(to.column, `Unknown export target "${to.value}"; the targets are ${targets().join(', ')}.`)
    const file = positionals[0]!.value
    const { document, diagnostics } = await loadDesign(file, options.get('from'))
    const output = exportSchema(to.value, document.schema, { document })
    writeOutput(output.text, options.get('out'), io)
    for (const d of diagnostics) io.err(formatImportDiagnostic(file, d))
    for (const d of output.diagnostics) io.err(formatDiagnostic(d))
    return 0
  },
}
