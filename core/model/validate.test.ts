import { describe, expect, it } from 'vitest'
import { exportSchema } from '../exporters/index.ts'
import { col, schema, table } from '../testing/build.ts'
import { checkStructure } from './validate.ts'

const codes = (s: Parameters<typeof checkStructure>[0]) => checkStructure(s).diagnostics.map((d) => [d.code, d.severity])

describe('structural problems the DDL exporter reports instead of printing broken SQL', () => {
  it('a foreign key to columns that are not unique', () => {
    const s = schema({ a: table({ id: col('integer') }), b: table({ a_id: col('integer').references('a.id') }) })
    expect(codes(s)).toEqual([['fk-target-not-unique', 'error']])
    const out = exportSchema('postgres', s)
    expect(out.text).not.toContain('FOREIGN KEY')
    expect(out.diagnostics[0]!.message).toContain('not its primary key or a unique constraint')
  })
  it('foreign key columns of incomparable types, and of types in one family', () => {
    const s = schema({
      a: table({ id: col('uuid').primaryKey(), n: col('bigint').unique() }),
      b: table({ a_id: col('text').references('a.id'), n: col('integer').references('a.n') }),
    })
    expect(codes(s)).toEqual([
      ['fk-column-mismatch', 'error'],
      ['fk-column-mismatch', 'warning'],
    ])
  })
  it('a foreign key whose column counts differ', () => {
    const s = schema({
      a: table({ x: col('integer').notNull(), y: col('integer').notNull() }, { primaryKey: ['x', 'y'] }),
      b: table({ x: col('integer') }, { foreignKeys: [{ columns: ['x'], references: 'a', targetColumns: ['x', 'y'] }] }),
    })
    expect(codes(s)).toEqual([['fk-column-mismatch', 'error']])
  })
  it('duplicate table, column and constraint names', () => {
    const s = schema({ t: table({ a: col('integer') }, { checks: [{ name: 'c', expression: 'a > 0' }, { name: 'c', expression: 'a < 9' }] }) })
    const dup = { ...s, tables: [...s.tables, { ...s.tables[0]!, id: 'tb_x' as never, columns: [...s.tables[0]!.columns, { ...s.tables[0]!.columns[0]!, id: 'co_x' as never }] }] }
    expect(codes(dup)).toEqual([
      ['duplicate-constraint-name', 'error'],
      ['duplicate-relation-name', 'error'],
    ])
    expect(codes({ ...s, tables: [{ ...s.tables[0]!, columns: [...s.tables[0]!.columns, { ...s.tables[0]!.columns[0]!, id: 'co_y' as never }] }] })).toContainEqual(['duplicate-column-name', 'error'])
  })
  it('names over 63 bytes, counting UTF-8 bytes', () => {
    const s = schema({ ['名'.repeat(22)]: table({ ['é'.repeat(32)]: col('integer') }) })
    expect(codes(s)).toEqual([['identifier-too-long', 'error']])
  })
  it('expressions that would break out of their clause', () => {
    const s = schema({ t: table({ a: col('integer').default({ sql: '1); DROP TABLE t; --' } as never) }) })
    const broken = { ...s, tables: [{ ...s.tables[0]!, columns: [{ ...s.tables[0]!.columns[0]!, default: { kind: 'expression' as const, sql: '1); DROP TABLE t; --' } }] }] }
    expect(codes(broken)).toEqual([['invalid-expression', 'error']])
    expect(exportSchema('postgres', broken).text).not.toContain('DROP')
  })
})
