/**
 * Writes docs/rules.md (every rule with its severity, category, options, doc link, and its counts
 * over the corpus and the seeds) and the generated blocks of each core/rules/<id>.md (the header
 * line and the options table), from the rules' own metadata and a real run, so the docs stay true.
 *
 *   node bin/run-ts.js scripts/rules-doc.ts           rewrite the files
 *   node bin/run-ts.js scripts/rules-doc.ts --check   exit 1 if any file is out of date
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importerForFile } from '../core/importers/index.ts'
import { lint, presets, rules } from '../core/index.ts'
import type { AnyRule, OptionSpec } from '../core/index.ts'
import { lintSeed } from '../core/rules/utils/seed-findings.ts'

const repo = fileURLToPath(new URL('../', import.meta.url))
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url))
const seedsDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url))
const check = process.argv.includes('--check')
const seeds = { S0: '000_63c80b6b45b5c285', S1: '001_03305bd4c4877675', S2: '002_b9beb5f8d5f82fd4', S3: '003_1a1a90fa8895b941', S4: '004_accb3547d9bc54c9' }
const categories = ['integrity', 'naming', 'types', 'indexing', 'relationships', 'normalization', 'security', 'documentation', 'migration'] as const
const withFixes = new Set<string>()

async function corpusCounts() {
  const perRule = new Map<string, { findings: number; files: Set<string> }>()
  const files: Array<{ file: string; tables: number; findings: number; errors: number }> = []
  for (const dir of ['postgres', 'prisma', 'dbml']) {
    for (const name of readdirSync(`${corpus}${dir}`).filter((f) => /\.(sql|prisma|dbml)$/.test(f)).sort()) {
      const file = `${dir}/${name}`
      const result = await importerForFile(name)!.import(readFileSync(`${corpus}${file}`, 'utf8'), { fileName: name })
      if (!result.ok) continue
      const found = lint(result.schema)
      files.push({ file, tables: result.schema.tables.length, findings: found.length, errors: found.filter((d) => d.severity === 'error').length })
      for (const d of found) {
        let entry = perRule.get(d.code)
        if (!entry) perRule.set(d.code, (entry = { findings: 0, files: new Set() }))
        entry.findings++
        entry.files.add(file)
        if (d.fixes?.length) withFixes.add(d.code)
      }
    }
  }
  return { perRule, files }
}

async function seedCounts() {
  const perSeed = new Map<string, Map<string, number>>()
  for (const [seed, file] of Object.entries(seeds)) {
    const { findings } = await lintSeed(readFileSync(`${seedsDir}${file}.txt`, 'utf8'))
    const counts = new Map<string, number>()
    for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
    perSeed.set(seed, counts)
  }
  return perSeed
}

function optionValue(spec: OptionSpec): string {
  return JSON.stringify(spec.default)
}

function optionsTable(rule: AnyRule): string {
  const options = Object.entries(rule.meta.options ?? {}) as Array<[string, OptionSpec]>
  if (options.length === 0) return 'This rule has no options; set its severity with `"' + rule.meta.id + '": "warning"` (or off, info, error).'
  const rows = options.map(([key, spec]) => {
    const type = spec.type === 'string' && spec.enum ? spec.enum.map((e) => `\`"${e}"\``).join(' \\| ') : spec.type === 'string[]' && spec.enum ? `list of ${spec.enum.map((e) => `\`"${e}"\``).join(', ')}` : spec.type
    return `| \`${key}\` | ${type} | \`${optionValue(spec).replaceAll('|', '\\|')}\` | ${spec.description} |`
  })
  const example = Object.fromEntries(options.slice(0, 1).map(([k, s]) => [k, s.default]))
  return ['| option | type | default | meaning |', '|---|---|---|---|', ...rows, '', `In \`crowsfoot.config.json\`: \`"${rule.meta.id}": ["${rule.meta.severity}", ${JSON.stringify(example)}]\`.`].join('\n')
}

function strictSeverity(rule: AnyRule): string {
  const s = presets.strict.rules[rule.meta.id]
  return s === undefined ? rule.meta.severity : Array.isArray(s) ? String(s[0]) : String(s)
}

function headerLine(rule: AnyRule): string {
  const m = rule.meta
  return `**${m.severity}**${m.defaultOff ? ' (off unless configured)' : ''} · category ${m.category} · scope ${m.scope} · strict preset: ${strictSeverity(rule)}${withFixes.has(m.id) ? ' · offers quick fixes' : ''}\n\n${m.description}`
}

function replaceBlock(text: string, name: string, body: string): string {
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`)
  return text.replace(re, `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`)
}

const outdated: string[] = []
function write(path: string, text: string) {
  const old = (() => {
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return ''
    }
  })()
  if (old === text) return
  if (check) outdated.push(path)
  else writeFileSync(path, text)
}

const { perRule, files } = await corpusCounts()
const perSeed = await seedCounts()

for (const rule of rules) {
  const path = `${repo}core/rules/${rule.meta.id}.md`
  let text = readFileSync(path, 'utf8')
  text = replaceBlock(text, 'meta', headerLine(rule))
  text = replaceBlock(text, 'options', optionsTable(rule))
  write(path, text)
}

const lines: string[] = [
  '# Rules',
  '',
  '<!-- Generated by `node bin/run-ts.js scripts/rules-doc.ts` from the rules\' metadata and a run over the',
  'corpus and the seeds; edit the rules and their docs in core/rules/, then run it again. -->',
  '',
  `Crowsfoot has ${rules.length} rules, the whole catalog of \`../shared/rules.md\`: ${rules.filter((r) => r.meta.scope === 'model').length} check a design`,
  `(scope model), ${rules.filter((r) => r.meta.scope === 'diff').length} check a migration between two designs (scope diff, the migration-safety rules),`,
  'with the same engine, configuration and output. Regenerate this page with',
  '`node bin/run-ts.js scripts/rules-doc.ts` (`--check` fails when it is out of date).',
  '',
  '## Running and configuring',
  '',
  '- CLI: `crowsfoot lint <file> [--format text|json] [--config crowsfoot.config.json] [--preset recommended|strict]`;',
  '  exit code 1 when an error remains. Without `--config`, `crowsfoot.config.json` in the current directory is read.',
  '- API: `lint(schema, config?)`, or `createLinter(config)` whose `lint(schema)` re-checks only the tables',
  '  whose neighbourhood changed since its previous call. Migration rules: `lintMigration(plan, config?)` on a',
  '  `planMigration(before, after)`, or `lintChange(before, after, config?)`; `crowsfoot diff` runs them and',
  '  exits 1 on an error unless `--allow-hazards`. Their corpus columns are 0: a single design has no migration.',
  '- Config: `{ "preset": "recommended" | "strict", "rules": { "<id>": "off" | "info" | "warning" | "error" | [severity, { options }] } }`.',
  `  \`recommended\`: ${presets.recommended.description} \`strict\`: ${presets.strict.description}`,
  '- Where the seeds disagree (rules.md, end of section 1) the rule takes an option and its default is the',
  '  seeds\' majority: money as `numeric(10,2)` (money-representation), uuid/bigint/integer keys',
  '  (pk-type-policy), `id` key columns (pk-column-name), `ck_`/`idx_` name templates, CHECK lists over',
  '  enums (enum-vs-check-policy), ON DELETE SET NULL for optional references (fk-action-policy), soft',
  '  delete where the project lists it (soft-delete-consistency `requireOn`).',
  '',
  '## All rules',
  '',
  'Corpus columns: findings with the recommended preset over the 25 files of `../shared/corpus`, and in how many files.',
  '',
]
for (const category of categories) {
  const inCategory = rules.filter((r) => r.meta.category === category)
  if (inCategory.length === 0) continue
  lines.push(`### ${category === 'migration' ? 'Migration safety (scope diff)' : category[0]!.toUpperCase() + category.slice(1)}`, '', '| rule | severity | what it checks | options | corpus findings (files) |', '|---|---|---|---|---|')
  for (const r of inCategory) {
    const m = r.meta
    const options = Object.keys(m.options ?? {}).map((k) => `\`${k}\``).join(', ') || '—'
    const c = perRule.get(m.id)
    const sev = m.defaultOff ? `${m.severity} (off)` : m.severity
    lines.push(`| [${m.id}](../${m.docs}) | ${sev} | ${m.description.replaceAll('|', '\\|')} | ${options} | ${c ? `${c.findings} (${c.files.size})` : '0'} |`)
  }
  lines.push('')
}
lines.push('## On the seeds', '', 'Findings per rule on the seeds\' own example schemas (SQL blocks, and S3\'s Prisma schema without its invalid `@@check` lines), as `core/rules/seeds.test.ts` imports them.', '')
lines.push(`| rule | ${Object.keys(seeds).join(' | ')} |`, `|---|${Object.keys(seeds).map(() => '---:').join('|')}|`)
for (const r of rules) {
  const row = Object.keys(seeds).map((s) => perSeed.get(s)?.get(r.meta.id) ?? 0)
  if (row.some((n) => n > 0)) lines.push(`| ${r.meta.id} | ${row.map((n) => (n === 0 ? '' : String(n))).join(' | ')} |`)
}
lines.push('', '## On the corpus, per file', '', '| file | tables | findings | errors |', '|---|---:|---:|---:|')
for (const f of files) lines.push(`| ${f.file} | ${f.tables} | ${f.findings} | ${f.errors} |`)
lines.push('')
write(`${repo}docs/rules.md`, lines.join('\n'))

if (check && outdated.length > 0) {
  console.error(`Out of date (run node bin/run-ts.js scripts/rules-doc.ts): ${outdated.join(', ')}`)
  process.exit(1)
}
console.log(check ? 'Rule docs are up to date.' : `Wrote docs/rules.md and ${rules.length} rule docs.`)
