/**
 * What the core worker does, as plain functions of its state, so tests run them without a Worker.
 * Lint keeps one incremental linter per configuration: with the design kept by delta (unchanged
 * tables keep their objects), a one-table edit re-checks only that table's neighbourhood.
 */
import type { CrowsfootDocument, LintConfig, Linter, RuleDiagnostic, Schema } from '@core'
import { createLinter, emptySchema, exportSchema, importSchema, randomIds } from '@core'
import type { ExportResult, Finding, LintResult, Request, ResponseOf, Sync } from './protocol.ts'
import { applySchemaDelta, diffSchemaObjects } from './schema-delta.ts'
import type { ELK } from 'elkjs/lib/elk-api'
import { placeLaidOut, toElkGraph, type LayoutAnswer, type LayoutGraph } from '../canvas/auto-layout.ts'

// ELK is large (about 1.5 MB of compiled Java): loaded on the first layout, not with the worker.
let elk: Promise<ELK> | undefined

/** Lays out the free tables with ELK (in this thread: inside the worker, that is off the canvas's). */
export async function layoutTables(graph: LayoutGraph): Promise<LayoutAnswer> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
  const engine = await elk
  const started = performance.now()
  const laidOut = await engine.layout(toElkGraph(graph))
  return { positions: placeLaidOut(graph, laidOut), ms: performance.now() - started }
}

export class OutOfSync extends Error {}

export class CoreWorkerState {
  schema: Schema = emptySchema
  generation = 0
  private linter: { key: string; linter: Linter } | undefined
  private lastFindings = new Map<string, RuleDiagnostic>()

  sync(sync: Sync): void {
    if (sync.base !== 0 && sync.base !== this.generation) throw new OutOfSync(`worker has ${this.generation}, update is on ${sync.base}`)
    this.schema = applySchemaDelta(sync.base === 0 ? emptySchema : this.schema, sync.delta)
    this.generation = sync.generation
  }

  lint(config: LintConfig | undefined): LintResult {
    const started = performance.now()
    const key = JSON.stringify(config ?? null)
    if (this.linter?.key !== key) this.linter = { key, linter: createLinter(config) }
    this.lastFindings = keyFindings(this.linter.linter.lint(this.schema))
    const findings: Finding[] = []
    for (const [key, d] of this.lastFindings) findings.push({ key, rule: d.rule, severity: d.severity, message: d.message, target: d.target, hasFixes: d.fixes !== undefined })
    const { tables, reused } = this.linter.linter.lastRun
    return { findings, tables, reused, ms: performance.now() - started }
  }

  fixTitles(keys: readonly string[]): Record<string, readonly string[]> {
    const out: Record<string, readonly string[]> = {}
    for (const k of keys) out[k] = this.lastFindings.get(k)?.fixes?.map((f) => f.title) ?? []
    return out
  }

  applyFix(key: string, index: number): ResponseOf<{ kind: 'applyFix'; key: string; index: number }> {
    const fix = this.lastFindings.get(key)?.fixes?.[index]
    if (!fix) return { error: 'This problem has changed since it was shown; look again.' }
    try {
      return { delta: diffSchemaObjects(this.schema, fix.apply(this.schema)) }
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) }
    }
  }

  /**
   * The first fix of every finding in `keys`, one after the other, as one change. Fixes are made
   * for the design they were found on, so a later one may undo or clash with an earlier one: the
   * result is linted, and refused unless every one of those findings is gone and no new error
   * appeared.
   */
  applyFixes(keys: readonly string[]): ResponseOf<{ kind: 'applyFixes'; keys: readonly string[] }> {
    const fixes = keys.map((k) => this.lastFindings.get(k)?.fixes?.[0])
    if (keys.length === 0 || fixes.some((f) => f === undefined)) return { error: 'Some of these problems have changed since they were shown; look again.' }
    const linter = this.linter
    if (!linter) return { error: 'The design has not been checked yet.' }
    const before = this.lastFindings
    let schema = this.schema
    try {
      for (const fix of fixes) schema = fix!.apply(schema)
    } catch (e) {
      return { error: `These fixes clash (${e instanceof Error ? e.message : String(e)}); apply them one at a time.` }
    }
    const after = keyFindings(linter.linter.lint(schema))
    const left = keys.filter((k) => after.has(k)).length
    const newErrors = [...after].filter(([k, d]) => d.severity === 'error' && before.get(k)?.severity !== 'error').length
    if (left > 0 || newErrors > 0) {
      const why = left > 0 ? `${left} of the ${keys.length} problems would remain` : `${newErrors} new error${newErrors === 1 ? '' : 's'} would appear`
      return { error: `These fixes interfere with each other (${why}); apply them one at a time.` }
    }
    return { delta: diffSchemaObjects(this.schema, schema), applied: keys.length }
  }

  export(target: string, meta: Omit<CrowsfootDocument, 'schema'> | undefined): ExportResult {
    const out = exportSchema(target, this.schema, meta ? { document: { ...meta, schema: this.schema } } : undefined)
    return { text: out.text, diagnostics: out.diagnostics }
  }
}

/** Findings by key, in lint order. */
function keyFindings(diagnostics: readonly RuleDiagnostic[]): Map<string, RuleDiagnostic> {
  const seen = new Map<string, number>()
  const out = new Map<string, RuleDiagnostic>()
  for (const d of diagnostics) {
    const base = findingKey(d)
    // Two findings of one rule on one object (two redundant indexes of a table) stay apart.
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    out.set(n === 0 ? base : `${base}#${n}`, d)
  }
  return out
}

/** Rule, message and the ids of what it is about: the same finding gets the same key next run. */
export function findingKey(d: RuleDiagnostic): string {
  const t = d.target
  return [d.rule, d.messageId, t.namespaceId, t.tableId, t.columnId, t.constraintId, t.indexId, t.enumId].map((x) => x ?? '').join('|')
}

export async function handle(state: CoreWorkerState, request: Request): Promise<unknown> {
  switch (request.kind) {
    case 'lint':
      state.sync(request.sync)
      return state.lint(request.config)
    case 'fixTitles':
      return state.fixTitles(request.keys)
    case 'applyFix':
      return state.applyFix(request.key, request.index)
    case 'applyFixes':
      return state.applyFixes(request.keys)
    case 'export':
      state.sync(request.sync)
      return state.export(request.target, request.document)
    case 'import':
      // New objects get random ids: an imported design may later be merged with or diffed against others.
      if (request.sync) state.sync(request.sync)
      return importSchema(request.format, request.text, {
        ids: randomIds(),
        ...(request.fileName ? { fileName: request.fileName } : {}),
        ...(request.sync ? { previous: state.schema } : {}),
      })
    case 'layout':
      return layoutTables(request.graph)
  }
}
