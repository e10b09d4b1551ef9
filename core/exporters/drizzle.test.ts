import { describe, expect, it } from 'vitest'
import { blog } from '../fixtures/blog.ts'
import { edgeCases } from '../fixtures/edge-cases.ts'
import { shop } from '../fixtures/shop.ts'
import { parseColumnType } from '../model/types.ts'
import { col, schema as design, sql, table } from '../testing/build.ts'
import { customTypeText } from './drizzle/columns.ts'
import { tsPropertyName, tsVariableName } from './drizzle/names.ts'
import { sqlTemplate, tsString } from './drizzle/print.ts'
import { exportSchema } from './index.ts'

const fixtures = { shop, blog, 'edge-cases': edgeCases }

describe('drizzle exporter', () => {
  for (const [name, schema] of Object.entries(fixtures)) {
    it(`prints ${name} as in its golden file, with its losses`, async () => {
      const out = exportSchema('drizzle', schema)
      await expect(out.text).toMatchFileSnapshot(`__golden__/${name}.drizzle.ts`)
      await expect(out.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n') + '\n').toMatchFileSnapshot(
        `__golden__/${name}.drizzle-losses.txt`,
      )
    })
    it(`prints ${name} the same way every time`, () => {
      expect(exportSchema('drizzle', schema).text).toBe(exportSchema('drizzle', structuredClone(schema)).text)
    })
  }

  it.each([
    ['order_items', 'orderItems'],
    ['Invoice Lines', 'invoiceLines'],
    ['delete', 'delete_'],
    ['1st', 'table1st'],
    ['名前', undefined],
  ])('names the table const for %j %j', (name, ident) => {
    expect(tsVariableName(name, 'table')).toBe(ident)
  })

  it.each([
    ['created_at', 'createdAt'],
    ['default', 'default'],
    ['__proto__', 'proto'],
    ['1st', 'column1st'],
  ])('names the column key for %j %j', (name, key) => {
    expect(tsPropertyName(name, 'column')).toBe(key)
  })

  it.each([
    ["it's", `"it's"`],
    [`a"b'c`, `'a"b\\'c'`],
    ['back\\slash', `'back\\\\slash'`],
    ['line\nbreak\u2028', `'line\\nbreak\\u2028'`],
  ])('quotes the string %j as %s', (value, quoted) => {
    expect(tsString(value)).toBe(quoted)
  })

  it('writes SQL in a template that cannot be closed or interpolated from inside', () => {
    expect(sqlTemplate("a ` b ${c} \\d")).toBe('sql`a \\` b \\${c} \\\\d`')
  })

  it.each([
    ['my_type', 'my_type', true],
    ['"My Domain"', 'My Domain', true],
    ['public.citext', 'citext', true],
    ['vector(3)', 'vector(3)', true],
    ['geography(Point,4326)', 'geography(Point,4326)', false],
    ['billing.money_type', 'billing.money_type', false],
  ])('writes the custom type %s for drizzle-kit as %j (printable: %s)', (type, text, kitOk) => {
    const parsed = parseColumnType(type)
    if (!parsed.ok || parsed.type.kind !== 'custom') throw new Error(`not a custom type: ${type}`)
    expect(customTypeText(parsed.type)).toEqual({ text, kitOk })
  })

  it('reports a custom type drizzle-kit would quote as one name', () => {
    const out = exportSchema('drizzle', design({ t: table({ id: col('integer').primaryKey(), g: col('geography(Point,4326)'), c: col('citext') }) }))
    expect(out.diagnostics.filter((d) => d.code === 'drizzle-kit-custom-type').map((d) => d.target?.column)).toEqual(['g'])
  })

  it('gives identity sequences the name PostgreSQL would, where drizzle-kit would overflow 63 bytes', () => {
    const long = 'x'.repeat(60)
    const out = exportSchema('drizzle', design({ [long]: table({ id: col('integer').identity('always').primaryKey() }) }))
    expect(out.text).toContain(`.generatedAlwaysAsIdentity({ name: '${'x'.repeat(56)}_id_seq' })`)
  })

  it('reports names and SQL drizzle-kit would split or leave unescaped', () => {
    const out = exportSchema(
      'drizzle',
      design({
        'semi;colon': table(
          { 'a,b': col('integer').primaryKey(), 'q"q': col('text') },
          { checks: [{ name: 'ck', expression: "\"q\"\"q\" <> 'x;y'" }] },
        ),
      }),
    )
    expect(out.diagnostics.filter((d) => d.code === 'drizzle-kit-unsafe-text').map((d) => d.target?.column ?? d.target?.constraint ?? d.target?.table)).toEqual([
      'public.semi;colon',
      'a,b',
      'q"q',
      'semi;colon_pkey',
      'ck',
    ])
  })

  it('leaves out a unique constraint that repeats the primary key, and says so', () => {
    const out = exportSchema('drizzle', design({ t: table({ id: col('integer').primaryKey() }, { uniques: [{ columns: ['id'] }] }) }))
    expect(out.text).not.toContain('unique(')
    expect(out.diagnostics.map((d) => d.code)).toEqual(['drizzle-kit-merged-unique'])
  })

  it('writes defaults in the builder\u2019s words where drizzle-kit reads them back exactly', () => {
    const out = exportSchema(
      'drizzle',
      design({
        t: table({
          id: col('uuid').primaryKey().default(sql`gen_random_uuid()`),
          at: col('timestamptz').default(sql`now()`),
          n: col('integer').default(5),
          big: col('bigint').default('9007199254740993'),
          s: col('text').default("it's"),
          j: col('jsonb').default('{"a": 1}'),
          tags: col('text[]').default('{}'),
        }),
      }),
    )
    expect(out.text).toContain('id: uuid().primaryKey().defaultRandom(),')
    expect(out.text).toContain("at: timestamp({ withTimezone: true }).defaultNow(),")
    expect(out.text).toContain('n: integer().default(5),')
    expect(out.text).toContain('big: bigint({ mode: \'bigint\' }).default(sql`9007199254740993`),')
    expect(out.text).toContain(`s: text().default("it's"),`)
    expect(out.text).toContain(`j: jsonb().default(sql\`'{"a": 1}'\`),`)
    expect(out.text).toContain('tags: text().array().default([]),')
  })
})
