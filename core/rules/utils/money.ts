/** Which column names hold money (S1: "never FLOAT"; S3 §3.1.3). */
import type { ColumnType } from '../../model/schema.ts'
import { words } from './naming.ts'

const moneyWords = new Set(['price', 'prices', 'amount', 'amounts', 'cost', 'costs', 'fee', 'fees', 'tax', 'taxes', 'balance', 'subtotal', 'total', 'salary', 'revenue', 'budget', 'wage', 'wages', 'payout', 'refund', 'discount', 'charge', 'credit', 'debit', 'money', 'cash', 'payment'])
/** Words that make a money-sounding name a ratio, a count or a measure instead. */
const notMoney = new Set(['rate', 'rates', 'percent', 'percentage', 'pct', 'ratio', 'count', 'qty', 'quantity', 'weight', 'score', 'points', 'id', 'ids', 'at', 'on', 'date', 'type', 'status', 'days', 'number', 'code', 'currency', 'method', 'name', 'period', 'limit', 'items', 'tokens', 'minutes', 'hours', 'seconds', 'views', 'votes', 'reason'])

const moneyCache = new Map<string, boolean>()

export function isMoneyName(name: string): boolean {
  let hit = moneyCache.get(name)
  if (hit === undefined) {
    const w = words(name)
    hit = !w.some((x) => notMoney.has(x)) && w.some((x) => moneyWords.has(x))
    if (moneyCache.size > 50_000) moneyCache.clear()
    moneyCache.set(name, hit)
  }
  return hit
}

/** `price_cents`, `amount_minor`: minor units by name. */
export function isMinorUnitsName(name: string): boolean {
  const w = words(name)
  const last = w[w.length - 1]
  return last === 'cents' || last === 'minor' || last === 'pennies' || last === 'micros'
}

export function numericType(precision: number, scale: number): ColumnType {
  return { kind: 'builtin', name: 'numeric', precision, scale, arrayDims: 0 }
}

export const bigintType: ColumnType = { kind: 'builtin', name: 'bigint', arrayDims: 0 }
