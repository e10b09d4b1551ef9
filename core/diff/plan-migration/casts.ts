/**
 * What `ALTER COLUMN ... TYPE` does to existing rows: whether PostgreSQL has a cast it applies on
 * its own (implicit or assignment; otherwise a USING expression is required), whether it rewrites
 * the table, and whether values can be lost or rejected. The cast contexts are those of
 * PostgreSQL's `pg_cast` (casts.test.ts checks them against the catalog, and checks every "no
 * rewrite" claim by watching the table's file node).
 */
import type { ColumnType } from '../../model/schema.ts'
import { storageTypeName } from '../../model/types.ts'

export interface TypeChange {
  /** ALTER COLUMN TYPE works without USING: an implicit or assignment cast exists. */
  readonly assignment: boolean
  /** PostgreSQL keeps the table's data as it is (binary-coercible, or a widening of the modifier). */
  readonly noRewrite: boolean
  /** No rewrite only when the session TimeZone is UTC (timestamp to timestamptz and back). */
  readonly noRewriteIfUtc: boolean
  /** How existing values can be changed or rejected, if they can. */
  readonly risk?: string
}

const strings = new Set(['text', 'varchar', 'char'])
const numbers = ['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']
const intWidth: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 }

/** Implicit or assignment casts between different builtin types (pg_cast, contexts i and a). */
const assignmentCasts = new Set<string>([
  ...numbers.flatMap((a) => numbers.filter((b) => b !== a).map((b) => `${a}>${b}`)),
  'bigint>money', 'integer>money', 'numeric>money', 'money>numeric',
  'date>timestamp', 'date>timestamptz', 'timestamp>timestamptz', 'timestamptz>timestamp', 'timestamp>date', 'timestamptz>date',
  'timestamp>time', 'timestamptz>time', 'timestamptz>timetz', 'time>timetz', 'timetz>time', 'time>interval', 'interval>time',
  'json>jsonb', 'jsonb>json', 'cidr>inet', 'inet>cidr', 'macaddr>macaddr8', 'macaddr8>macaddr', 'bit>varbit', 'varbit>bit',
  'text>varchar', 'text>char', 'varchar>text', 'varchar>char', 'char>text', 'char>varchar',
])

/** Casts PostgreSQL applies without touching the stored bytes (pg_cast method b). */
const binaryCasts = new Set(['varchar>text', 'text>varchar', 'cidr>inet', 'bit>varbit', 'varbit>bit'])

const timeTypes = new Set(['time', 'timetz', 'timestamp', 'timestamptz', 'interval'])

export function classifyTypeChange(from: ColumnType, to: ColumnType): TypeChange {
  const none = { assignment: false, noRewrite: false, noRewriteIfUtc: false }
  // Anything, arrays included, turns into a string type through its text form (the I/O cast).
  if (from.arrayDims > 0 && to.arrayDims === 0 && to.kind === 'builtin' && strings.has(to.name))
    return { assignment: true, noRewrite: false, noRewriteIfUtc: false, ...(to.length !== undefined || to.name === 'char' ? { risk: `text forms longer than ${to.length ?? 1} make the step fail` } : {}) }
  if (from.arrayDims !== to.arrayDims) return { ...none, risk: 'the array dimensions change, so only a USING expression can say how' }
  if (from.kind === 'enum' || to.kind === 'enum') {
    if (from.kind === 'enum' && to.kind === 'enum') return { ...none, risk: 'labels the new enum does not have make the step fail' }
    // Any type converts to a string type through its text form (PostgreSQL's I/O conversion cast).
    if (to.kind === 'builtin' && strings.has(to.name) && to.arrayDims === 0)
      return { assignment: true, noRewrite: false, noRewriteIfUtc: false, ...(to.length !== undefined ? { risk: `labels longer than ${to.length} characters make the step fail` } : {}) }
    return { ...none, risk: 'values that are not labels of the enum make the step fail' }
  }
  if (from.kind === 'custom' || to.kind === 'custom') {
    const f = from.kind === 'custom' ? from.name : storageTypeName(from)
    const t = to.kind === 'custom' ? to.name : storageTypeName(to)
    if (f === 'citext' && t === 'text') return { assignment: true, noRewrite: true, noRewriteIfUtc: false }
    if (f === 'text' && t === 'citext') return { assignment: true, noRewrite: true, noRewriteIfUtc: false }
    if (to.kind === 'builtin' && strings.has(to.name)) return { assignment: true, noRewrite: false, noRewriteIfUtc: false }
    return { ...none, risk: 'Crowsfoot does not know the casts of this type; rows it cannot convert make the step fail' }
  }
  const f = storageTypeName(from)
  const t = storageTypeName(to)
  if (f === t) return sameBase(f, from, to)
  const key = `${f}>${t}`
  const assignment = assignmentCasts.has(key) || strings.has(t)
  // A binary cast still rewrites when the new modifier has to check or pad the values.
  const noRewrite = binaryCasts.has(key) && !((t === 'varchar' || t === 'varbit') && to.length !== undefined) && t !== 'char' && t !== 'bit'
  const keepsPrecision = to.kind === 'builtin' && from.kind === 'builtin' && (to.precision === undefined || (from.precision !== undefined && to.precision >= from.precision))
  const noRewriteIfUtc = (key === 'timestamp>timestamptz' || key === 'timestamptz>timestamp') && keepsPrecision
  const risk = assignment ? crossRisk(f, t, to) : `no cast from ${f} to ${t} applies by itself: rows a USING expression cannot convert make the step fail`
  return { assignment, noRewrite, noRewriteIfUtc, ...(risk ? { risk } : {}) }
}

