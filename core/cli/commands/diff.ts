/**
 * `crowsfoot diff <old> <new>`: the PostgreSQL migration from one design to another, in any
 * importable format. Two native documents that share ids are diffed by id (renames stay renames);
 * otherwise the old design is matched to the new one by name first. The migration-safety rules
 * judge the plan with the lint configuration: their findings are comments above their steps and
 * lines on stderr (`out.sql:line:1: severity: message (rule)`); exit 1 when one is an error, unless
 * `--allow-hazards`.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { alignIds, diffSchemas, hasSharedIds, lintMigration, migrationFileNames, parseMigrationInputs, planMigration, printMigration } from '../../index.ts'
import type { MigrationPlan, RuleDiagnostic } from '../../index.ts'
import type { Arg } from '../args.ts'
import type { Io } from '../io.ts'
import { fileProblem, writeOutput } from '../io.ts'
import { formatImportDiagnostic, loadDesign } from '../load-design.ts'
import { argumentError, CliError } from '../report.ts'
import { readConfig } from './lint.ts'
import type { Command } from './types.ts'

export const diffCommand: Command = {
  name: 'diff',
  usage: 'crowsfoot diff <old> <new> [--down] [-o out.sql]',
  summary: 'Write the PostgreSQL migration between two designs; exit code 1 on a hazard of error severity.',
  positionals: ['old', 'new'],
  options: [
    { key: 'down', flags: ['--down'], help: 'write the migration back from <new> to <old>' },
    { key: 'out', flags: ['-o'], value: '<out.sql>', help: 'write to this file instead of stdout' },
    { key: 'outDir', flags: ['--out-dir'], value: '<dir>', help: 'write both YYYYMMDDHHMMSS_<name>.up.sql and .down.sql into this directory' },
    { key: 'name', flags: ['--name'], value: '<description>', help: 'the <name> part of those file names (default: the first change)' },
    { key: 'simple', flags: ['--simple'], help: 'plain statements for a development database: no transactions, timeouts or zero-downtime patterns' },
    { key: 'allowHazards', flags: ['--allow-hazards'], help: 'exit 0 even when a hazard is an error' },
    { key: 'inputs', flags: ['--inputs'], value: '<inputs.json>', help: 'values the plan asks for: { "<change id>": "<SQL expression or label>" }' },
    { key: 'config', flags: ['--config'], value: '<crowsfoot.config.json>', help: 'severities and options of the migration-safety rules' },
  ],
  notes: [
    'Both designs may be in any importable format (.crowsfoot.json, .sql, .dbml, .prisma). Two .crowsfoot.json versions of one design are matched by id, ' +
      'so renames are exact; anything else is matched by name (a rename then reads as a removal and an addition).',
    'Hazards and rule findings are printed as comments above their steps and on stderr as file:line:1: severity: message (rule), ' +
      'then what the plan still needs as input (--inputs supplies it). The migration is written even when the exit code is 1.',
  ],
  async run({ positionals, options }, io) {
    const [oldArg, newArg] = positionals as [Arg, Arg]
    const config = readConfig(options.get('config'), undefined)
    const inputs = readInputs(options.get('inputs'))
    const oldDesign = await loadDesign(oldArg.value)
    const newDesign = await loadDesign(newArg.value)
    for (const [file, d] of [...oldDesign.diagnostics.map((x) => [oldArg.value, x] as const), ...newDesign.diagnostics.map((x) => [newArg.value, x] as const)])
      if (d.severity !== 'info') io.err(formatImportDiagnostic(file, d))
    const byId = oldDesign.format === 'json' && newDesign.format === 'json' && hasSharedIds(oldDesign.document.schema, newDesign.document.schema)
    const after = newDesign.document.schema
    const before = byId ? oldDesign.document.schema : alignIds(oldDesign.document.schema, after)
    const expressions = byId ? 'exact' : 'loose'
    const mode = options.has('simple') ? 'simple' : 'safe'
    const plans = {
      up: () => planMigration(before, after, { mode, inputs, changes: diffSchemas(before, after, { expressions }) }),
      down: () => planMigration(after, before, { mode, inputs, direction: 'down', changes: diffSchemas(after, before, { expressions }) }),
    }
    const files = { old: oldArg.value, new: newArg.value, inputs: options.get('inputs')?.value ?? '<inputs>' }
    const outDir = options.get('outDir')
    if (outDir) {
      const out = options.get('out')
      if (out) throw argumentError(out.column, '--out-dir writes both files; leave out -o.')
      const up = checked(plans.up(), files)
      const names = migrationFileNames(new Date(), options.get('name')?.value ?? describe(up))
      try {
        mkdirSync(outDir.value, { recursive: true })
      } catch (e) {
        throw new CliError(outDir.value, 1, 1, `Cannot create this directory: ${fileProblem(e, 'write')}`)
      }
      let failed = false
      for (const [plan, file] of [[up, names.up], [checked(plans.down(), files), names.down]] as const) {
        const path = join(outDir.value, file)
        failed = emit(plan, config, { value: path, column: outDir.column }, path, io) || failed
      }
      return failed && !options.has('allowHazards') ? 1 : 0
    }
    const plan = checked(options.has('down') ? plans.down() : plans.up(), files)
    const out = options.get('out')
    const failed = emit(plan, config, out, out?.value ?? '<stdout>', io)
    return failed && !options.has('allowHazards') ? 1 : 0
  },
}

/** Planning refused (a broken design, a bad input): one located line, exit code 2. */
function checked(plan: MigrationPlan, files: { old: string; new: string; inputs: string }): MigrationPlan {
  const error = plan.diagnostics.find((d) => d.severity === 'error')
  if (!error) return plan
  const down = plan.options.direction === 'down'
  const file = error.code === 'invalid-input' ? files.inputs : /^The old design/.test(error.message) !== down ? files.old : files.new
  throw new CliError(file, 1, 1, error.message)
}

