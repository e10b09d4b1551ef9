/**
 * Lossiness reports: what a target cannot express, as diagnostics with ids (for the app to select
 * the object) and names (for people). Each exporter keeps its messages in one table, ESLint-style,
 * and reports by message id; no message text is written inline.
 */
import type { Diagnostic, DiagnosticTarget, Severity } from '../../diagnostics.ts'
import type { ColumnId } from '../../model/ids.ts'
import { resolveNames } from '../../model/names.ts'
import { qualifiedTableName } from '../../model/queries.ts'
import type { Column, Constraint, EnumType, Index, Schema, Table } from '../../model/schema.ts'

export interface LossMessage {
  readonly severity: Severity
  /** `{{name}}` placeholders are filled from the report's data. */
  readonly text: string
}

export class LossReporter<Code extends string> {
  readonly diagnostics: Diagnostic[] = []
  private readonly tables = new Map<Table, DiagnosticTarget>()
  constructor(
    private readonly schema: Schema,
    private readonly messages: Readonly<Record<Code, LossMessage>>,
  ) {}

  report(code: Code, target: DiagnosticTarget, data: Readonly<Record<string, string>> = {}): void {
    const m = this.messages[code]
    const names = { ...targetNames(target), ...data }
    const message = m.text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => names[k] ?? `{{${k}}}`)
    this.diagnostics.push({ code, severity: m.severity, message, target })
  }

  table(t: Table): DiagnosticTarget {
    let target = this.tables.get(t)
    if (!target) this.tables.set(t, (target = { tableId: t.id, table: qualifiedTableName(this.schema, t) }))
    return target
  }
  column(t: Table, c: Column | ColumnId): DiagnosticTarget {
    const col = typeof c === 'string' ? t.columns.find((x) => x.id === c) : c
    return { ...this.table(t), ...(col ? { columnId: col.id, column: col.name } : {}) }
  }
  constraint(t: Table, c: Constraint): DiagnosticTarget {
    return { ...this.table(t), constraintId: c.id, constraint: resolveNames(this.schema).constraints.get(c.id) ?? c.name ?? '?' }
  }
  index(t: Table, i: Index): DiagnosticTarget {
    return { ...this.table(t), indexId: i.id, index: resolveNames(this.schema).indexes.get(i.id) ?? i.name ?? '?' }
  }
  enum(e: EnumType): DiagnosticTarget {
    return { enumId: e.id, enum: e.name }
  }
}

/** Placeholders every message may use without passing them: the names in the target. */
function targetNames(t: DiagnosticTarget): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of ['table', 'column', 'constraint', 'index', 'enum'] as const) if (t[k] !== undefined) out[k] = t[k]!
  return out
}
