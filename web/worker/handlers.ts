/**
 * What the core worker does, as plain functions of its state, so tests run them without a Worker.
 * Lint keeps one incremental linter per configuration: with the design kept by delta (unchanged
 * tables keep their objects), a one-table edit re-checks only that table's neighbourhood.
 */
import type { CrowsfootDocument, LintConfig, Linter, RuleDiagnostic, Schema } from '@core'
import { createLinter, emptySchema, exportSchema, importSchema, randomIds } from '@core'
import { DiffCache, MissingSchema } from './diff.ts'
import type { ExportResult, Finding, LintResult, ParseTextResult, Request, ResponseOf, Sync } from './protocol.ts'
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
  readonly diffs = new DiffCache()
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

  /** The last text parsed per format, with what it parsed to: the baseline of the next parse. */
  private lastParse = new Map<string, { text: string; schema: Schema }>()

  /**
   * A text as an edit of the design. Formats cannot say everything the design holds (DBML has no
   * DESC index keys, and writes a unique constraint as a unique index), so the text is compared
   * with the text it was before the edit (`baseText`), both parsed: only tables whose parse
   * changed take their new form, and every other table keeps the design's own object, with all
   * the text cannot express.
   */
  async parseText(format: string, text: string, baseText: string | undefined): Promise<ParseTextResult> {
    const parse = (t: string) => importSchema(format, t, { ids: randomIds(), previous: this.schema, renamesByPosition: true })
    const result = await parse(text)
    if (!result.ok) return result
    let baseline: Schema | undefined
    if (baseText !== undefined) {
      const cached = this.lastParse.get(format)
      if (cached?.text === baseText) baseline = cached.schema
      else {
        const before = await parse(baseText)
        if (before.ok) baseline = before.schema
      }
    }
    this.lastParse.set(format, { text, schema: result.schema })
    const merged = keepUntouched(this.schema, baseline, result.schema)
    return { ok: true, delta: diffSchemaObjects(this.schema, merged), diagnostics: result.diagnostics, ...(result.groups ? { groups: result.groups } : {}) }
  }

  export(target: string, meta: Omit<CrowsfootDocument, 'schema'> | undefined): ExportResult {
    const out = exportSchema(target, this.schema, meta ? { document: { ...meta, schema: this.schema } } : undefined)
    return { text: out.text, diagnostics: out.diagnostics }
  }
}

/**
 * `parsed` (the new text) with `design`'s own objects wherever the text did not change them: a
 * table (or the list of enums, schemas or extensions) whose parse equals its parse before the
 * edit (`baseline`) is the design's. Without a baseline, objects equal in value to the design's.
 */
export function keepUntouched(design: Schema, baseline: Schema | undefined, parsed: Schema): Schema {
  const reference = baseline ?? design
  const before = new Map(reference.tables.map((t) => [t.id, t]))
  const own = new Map(design.tables.map((t) => [t.id, t]))
  // Objects the design does not have get fresh random ids in every parse: two of them in the same
  // place are the same object (what differs is only the draw of the id).
  const known = idsOf(design)
  const freshBefore = new Set([...idsOf(reference)].filter((id) => !known.has(id)))
  const freshNow = new Set([...idsOf(parsed)].filter((id) => !known.has(id)))
  const sameId = (a: string, b: string) => freshBefore.has(a) && freshNow.has(b)
  const tables = parsed.tables.map((t) => {
    const mine = own.get(t.id)
    const was = before.get(t.id)
    return mine && was && sameValue(was, t, sameId) ? mine : t
  })
  const keep = <K extends 'namespaces' | 'enums' | 'extensions'>(key: K): Schema[K] => (sameValue(reference[key], parsed[key], sameId) ? design[key] : parsed[key])
  return {
    namespaces: keep('namespaces'),
    enums: keep('enums'),
    extensions: keep('extensions'),
    tables: tables.length === design.tables.length && tables.every((t, i) => t === design.tables[i]) ? design.tables : tables,
  }
}

/**
 * Deep equality of plain data, whatever the order of keys; an undefined property is no property.
 * `sameString` may call two different strings equal (fresh ids of two parses).
 */
export function sameValue(a: unknown, b: unknown, sameString?: (a: string, b: string) => boolean): boolean {
  if (a === b) return true
  if (typeof a === 'string' && typeof b === 'string') return sameString?.(a, b) ?? false
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((x, i) => sameValue(x, bs[i], sameString))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ak.length === bk.length && ak.every((k) => sameValue(ao[k], bo[k], sameString))
}

function idsOf(s: Schema): Set<string> {
  const ids = new Set<string>()
  for (const n of s.namespaces) ids.add(n.id)
  for (const e of s.enums) {
    ids.add(e.id)
    for (const v of e.values) ids.add(v.id)
  }
  for (const t of s.tables) {
    ids.add(t.id)
    for (const c of t.columns) ids.add(c.id)
    if (t.primaryKey) ids.add(t.primaryKey.id)
    for (const c of [...t.uniques, ...t.checks, ...t.foreignKeys, ...t.indexes]) ids.add(c.id)
  }
  return ids
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
    case 'parseText':
      state.sync(request.sync)
      return state.parseText(request.format, request.text, request.baseText)
    case 'import':
      // New objects get random ids: an imported design may later be merged with or diffed against others.
      if (request.sync) state.sync(request.sync)
      return importSchema(request.format, request.text, {
        ids: randomIds(),
        ...(request.fileName ? { fileName: request.fileName } : {}),
        ...(request.sync ? { previous: state.schema } : {}),
      })
    case 'diff':
      state.sync(request.sync)
      try {
        return state.diffs.run(request.query, state.schema)
      } catch (e) {
        // A restarted worker lost the saved versions it was sent: the client sends them again.
        if (e instanceof MissingSchema) throw new OutOfSync(e.message)
        throw e
      }
    case 'layout':
      return layoutTables(request.graph)
  }
}
