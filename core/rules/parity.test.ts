/**
 * Parity, as ESLint's `checkRuleFiles`: every rule file is registered, documented and tested under
 * its id; the registry is exactly the catalog in rules.md (model rules M and migration-safety
 * rules D), with the catalog's default severities.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { docsPath } from './define-rule.ts'
import { presets } from './presets.ts'
import { rules, rulesById } from './index.ts'
import { readRuleDoc } from './utils/rule-doc.ts'

const here = new URL('./', import.meta.url)
const engineFiles = new Set(['config', 'define-rule', 'index', 'lint', 'options', 'presets', 'report', 'types'])
const ruleFiles = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .filter((f) => !engineFiles.has(f))

interface CatalogRow {
  readonly id: string
  readonly sev: string
  readonly scope: string
  readonly section: string
}

/** The rule tables of rules.md section 1 (beside the repository, as `../shared/rules.md`). */
function readCatalog(): CatalogRow[] {
  const text = readFileSync(new URL('../../../shared/rules.md', import.meta.url), 'utf8')
  const body = text.slice(text.indexOf('## 1. Rule catalog'), text.indexOf('### Where the seeds disagree'))
  const rows: CatalogRow[] = []
  let section = ''
  for (const line of body.split('\n')) {
    const heading = /^### (.+)$/.exec(line)
    if (heading) section = heading[1]!.trim()
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length < 5 || !/^[a-z][a-z0-9-]*$/.test(cells[1] ?? '') || cells[1] === 'id') continue
    rows.push({ id: cells[1]!, sev: cells[2]!, scope: cells[3]!, section })
  }
  return rows
}

const severityOf: Record<string, string> = { E: 'error', W: 'warning', I: 'info', 'E/W': 'error', 'I (off)': 'info', 'W (E in prod profile)': 'warning' }
const categoriesOf: Record<string, readonly string[]> = {
  'Integrity (structural errors first)': ['integrity'],
  Naming: ['naming'],
  Types: ['types'],
  Indexing: ['indexing'],
  Relationships: ['relationships'],
  'Normalization · security · documentation': ['normalization', 'security', 'documentation'],
  'Migration safety (all need the diff)': ['migration'],
}

describe('rule parity', () => {
  it('finds the rule files', () => expect(ruleFiles.length).toBeGreaterThan(40))

  for (const id of ruleFiles) {
    it(`${id} is registered, documented and tested under its id`, () => {
      const rule = rulesById.get(id)
      expect(rule, `${id}.ts is not in rules/index.ts`).toBeDefined()
      expect(rule!.meta.id).toBe(id)
      expect(rule!.meta.docs).toBe(docsPath(id))
      expect(existsSync(new URL(`${id}.test.ts`, here)), `${id}.test.ts`).toBe(true)
      const doc = readRuleDoc(readFileSync(new URL(`${id}.md`, here), 'utf8'))
      expect(doc.bad, `${id}.md has a ❌ sql block`).toBeDefined()
      expect(doc.good, `${id}.md has a ✅ sql block`).toBeDefined()
      // A migration rule's examples are a design and a change.
      if (rule!.meta.scope === 'diff') for (const e of [doc.badExample, doc.goodExample]) expect(e?.blocks.length, `${id}.md: design and change`).toBe(2)
    })
  }

  it('registers no rule without a file, in sorted order', () => {
    const ids = rules.map((r) => r.meta.id)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(ruleFiles).toContain(id)
  })

  it('matches the catalog in rules.md: ids, scopes, severities, categories', () => {
    const catalog = readCatalog()
    expect(catalog.length).toBe(69)
    const model = catalog.filter((r) => r.scope === 'M')
    expect(model.map((r) => r.id).sort()).toEqual(rules.filter((r) => r.meta.scope === 'model').map((r) => r.meta.id).sort())
    const diff = catalog.filter((r) => r.scope === 'D')
    expect(diff).toHaveLength(15)
    expect(diff.map((r) => r.id).sort()).toEqual(rules.filter((r) => r.meta.scope === 'diff').map((r) => r.meta.id).sort())
    for (const row of catalog) {
      const rule = rulesById.get(row.id)!
      expect(rule.meta.severity, row.id).toBe(severityOf[row.sev])
      expect(Boolean(rule.meta.defaultOff), `${row.id} is off by default`).toBe(row.sev.includes('off'))
      expect(categoriesOf[row.section], `${row.id} in ${row.section}`).toContain(rule.meta.category)
    }
  })

  it('has presets that name real rules; strict leaves no rule at info level', () => {
    for (const preset of Object.values(presets)) for (const id of Object.keys(preset.rules)) expect(rulesById.has(id), id).toBe(true)
    const strict = presets.strict.rules
    for (const rule of rules) {
      const setting = strict[rule.meta.id]
      const severity = setting === undefined ? rule.meta.severity : Array.isArray(setting) ? setting[0] : setting
      expect(severity, rule.meta.id).not.toBe('info')
      if (rule.meta.defaultOff) expect(setting, `${rule.meta.id} is turned on by strict`).toBeDefined()
    }
  })

  it('gives every option a default that passes its own schema, and every message a one-line text', () => {
    for (const rule of rules) {
      for (const template of Object.values(rule.meta.messages) as string[]) expect(template, rule.meta.id).not.toMatch(/\n/)
      expect(rule.meta.description.length, rule.meta.id).toBeGreaterThan(10)
    }
  })
})