function sameBase(name: string, from: ColumnType, to: ColumnType): TypeChange {
  if (from.kind !== 'builtin' || to.kind !== 'builtin') return { assignment: true, noRewrite: true, noRewriteIfUtc: false }
  const widen = { assignment: true, noRewrite: true, noRewriteIfUtc: false }
  const rewrite = (risk?: string): TypeChange => ({ assignment: true, noRewrite: false, noRewriteIfUtc: false, ...(risk ? { risk } : {}) })
  if (name === 'varchar' || name === 'varbit') {
    if (to.length === undefined || (from.length !== undefined && to.length >= from.length)) return widen
    return rewrite(`values longer than ${to.length} make the step fail`)
  }
  if (name === 'char' || name === 'bit') {
    if (from.length === to.length) return widen
    return rewrite(name === 'char' ? `values are padded or checked to ${to.length ?? 1} characters` : `bit strings of another length make the step fail`)
  }
  if (name === 'numeric') {
    if (to.precision === undefined) return widen
    const fs = from.scale ?? 0
    const ts = to.scale ?? 0
    if (from.precision !== undefined && ts === fs && to.precision >= from.precision) return widen
    if (ts < fs || from.precision === undefined) return rewrite('values are rounded to the new scale, and those too large for the new precision make the step fail')
    return rewrite('values too large for the new precision make the step fail')
  }
  if (timeTypes.has(name)) {
    if (from.fields !== to.fields) return rewrite('interval fields change, which can drop parts of values')
    if (to.precision === undefined || (from.precision !== undefined && to.precision >= from.precision)) return widen
    return rewrite(`fractional seconds are rounded to ${to.precision} digits`)
  }
  // serial and integer, or the same type written differently: nothing to convert.
  return widen
}

function crossRisk(f: string, t: string, to: ColumnType): string | undefined {
  if (intWidth[f] !== undefined && intWidth[t] !== undefined) return intWidth[t]! < intWidth[f]! ? `values outside the range of ${t} make the step fail` : undefined
  if ((f === 'numeric' || f === 'real' || f === 'double precision') && intWidth[t] !== undefined) return `fractions are rounded, and values outside the range of ${t} make the step fail`
  if (t === 'real' && f !== 'smallint') return 'real keeps about 6 significant digits: larger or finer values are rounded'
  if (t === 'double precision' && (f === 'bigint' || f === 'numeric')) return 'double precision keeps about 15 significant digits: values beyond that are rounded'
  if (t === 'numeric' && to.kind === 'builtin' && to.precision !== undefined) return 'values are rounded to the scale, and those too large for the precision make the step fail'
  if (t === 'money') return 'values are rounded to the currency of the server locale'
  if (f === 'money') return undefined
  if (strings.has(f) && strings.has(t)) {
    if (f === 'char') return 'trailing spaces of char values are dropped'
    if (to.kind === 'builtin' && to.length !== undefined) return `values longer than ${to.length} make the step fail`
    return undefined
  }
  if (strings.has(t)) return to.kind === 'builtin' && to.length !== undefined ? `text forms longer than ${to.length} make the step fail` : undefined
  if ((f === 'timestamp' && t === 'timestamptz') || (f === 'timestamptz' && t === 'timestamp')) return "values are converted with the session's TimeZone"
  if (t === 'date' || (t === 'time' && f !== 'timetz' && f !== 'interval')) return `the ${t === 'date' ? 'time of day' : 'date'} part is dropped`
  if (f === 'timetz' && t === 'time') return 'the time zone offset is dropped'
  if (f === 'interval' && t === 'time') return 'days and more are dropped'
  if (f === 'inet' && t === 'cidr') return 'addresses with host bits set make the step fail'
  if (f === 'macaddr8' && t === 'macaddr') return 'addresses that are not EUI-48 make the step fail'
  if (f === 'varbit' && t === 'bit') return 'bit strings of another length make the step fail'
  if (f === 'jsonb' && t === 'json') return 'key order and duplicate keys of the original text are not brought back'
  return undefined
}
