/**
 * Turning a rule's report into a diagnostic: the target gets ids and display names (schema-qualified
 * table, the effective constraint/index name), the message its data, the severity its shift.
 */
import type { DiagnosticTarget, Severity } from '../diagnostics.ts'
import type { ResolvedNames } from '../model/names.ts'
import type { SchemaIndex } from '../model/queries.ts'
import type { Namespace, Table } from '../model/schema.ts'
import type { ReportTarget } from './types.ts'

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 }
const byRank: readonly Severity[] = ['info', 'warning', 'error']

/**
 * A finding the rule rates `reported` when the rule runs at `ruleDefault` is rated `configured`
 * shifted by the same steps, clamped to info..error.
 */
export function shiftSeverity(reported: Severity, ruleDefault: Severity, configured: Severity): Severity {
  if (reported === ruleDefault) return configured
  const r = rank[reported] + rank[configured] - rank[ruleDefault]
  return byRank[Math.max(0, Math.min(2, r))]!
}

const compiled = new Map<string, readonly string[]>()

/**
 * Fills `{{key}}` placeholders. Templates are split once (odd positions are keys), so a lint that
 * produces thousands of findings does not run a regex for each.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template
  let parts = compiled.get(template)
  if (!parts) compiled.set(template, (parts = template.split(/\{\{\s*(\w+)\s*\}\}/)))
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!
    const value = data[key]
    out += (value === undefined ? `{{${key}}}` : String(value)) + parts[i + 1]!
  }
  return out
}

const qualifiedNames = new WeakMap<Table, { namespace: Namespace | undefined; name: string }>()

/** `public.orders`, remembered per table object (a table has many findings; an edit makes a new object). */
function qualified(table: Table, index: SchemaIndex): string {
  const namespace = index.namespaces.get(table.namespaceId)
  const hit = qualifiedNames.get(table)
  if (hit && hit.namespace === namespace) return hit.name
  const name = `${namespace?.name ?? '?'}.${table.name}`
  qualifiedNames.set(table, { namespace, name })
  return name
}

export function buildTarget(t: ReportTarget, index: SchemaIndex, names: ResolvedNames): DiagnosticTarget {
  const out: { -readonly [K in keyof DiagnosticTarget]: DiagnosticTarget[K] } = {}
  const nsName = (id: string) => index.namespaces.get(id as never)?.name ?? '?'
  if (t.namespace) out.namespaceId = t.namespace.id
  if (t.table) {
    out.tableId = t.table.id
    out.table = qualified(t.table, index)
  }
  if (t.column) {
    out.columnId = t.column.id
    out.column = t.column.name
  }
  if (t.constraint) {
    out.constraintId = t.constraint.id
    out.constraint = names.constraints.get(t.constraint.id) ?? (t.constraint.kind === 'check' ? t.constraint.name : '?')
  }
  if (t.index) {
    out.indexId = t.index.id
    out.index = names.indexes.get(t.index.id) ?? '?'
  }
  if (t.enum) {
    out.enumId = t.enum.id
    out.enum = `${nsName(t.enum.namespaceId)}.${t.enum.name}`
  }
  return out
}

/** Identity of a finding across two lint runs: same rule, message and target ids. */
export function findingKey(d: { code: string; messageId?: string; target?: DiagnosticTarget }): string {
  const t = d.target ?? {}
  return [d.code, d.messageId ?? '', t.namespaceId ?? '', t.tableId ?? '', t.columnId ?? '', t.constraintId ?? '', t.indexId ?? '', t.enumId ?? ''].join('\u0001')
}
