/**
 * Per-object caches must never change an answer. The core caches derived data per schema and per
 * table object (names, structural checks, lint findings, exporter sections); an edit makes new
 * objects for what it changed and shares the rest. Here every answer for an edited design, with
 * the caches warm from the version before, must equal the answer for a deep copy (nothing cached).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLinter, lint } from '../rules/lint.ts'
import { exporters } from '../exporters/index.ts'
import { randomSchema } from '../testing/arbitrary.ts'
import { randomEdits } from '../testing/edit-arbitrary.ts'
import { generateDesign } from '../testing/generate.ts'
import { renameColumn, renameTable, updateColumn, updateTable } from './edits.ts'
import { resolveNames } from './names.ts'
import type { Schema } from './schema.ts'
import { checkStructure } from './validate.ts'

const targets = Object.keys(exporters).filter((id) => id !== 'json')

/** Everything the caches feed, as plain data. */
function answers(schema: Schema, linter = createLinter()) {
  const names = resolveNames(schema)
  const structure = checkStructure(schema)
  return {
    constraints: [...names.constraints],
    indexes: [...names.indexes],
    numbered: [...names.numbered],
    structure: {
      diagnostics: structure.diagnostics,
      skips: [structure.skipTables, structure.skipColumns, structure.skipConstraints, structure.skipIndexes, structure.skipEnums].map((s) => [...s].sort()),
    },
    lint: linter.lint(schema).map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, target: d.target })),
    exports: Object.fromEntries(targets.map((id) => [id, exporters[id]!.export(schema)])),
  }
}

function expectSameAsFresh(schema: Schema, linter: ReturnType<typeof createLinter>) {
  const warm = answers(schema, linter)
  const cold = answers(structuredClone(schema))
  expect(warm).toEqual(cold)
}

describe('caches per object', () => {
  it('give the answers of a fresh copy after random edits', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        let schema = randomSchema(g)
        const linter = createLinter()
        answers(schema, linter)
        for (let step = 0; step < 3; step++) {
          schema = randomEdits(g, schema, 4).schema
          expectSameAsFresh(schema, linter)
        }
      }),
      { numRuns: 25 },
    )
  })

  it('give the answers of a fresh copy when an edit makes names clash, and when it stops', () => {
    const { schema: base } = generateDesign({ tables: 40, seed: 3 })
    const linter = createLinter()
    answers(base, linter)
    const [a, b] = base.tables.filter((t) => t.namespaceId === base.tables[0]!.namespaceId)
    // A table named like another in its schema, then an index named like a table.
    const clash = renameTable(base, b!.id, a!.name)
    expectSameAsFresh(clash, linter)
    const back = renameTable(clash, b!.id, b!.name)
    expectSameAsFresh(back, linter)
    const withIndex = updateTable(back, a!.id, (t) => ({ ...t, indexes: t.indexes.map((i, k) => (k === 0 ? { ...i, name: b!.name } : i)) }))
    expectSameAsFresh(withIndex, linter)
    // An unnamed key renumbered by a name taken elsewhere.
    const pkName = resolveNames(base).constraints.get(a!.primaryKey!.id)!
    const taken = updateTable(base, b!.id, (t) => ({ ...t, indexes: t.indexes.map((i, k) => (k === 0 ? { ...i, name: pkName } : i)) }))
    expectSameAsFresh(taken, linter)
    expect(resolveNames(taken).constraints.get(a!.primaryKey!.id)).not.toBe(pkName)
    const column = a!.columns.find((c) => !a!.primaryKey!.columns.includes(c.id))!
    expectSameAsFresh(updateColumn(taken, a!.id, column.id, { nullable: !column.nullable }), linter)
  })

  it('keep lint and every export of a one-column edit equal to a fresh run at 300 tables', () => {
    const { schema } = generateDesign({ tables: 300, seed: 1 })
    const linter = createLinter()
    answers(schema, linter)
    let s = schema
    for (const k of [7, 150, 299]) {
      const t = s.tables[k]!
      const c = t.columns.find((x) => !t.primaryKey?.columns.includes(x.id))!
      s = renameColumn(updateColumn(s, t.id, c.id, { nullable: !c.nullable }), t.id, c.id, `${c.name}_x`)
      expectSameAsFresh(s, linter)
    }
    expect(lint(s).length).toBeGreaterThan(0)
  })
})