/** Writes the migration; reports findings and open inputs on stderr. True when a finding is an error. */
function emit(plan: MigrationPlan, config: ReturnType<typeof readConfig>, out: Arg | undefined, label: string, io: Io): boolean {
  const findings = lintMigration(plan, config)
  const text = printMigration(plan, { findings })
  writeOutput(text, out, io)
  const lines = text.split('\n')
  const lineOf = (stepId: string | undefined) => {
    if (!stepId) return 1
    const i = lines.findIndex((l) => l.startsWith(`-- ${stepId}. `))
    return i < 0 ? 1 : i + 1
  }
  const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ')
  const ordered = [...findings].sort((x, y) => lineOf(x.stepId) - lineOf(y.stepId))
  for (const f of ordered) io.err(`${label}:${lineOf(f.stepId)}:1: ${f.severity}: ${oneLine(f.message)} (${f.rule})`)
  for (const d of plan.diagnostics) io.err(`${label}:1:1: ${d.severity}: ${oneLine(d.message)} (${d.code})`)
  for (const r of plan.inputs)
    if (r.supplied === undefined) io.err(`${label}: needs input ${r.changeId}: ${oneLine(r.prompt)}${r.suggestion !== undefined ? ` (suggested: ${r.suggestion})` : ''}`)
  const count = (s: RuleDiagnostic['severity']) => findings.filter((f) => f.severity === s).length
  io.err(`${label}: ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'} for ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'}; ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`)
  return count('error') > 0
}

function readInputs(arg: Arg | undefined): Readonly<Record<string, string>> | undefined {
  if (!arg) return undefined
  let text: string
  try {
    text = readFileSync(arg.value, 'utf8')
  } catch (e) {
    throw new CliError(arg.value, 1, 1, `Cannot read this file: ${fileProblem(e, 'read')}`)
  }
  const r = parseMigrationInputs(text)
  if (r.ok) return r.inputs
  const d = r.diagnostics[0]!
  throw new CliError(arg.value, d.location?.line ?? 1, d.location?.column ?? 1, d.message)
}

/** A file-name description from the plan: its first change, in a few words. */
function describe(plan: MigrationPlan): string {
  const c = plan.changes[0]
  if (!c) return 'no_changes'
  const words = c.kind.replace(/([A-Z])/g, ' $1').toLowerCase().split(' ')
  const what = 'table' in c ? `${c.table}${'column' in c ? `_${c.column}` : ''}` : 'enum' in c ? c.enum : ''
  return `${words.reverse().join('_')}_${what}${plan.changes.length > 1 ? '_and_more' : ''}`
}

