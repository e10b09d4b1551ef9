import { describe, expect, it } from 'vitest'
import { addColumn, addForeignKey, addIndex, removeTable, renameTable, setColumnType, updateColumn } from '../model/edits.ts'
import { sequentialIds } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'
import { shop } from '../fixtures/shop.ts'
import { col, schema, table } from '../testing/build.ts'
import { deepFreeze } from '../testing/freeze.ts'
import { generateDesign } from '../testing/generate.ts'
import { defineDiffRule, defineRule } from './define-rule.ts'
import { createLinter, lint, lintChange } from './lint.ts'
import { findingKey } from './report.ts'
import type { RuleDiagnostic } from './types.ts'

const summary = (ds: readonly RuleDiagnostic[]) => ds.map((d) => `${findingKey(d)} ${d.severity} ${d.message}`).sort()

describe('lint', () => {
  it('gives every finding the rule id, ids and schema-qualified names of its target', () => {
    const found = lint(deepFreeze(shop))
    const d = found.find((x) => x.code === 'unconstrained-status' && x.target.column === 'role')!
    expect(d).toMatchObject({ code: 'unconstrained-status', rule: 'unconstrained-status', severity: 'warning', target: { table: 'public.users', column: 'role' } })
    expect(d.target.tableId).toBe(shop.tables.find((t) => t.name === 'users')!.id)
    expect(d.message).toContain('"users.role"')
  })

  it('turns a rule that throws into one finding instead of failing the lint', () => {
    const broken = defineRule({
      meta: { id: 'broken', category: 'naming', scope: 'model', severity: 'warning', description: 'Always throws, for the test.', messages: { x: 'x' }, docs: '' },
      checkTable() {
        throw new Error('boom')
      },
    })
    const found = createLinter({ rules: { broken: 'warning' } }, [broken]).lint(schema({ t: table({ id: col('int').primaryKey() }) }))
    expect(found).toEqual([expect.objectContaining({ code: 'broken', messageId: '__crash__', severity: 'error', message: expect.stringContaining('boom') })])
  })
})

describe('diff rules', () => {
  it('plug into the same registry, config and findings, and stay out of model lint', () => {
    const dropped = defineDiffRule({
      meta: { id: 'destructive-drop', category: 'migration', scope: 'diff', severity: 'warning', description: 'A table was dropped (test stand-in).', messages: { drop: 'Table "{{table}}" is dropped.' }, docs: '' },
      check({ before, after }, ctx) {
        for (const t of before.tables) if (!after.tables.some((x) => x.id === t.id)) ctx.report({ messageId: 'drop', target: {}, data: { table: t.name } })
      },
    })
    const after = removeTable(shop, shop.tables[0]!.id)
    expect(lintChange(shop, after, { rules: { 'destructive-drop': 'error' } }, [dropped]).map((d) => `${d.severity} ${d.message}`)).toEqual(['error Table "users" is dropped.'])
    expect(createLinter(undefined, [dropped]).lint(after)).toEqual([])
  })
})

describe('incremental re-lint', () => {
  const { schema: design } = generateDesign({ tables: 120, seed: 7 })
  const ids = sequentialIds(1, 'edit')
  // Each edit returns a new schema that shares every table it did not touch.
  const edits: Array<[string, (s: Schema) => Schema]> = [
    ['toggle a nullability', (s) => { const t = s.tables[10]!; return updateColumn(s, t.id, t.columns[1]!.id, { nullable: !t.columns[1]!.nullable }) }],
    ['rename a referenced table', (s) => renameTable(s, s.tables[0]!.id, 'renamed_parent')],
    ['add a float price', (s) => addColumn(s, s.tables[20]!.id, { id: ids.next('column'), name: 'price', type: { kind: 'builtin', name: 'real', arrayDims: 0 }, nullable: true })],
    ['retype a key', (s) => { const t = s.tables[5]!; return setColumnType(s, t.id, t.primaryKey!.columns[0]!, { kind: 'builtin', name: 'text', arrayDims: 0 }) }],
    ['add an index', (s) => { const t = s.tables[30]!; return addIndex(s, t.id, { id: ids.next('index'), unique: false, method: 'btree', keys: [{ kind: 'column', columnId: t.columns[0]!.id }], include: [] }) }],
    ['add a table named after a reference', (s) => ({ ...s, tables: [...s.tables, { ...s.tables[3]!, id: ids.next('table'), name: 'customers', foreignKeys: [], indexes: [], uniques: [], checks: [] }] })],
    ['add a foreign key that closes a cycle', (s) => { const a = s.tables[40]!; const b = s.tables[41]!; const c = a.columns.find((x) => x.id === a.primaryKey?.columns[0])!; return addForeignKey(s, b.id, { id: ids.next('constraint'), kind: 'foreignKey', columns: [b.primaryKey!.columns[0]!], target: { tableId: a.id, columns: [c.id] } }) }],
    ['drop a table', (s) => removeTable(s, s.tables[50]!.id)],
  ]

  it('gives the same findings as a fresh lint after every kind of edit, and reuses the untouched tables', () => {
    const linter = createLinter()
    let current = design
    linter.lint(current)
    for (const [name, edit] of edits) {
      current = edit(current)
      const incremental = linter.lint(current)
      expect(summary(incremental), name).toEqual(summary(lint(current)))
    }
    const t = current.tables[60]!
    linter.lint(updateColumn(current, t.id, t.columns[1]!.id, { comment: 'changed' }))
    expect(linter.lastRun.reused).toBeGreaterThan(current.tables.length - 10)
  })
})
