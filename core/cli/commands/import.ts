import { importers, serializeDocument } from '../../index.ts'
import type { Diagnostic } from '../../index.ts'
import { writeOutput } from '../io.ts'
import { formatImportDiagnostic, fromOption, loadDesign } from '../load-design.ts'
import type { Command } from './types.ts'

export const importCommand: Command = {
  name: 'import',
  usage: 'crowsfoot import <file> [-o out.crowsfoot.json]',
  summary: 'Turn a .sql (PostgreSQL), .dbml, .prisma or .json file into a design; the report goes to stderr.',
  positionals: ['file'],
  options: [
    { key: 'out', flags: ['-o'], value: '<out.crowsfoot.json>', help: 'write the design to this file instead of stdout' },
    fromOption,
  ],
  notes: [
    `The format comes from the file name (${Object.values(importers)
      .map((i) => i.extensions.join(' '))
      .join(', ')}) unless --from names it. ` +
      'The report on stderr has one line per statement skipped or construct approximated, as file:line:col: severity: message (code), ' +
      'then a summary line. A file that cannot be read at all is exit code 2 with one located line.',
  ],
  async run({ positionals, options }, io) {
    const file = positionals[0]!.value
    const { document, diagnostics, format } = await loadDesign(file, options.get('from'))
    writeOutput(serializeDocument(document), options.get('out'), io)
    for (const d of diagnostics) io.err(formatImportDiagnostic(file, d))
    io.err(summary(file, format, document.schema, diagnostics))
    return 0
  },
}

function summary(file: string, format: string, schema: { tables: readonly { foreignKeys: readonly unknown[] }[]; enums: readonly unknown[] }, diagnostics: readonly Diagnostic[]): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`
  const fks = schema.tables.reduce((sum, t) => sum + t.foreignKeys.length, 0)
  const bySeverity = (['warning', 'info'] as const)
    .map((s) => [s, diagnostics.filter((d) => d.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => n(c, s === 'info' ? 'note' : s))
  return `${file}: imported ${n(schema.tables.length, 'table')}, ${n(fks, 'foreign key')}, ${n(schema.enums.length, 'enum')} (${format})${bySeverity.length > 0 ? `; ${bySeverity.join(', ')}` : ''}.`
}
