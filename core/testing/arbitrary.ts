/**
 * Random valid designs for property tests, drawn through fast-check's `gen` so failures shrink and
 * replay. Names are hostile on purpose: quotes, spaces, unicode, emoji, SQL keywords and names of
 * exactly 63 UTF-8 bytes, which push PostgreSQL's own naming into truncation.
 */
import fc from 'fast-check'
import type { GeneratorValue } from 'fast-check'
import { sequentialIds } from '../model/ids.ts'
import type { Column, ColumnType, EnumType, FkAction, ForeignKey, Index, Namespace, Schema, Table } from '../model/schema.ts'
import { byteLength } from '../model/names.ts'
import { quoteIdent } from '../sql/quote.ts'

const plainWords = ['id', 'name', 'orders', 'user_id', 'created_at', 'amount', 'status', 'a', 'b2', 'line_items']
const keywords = ['select', 'user', 'order', 'group', 'check', 'default', 'table', 'from', 'where', 'primary', 'references', 'limit', 'json', 'between']
const hostileWords = [
  'Mixed Case',
  'with "double" quotes',
  "it's",
  'back\\slash',
  'semi;colon',
  'emoji 🎉🐘',
  'ümlaut ß',
  '名前',
  'x-y',
  '1starts_with_digit',
  ' spaced ',
  '$dollar',
  '--dash',
  '/*c*/',
  'UPPER',
]
/** Exactly 63 bytes: the longest name PostgreSQL keeps. */
const longNames = ['名'.repeat(21), 'é'.repeat(31) + 'z', 'a'.repeat(63), 'long_' + '語'.repeat(19) + 'x']

export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...plainWords),
  fc.constantFrom(...keywords),
  fc.constantFrom(...hostileWords),
  fc.constantFrom(...longNames),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((s) => !s.includes('\0') && byteLength(s) <= 63),
)

type Gen = GeneratorValue

const scalarTypes: ColumnType[] = [
  { kind: 'builtin', name: 'integer', arrayDims: 0 },
  { kind: 'builtin', name: 'bigint', arrayDims: 0 },
  { kind: 'builtin', name: 'smallint', arrayDims: 0 },
  { kind: 'builtin', name: 'text', arrayDims: 0 },
  { kind: 'builtin', name: 'varchar', length: 40, arrayDims: 0 },
  { kind: 'builtin', name: 'numeric', precision: 12, scale: 2, arrayDims: 0 },
  { kind: 'builtin', name: 'boolean', arrayDims: 0 },
  { kind: 'builtin', name: 'uuid', arrayDims: 0 },
  { kind: 'builtin', name: 'timestamptz', arrayDims: 0 },
  { kind: 'builtin', name: 'date', arrayDims: 0 },
  { kind: 'builtin', name: 'jsonb', arrayDims: 0 },
  { kind: 'builtin', name: 'text', arrayDims: 1 },
]

const textLike = (t: ColumnType) => t.kind === 'builtin' && (t.name === 'text' || t.name === 'varchar') && t.arrayDims === 0

