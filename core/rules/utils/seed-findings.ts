/**
 * Linting the seeds' example schemas (see examples.ts): what the seeds test asserts and what
 * docs/rules.md records per seed. Findings are keyed `rule table.object` and deduplicated, since a
 * table imported as context for one block is also linted in its own.
 */
import { addCheck } from '../../model/edits.ts'
import { importSchema } from '../../importers/index.ts'
import type { Schema } from '../../model/schema.ts'
import type { LintConfig } from '../config.ts'
import { lint } from '../lint.ts'
import type { RuleDiagnostic } from '../types.ts'
import { prismaExample, sqlExamples } from './examples.ts'

export interface SeedFinding {
  readonly rule: string
  readonly severity: RuleDiagnostic['severity']
  /** `table`, `table.column`, or `table.constraint-or-index` (unqualified). */
  readonly where: string
  readonly message: string
}

function whereOf(d: RuleDiagnostic): string {
  const t = d.target
  const table = t.table?.replace(/^public\./, '') ?? t.enum ?? ''
  const object = t.column ?? t.constraint ?? t.index
  return object ? `${table}.${object}` : table
}

/** Imports every example of a seed and lints it; import failures are returned, not thrown. */
export async function lintSeed(markdown: string, config?: LintConfig): Promise<{ findings: SeedFinding[]; schemas: Schema[]; failures: string[] }> {
  const schemas: Schema[] = []
  const failures: string[] = []
  for (const example of sqlExamples(markdown)) {
    const result = await importSchema('postgres', example.sql)
    if (result.ok && result.schema.tables.length > 0) schemas.push(result.schema)
    else failures.push(`block ${example.block}: ${result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'nothing imported'}`)
  }
  const prisma = prismaExample(markdown)
  if (prisma) {
    const result = await importSchema('prisma', prisma.schema)
    if (result.ok) {
      let s = result.schema
      prisma.checks.forEach((c, i) => {
        const table = s.tables.find((t) => t.name === c.model)
        if (table) s = addCheck(s, table.id, { kind: 'check', name: `${c.model}_check${i + 1}`, expression: c.expression })
      })
      schemas.push(s)
    } else failures.push(`prisma: ${result.diagnostics.find((d) => d.severity === 'error')?.message}`)
  }
  const seen = new Map<string, SeedFinding>()
  for (const s of schemas)
    for (const d of lint(s, config)) {
      const finding = { rule: d.code, severity: d.severity, where: whereOf(d), message: d.message }
      const key = `${finding.rule} ${finding.where} ${d.messageId}`
      if (!seen.has(key)) seen.set(key, finding)
    }
  return { findings: [...seen.values()], schemas, failures }
}
