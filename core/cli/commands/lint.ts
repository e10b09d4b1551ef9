/**
 * `crowsfoot lint <file>`: checks a design in any importable format against the rules.
 *
 * Text output is grouped by table, one finding a line as `file:line:col: severity: message
 * (rule)`, where the position is the table, column, constraint or index in the source (found by
 * name, since importers give positions only for what they skip). JSON output is design.md's
 * contract: an array of `{ rule, severity, message, target: { table, column?, constraint?,
 * index? } }` with a schema-qualified table. Exit code 1 when any error remains, 0 otherwise,
 * 2 on bad input (the file, the config, the arguments).
 */
import { readFileSync } from 'node:fs'
import { lint, parseLintConfig, presets, rules } from '../../index.ts'
import type { Diagnostic, LintConfig, RuleDiagnostic } from '../../index.ts'
import type { Arg } from '../args.ts'
import type { Io } from '../io.ts'
import { fileProblem } from '../io.ts'
import { formatImportDiagnostic, fromOption, loadDesign } from '../load-design.ts'
import { argumentError, CliError } from '../report.ts'
import type { Command } from './types.ts'

const presetNames = Object.keys(presets)
const defaultConfigFile = 'crowsfoot.config.json'

export const lintCommand: Command = {
  name: 'lint',
  usage: 'crowsfoot lint <file> [--format text|json] [--config crowsfoot.config.json]',
  summary: 'Check a design against the design rules; exit code 1 on any error.',
  positionals: ['file'],
  options: [
    { key: 'format', flags: ['--format'], value: '<text|json>', help: 'how to print the findings (default: text)' },
    { key: 'config', flags: ['--config'], value: '<crowsfoot.config.json>', help: 'which rules to run, and how severe they are' },
    { key: 'preset', flags: ['--preset'], value: '<name>', help: `start from this preset instead of the config's: ${presetNames.join(', ')}` },
    fromOption,
  ],
  notes: [
    `Without --config, ${defaultConfigFile} in the current directory is used when there is one.`,
    'Text output groups the findings by table; each line is file:line:col: severity: message (rule). ' +
      'JSON output is an array of { rule, severity, message, target: { table, column?, constraint?, index? } }.',
  ],
  async run({ positionals, options, end }, io) {
    const format = options.get('format')
    if (format && format.value !== 'text' && format.value !== 'json')
      throw argumentError(format.column, `Unknown format "${format.value}"; use --format text or --format json.`)
    const preset = options.get('preset')
    if (preset && !presetNames.includes(preset.value))
      throw argumentError(preset.column, `Unknown preset "${preset.value}"; the presets are ${presetNames.join(', ')}.`)
    const config = readConfig(options.get('config'), preset?.value)
    const file = positionals[0]!.value
    if (file === '') throw argumentError(end, 'Say which file to lint.')
    const { document, diagnostics: all } = await loadDesign(file, options.get('from'))
    // What an importer skipped on purpose (INSERTs, SET) is its report, not a finding about the design.
    const imported = all.filter((d) => d.severity !== 'info')
    const found = lint(document.schema, config)
    const failed = found.some((d) => d.severity === 'error') || imported.some((d) => d.severity === 'error')
    if (format?.value === 'json') {
      for (const d of imported) io.err(formatImportDiagnostic(file, d))
      io.out(JSON.stringify(found.map(toJson), null, 2) + '\n')
    } else {
      io.out(formatText(file, sourceText(file), imported, found))
    }
    return failed ? 1 : 0
  },
}

/** `--config` (which must exist), else `crowsfoot.config.json` when present; a preset flag wins. */
export function readConfig(option: Arg | undefined, preset: string | undefined): LintConfig | undefined {
  const path = option?.value ?? defaultConfigFile
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if (!option && (e as NodeJS.ErrnoException).code === 'ENOENT') return preset ? { preset: preset as LintConfig['preset'] } : undefined
    throw new CliError(path, 1, 1, `Cannot read this config: ${fileProblem(e, 'read')}`)
  }
  const parsed = parseLintConfig(text, rules)
  if (!parsed.ok) {
    const d = parsed.diagnostics[0]!
    throw new CliError(path, d.location?.line ?? 1, d.location?.column ?? 1, `${d.message} (at ${d.location?.path ?? '$'})`)
  }
  return preset ? { ...parsed.config, preset: preset as LintConfig['preset'] } : parsed.config
}

