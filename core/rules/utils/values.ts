/**
 * Reading constant defaults: which constant a default stands for, and whether PostgreSQL can read
 * it as a given type. Lenient where PostgreSQL is (dates, numbers): only clear failures count.
 */
import type { Column, ColumnType } from '../../model/schema.ts'
import { tokenize } from './sql.ts'

const integerRanges: Record<string, readonly [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
}
const booleans = new Set(['true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', 'on', 'off', '1', '0', 'tr', 'tru', 'fa', 'fal', 'fals', 'ye', 'of'])
const specialTimes = new Set(['now', 'today', 'tomorrow', 'yesterday', 'epoch', 'infinity', '-infinity', 'allballs'])

/** The constant a default stands for: a literal, or `'x'::type` written as an expression. */
export function constantOf(column: Column): string | undefined {
  const d = column.default
  if (!d) return undefined
  if (d.kind === 'literal') return d.value
  const t = tokenize(d.sql)
  if (t[0]?.kind === 'string' && (t.length === 1 || (t[1]?.kind === 'punct' && t[1].value === '::'))) return t[0].value
  return undefined
}

const validCache = new Map<string, boolean>()

/** Whether PostgreSQL reads `raw` as a constant of type `t`. Remembered: the same defaults ('0', 'true', '{}') recur. */
export function validFor(t: ColumnType, raw: string): boolean {
  if (t.kind !== 'builtin' || t.arrayDims > 0) return true
  const key = `${t.name}\u0000${raw}`
  let hit = validCache.get(key)
  if (hit === undefined) {
    if (validCache.size > 20_000) validCache.clear()
    validCache.set(key, (hit = readsAs(t, raw)))
  }
  return hit
}

function readsAs(t: ColumnType & { kind: 'builtin' }, raw: string): boolean {
  const v = raw.trim().toLowerCase()
  switch (t.name) {
    case 'smallint':
    case 'integer':
    case 'bigint': {
      if (!/^[+-]?\d+$/.test(v)) return false
      const [lo, hi] = integerRanges[t.name]!
      const n = BigInt(v)
      return n >= lo && n <= hi
    }
    case 'numeric':
    case 'real':
    case 'double precision':
      return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(v) || ['nan', 'infinity', '-infinity', '+infinity', 'inf', '-inf'].includes(v)
    case 'boolean':
      return booleans.has(v)
    case 'uuid':
      return /^[0-9a-f]{32}$/.test(v.replace(/^\{|\}$/g, '').replace(/-/g, ''))
    case 'json':
    case 'jsonb':
      try {
        JSON.parse(raw)
        return true
      } catch {
        return false
      }
    case 'date':
    case 'timestamp':
    case 'timestamptz':
      return /\d/.test(v) || specialTimes.has(v)
    case 'inet':
    case 'cidr':
      return /^[0-9a-f.:]+(\/\d{1,3})?$/.test(v)
    default:
      return true
  }
}