export function randomSchema(g: Gen): Schema {
  const ids = sequentialIds()
  const names = g(() => fc.uniqueArray(nameArb, { minLength: 120, maxLength: 120 }))
  let n = 0
  const nextName = () => names[n++ % names.length]! + (n > names.length ? String(n) : '')

  const namespaces: Namespace[] = [{ id: ids.next('namespace'), name: 'public' }]
  if (g(fc.boolean)) namespaces.push({ id: ids.next('namespace'), name: nextName(), ...(g(fc.boolean) ? { comment: nextName() } : {}) })
  const pickNs = () => namespaces[g(fc.nat, namespaces.length - 1)]!.id

  const enums: EnumType[] = []
  for (let i = g(fc.nat, 2); i > 0; i--) {
    const labels = g(() => fc.uniqueArray(nameArb, { minLength: 1, maxLength: 4 }))
    enums.push({ id: ids.next('enum'), namespaceId: pickNs(), name: nextName(), values: labels.map((l) => ({ id: ids.next('enumValue'), name: l })) })
  }
  const types: ColumnType[] = [...scalarTypes, ...enums.map((e): ColumnType => ({ kind: 'enum', enumId: e.id, arrayDims: 0 }))]

  const tables: Array<{ -readonly [K in keyof Table]: Table[K] }> = []
  for (let i = g(fc.integer, { min: 1, max: 5 }); i > 0; i--) {
    const columns: Column[] = []
    for (let c = g(fc.integer, { min: 1, max: 5 }); c > 0; c--) columns.push(randomColumn(g, ids.next('column'), nextName(), types, enums))
    tables.push({
      id: ids.next('table'),
      namespaceId: pickNs(),
      name: nextName(),
      ...(g(fc.boolean) ? { comment: nextName() } : {}),
      columns,
      uniques: [],
      checks: [],
      foreignKeys: [],
      indexes: [],
    })
  }

  for (const t of tables) {
    // A primary key on a random prefix of identity-free columns, or none.
    if (g(fc.nat, 3) > 0) {
      const count = g(fc.integer, { min: 1, max: Math.min(2, t.columns.length) })
      const keyCols = t.columns.slice(0, count)
      t.columns = t.columns.map((c) => (keyCols.includes(c) ? { ...c, nullable: false } : c))
      t.primaryKey = { kind: 'primaryKey', id: ids.next('constraint'), columns: keyCols.map((c) => c.id), ...(g(fc.boolean) ? { name: nextName() } : {}) }
    }
    for (let u = g(fc.nat, 2); u > 0; u--) {
      const cols = g(fc.shuffledSubarray, t.columns as Column[], { minLength: 1, maxLength: Math.min(2, t.columns.length) })
      t.uniques = [
        ...t.uniques,
        { kind: 'unique', id: ids.next('constraint'), columns: cols.map((c) => c.id), ...(g(fc.boolean) ? { name: nextName() } : {}), ...(g(fc.boolean) ? { nullsNotDistinct: true } : {}) },
      ]
    }
    for (let k = g(fc.nat, 1); k > 0; k--) {
      const c = t.columns[g(fc.nat, t.columns.length - 1)]!
      const q = quoteIdent(c.name)
      t.checks = [...t.checks, { kind: 'check', id: ids.next('constraint'), name: nextName(), expression: `${q} IS NOT NULL OR ${q} IS NULL` }]
    }
  }

  // Foreign keys: new columns typed like the referenced key, so cycles and self-references occur freely.
  for (let f = g(fc.nat, 4); f > 0; f--) {
    const child = tables[g(fc.nat, tables.length - 1)]!
    const parent = tables[g(fc.nat, tables.length - 1)]!
    const keys = [parent.primaryKey?.columns, ...parent.uniques.map((u) => u.columns)].filter((k): k is readonly Column['id'][] => !!k)
    if (keys.length === 0) continue
    const targetCols = keys[g(fc.nat, keys.length - 1)]!
    const nullable = g(fc.boolean)
    const newCols = targetCols.map((tid) => {
      const target = parent.columns.find((c) => c.id === tid)!
      return { id: ids.next('column'), name: nextName(), type: target.type, nullable } satisfies Column
    })
    child.columns = [...child.columns, ...newCols]
    if (child === parent) parent.columns = child.columns
    const actions: FkAction[] = nullable ? ['cascade', 'restrict', 'set null', 'no action'] : ['cascade', 'restrict', 'no action']
    const fk: ForeignKey = {
      kind: 'foreignKey',
      id: ids.next('constraint'),
      ...(g(fc.boolean) ? { name: nextName() } : {}),
      columns: newCols.map((c) => c.id),
      target: { tableId: parent.id, columns: targetCols },
      ...(g(fc.boolean) ? { onDelete: g(fc.constantFrom, ...actions) } : {}),
      ...(g(fc.boolean) ? { onUpdate: g(fc.constantFrom, 'cascade', 'restrict') } : {}),
      ...(g(fc.nat, 3) === 0 ? { deferrable: g(fc.constantFrom, 'initially immediate', 'initially deferred') } : {}),
      ...(targetCols.length > 1 && g(fc.boolean) ? { match: 'full' as const } : {}),
    }
    child.foreignKeys = [...child.foreignKeys, fk]
  }

  for (const t of tables) {
    for (let i = g(fc.nat, 2); i > 0; i--) t.indexes = [...t.indexes, randomIndex(g, t, ids.next('index'), nextName)]
  }
  return { namespaces, enums, tables, extensions: [] }
}