function toJson(d: RuleDiagnostic) {
  const t = d.target
  // A finding about an enum or a schema has no table: its qualified name stands in.
  const table = t.table ?? t.enum ?? (t.namespaceId ? '(schema)' : '')
  return {
    rule: d.code,
    severity: d.severity,
    message: d.message,
    target: { table, ...(t.column ? { column: t.column } : {}), ...(t.constraint ? { constraint: t.constraint } : {}), ...(t.index ? { index: t.index } : {}) },
  }
}

function sourceText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

function formatText(file: string, text: string, imported: readonly Diagnostic[], found: readonly RuleDiagnostic[]): string {
  const lines: string[] = []
  if (imported.length > 0) {
    lines.push(`${file} (import)`)
    for (const d of imported) lines.push(`  ${formatImportDiagnostic(file, d)}`)
  }
  const locate = locator(text)
  const byTable = new Map<string, RuleDiagnostic[]>()
  for (const d of found) {
    const key = d.target.table ?? d.target.enum ?? '(design)'
    let list = byTable.get(key)
    if (!list) byTable.set(key, (list = []))
    list.push(d)
  }
  for (const [table, list] of byTable) {
    lines.push(table)
    for (const d of list) {
      const at = locate(d)
      lines.push(`  ${file}${at ? `:${at.line}:${at.column}` : ''}: ${d.severity}: ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')} (${d.code})`)
    }
  }
  const count = (s: Diagnostic['severity']) => [...found, ...imported].filter((d) => d.severity === s).length
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  lines.push(found.length === 0 && imported.length === 0 ? 'No findings.' : `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}.`)
  return lines.join('\n') + '\n'
}

interface Position {
  readonly line: number
  readonly column: number
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A name as written in SQL, DBML or Prisma source: bare (any case when lower-case) or quoted. */
const nameRe = (name: string) => `(?:"${escape(name)}"|\`${escape(name)}\`|\\b${escape(name)}\\b)`

/**
 * Finds where a finding's object is defined in the source text, by name: the table's CREATE TABLE
 * (SQL), `Table` (DBML) or `model` / `@@map` (Prisma), then the column, constraint or index inside
 * or after it. Undefined when the source says it differently; the finding is printed without.
 */
function locator(text: string): (d: RuleDiagnostic) => Position | undefined {
  const starts = lineStarts(text)
  const tables = new Map<string, { start: number; end: number } | undefined>()
  const position = (offset: number): Position => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }
  const findTable = (qualified: string) => {
    if (tables.has(qualified)) return tables.get(qualified)
    const name = qualified.slice(qualified.indexOf('.') + 1)
    const patterns = [
      String.raw`CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w"]+\.)?${nameRe(name)}`,
      String.raw`^\s*Table\s+(?:[\w"]+\.)?${nameRe(name)}`,
      String.raw`^\s*model\s+${nameRe(name)}\s*\{`,
      String.raw`@@map\(\s*"${escape(name)}"\s*\)`,
    ]
    let found: { start: number; end: number } | undefined
    for (const p of patterns) {
      const m = new RegExp(p, 'im').exec(text)
      if (!m) continue
      // A Prisma @@map sits at the end of its model: the model starts at the `model` line before it.
      const start = p.startsWith('@@map') ? text.lastIndexOf('model ', m.index) : m.index
      if (start < 0) continue
      const close = text.indexOf(p.includes('model') || p.includes('Table') || p.startsWith('@@map') ? '\n}' : ');', start)
      found = { start, end: close < 0 ? text.length : close }
      break
    }
    tables.set(qualified, found)
    return found
  }
  return (d) => {
    const t = d.target
    if (!t.table || text === '') return undefined
    const table = findTable(t.table)
    if (!table) return undefined
    const inside = text.slice(table.start, table.end)
    const object = t.index ?? t.constraint
    if (object) {
      const m = new RegExp(nameRe(object)).exec(text.slice(table.start))
      if (m) return position(table.start + m.index)
    }
    if (t.column) {
      const m = new RegExp(String.raw`^[ \t]*${nameRe(t.column)}`, 'm').exec(inside) ?? new RegExp(String.raw`@map\(\s*"${escape(t.column)}"`).exec(inside)
      if (m) return position(table.start + m.index + (m[0].length - m[0].trimStart().length))
    }
    return position(table.start + (text.slice(table.start).length - text.slice(table.start).trimStart().length))
  }
}

function lineStarts(text: string): number[] {
  const out = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1)
  return out
}