function randomColumn(g: Gen, id: Column['id'], name: string, types: ColumnType[], enums: EnumType[]): Column {
  const type = types[g(fc.nat, types.length - 1)]!
  const nullable = g(fc.boolean)
  const column: { -readonly [K in keyof Column]: Column[K] } = { id, name, type, nullable }
  if (g(fc.boolean)) Object.assign(column, defaultFor(g, type, enums))
  if (g(fc.nat, 5) === 0) column.comment = g(fc.constantFrom, "it's a comment", 'with "quotes"', 'unicode ✓ 名前', 'back\\slash', '')
  if (type.kind === 'builtin' && (type.name === 'integer' || type.name === 'bigint') && g(fc.nat, 4) === 0) {
    delete column.default
    column.identity = g(fc.constantFrom, 'always', 'by-default')
    column.nullable = false
  }
  return column
}

function defaultFor(g: Gen, type: ColumnType, enums: EnumType[]): Partial<Column> {
  if (type.kind === 'enum') {
    const values = enums.find((e) => e.id === type.enumId)!.values
    return { default: { kind: 'literal', value: values[g(fc.nat, values.length - 1)]!.name } }
  }
  if (type.kind !== 'builtin') return {}
  if (type.arrayDims > 0) return { default: { kind: 'literal', value: '{}' } }
  switch (type.name) {
    case 'integer':
    case 'smallint':
      return { default: { kind: 'literal', value: String(g(fc.integer, { min: -30000, max: 30000 })) } }
    case 'bigint':
      return { default: { kind: 'literal', value: String(g(fc.bigInt, { min: -(2n ** 62n), max: 2n ** 62n })) } }
    case 'numeric':
      return { default: { kind: 'literal', value: String(g(fc.integer, { min: 0, max: 10000 })) } }
    case 'boolean':
      return { default: { kind: 'literal', value: String(g(fc.boolean)) } }
    case 'text':
    case 'varchar':
      return { default: { kind: 'literal', value: g(fc.constantFrom, '', "it's", 'a"b', 'back\\slash', '名前', 'x'.repeat(40)) } }
    case 'uuid':
      return { default: { kind: 'expression', sql: 'gen_random_uuid()' } }
    case 'timestamptz':
      return { default: { kind: 'expression', sql: 'now()' } }
    case 'date':
      return { default: { kind: 'expression', sql: 'CURRENT_DATE' } }
    case 'jsonb':
      return { default: { kind: 'literal', value: '{}' } }
    default:
      return {}
  }
}

function randomIndex(g: Gen, t: Table, id: Index['id'], nextName: () => string): Index {
  const cols = g(fc.shuffledSubarray, t.columns as Column[], { minLength: 1, maxLength: Math.min(3, t.columns.length) })
  const text = t.columns.find((c) => textLike(c.type))
  const useExpression = text !== undefined && g(fc.nat, 3) === 0
  const rest = t.columns.filter((c) => !cols.includes(c))
  return {
    id,
    ...(g(fc.boolean) ? { name: nextName() } : {}),
    unique: g(fc.nat, 3) === 0,
    method: 'btree',
    keys: [
      ...(useExpression ? [{ kind: 'expression' as const, sql: `lower(${quoteIdent(text.name)})` }] : []),
      ...cols.map((c) => ({
        kind: 'column' as const,
        columnId: c.id,
        ...(g(fc.boolean) ? { order: 'desc' as const } : {}),
        ...(g(fc.nat, 3) === 0 ? { nulls: g(fc.constantFrom, 'first', 'last') } : {}),
      })),
    ],
    include: rest.length && g(fc.nat, 3) === 0 ? [rest[0]!.id] : [],
    ...(g(fc.nat, 3) === 0 ? { where: `${quoteIdent(cols[0]!.name)} IS NOT NULL` } : {}),
  }
}
