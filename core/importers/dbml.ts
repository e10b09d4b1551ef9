/**
 * DBML to the model, through `@dbml/core`'s own compiler so that we read DBML exactly as
 * dbdiagram.io does. `@dbml/core` is about 15 MB and slow to start, so it is loaded with a dynamic
 * `import()` on the first DBML import only: it never weighs on the app's first paint.
 */
import type { Diagnostic } from '../diagnostics.ts'
import { sequentialIds } from '../model/ids.ts'
import { reattachIds } from './reattach-ids.ts'
import { buildDbml } from './dbml/build.ts'
import { blankWheres, maxDbmlNesting, positionOf, tooDeep } from './dbml/prescan.ts'
import type { Location } from './dbml/prescan.ts'
import { expandPartials } from './dbml/raw.ts'
import type { RawDatabase } from './dbml/raw.ts'
import { binaryProblem, formatHint } from './prisma/sniff.ts'
import type { Importer, ImportResult } from './types.ts'

/**
 * @dbml/core's compiler needs about 8 s and 500 MB of memory per MB of DBML here (the 1,010-table
 * corpus file is 1.1 MB); past this size it would run for minutes and then run out of memory.
 */
export const maxDbmlBytes = 2_000_000

interface CompilerDiagnostic {
  readonly message: string
  readonly location?: Location
  readonly code?: number
}

type DbmlCore = { Parser: { parseDBMLToJSONv2(text: string): unknown } }
let core: Promise<DbmlCore> | undefined
const loadCore = () => (core ??= import('@dbml/core') as Promise<DbmlCore>)

const fail = (diagnostics: Diagnostic[]): ImportResult => ({ ok: false, diagnostics })
const at = (line: number, column: number) => ({ line, column })

export const dbml: Importer = {
  id: 'dbml',
  label: 'DBML',
  extensions: ['.dbml'],
  async import(text, options): Promise<ImportResult> {
    const binary = binaryProblem(text, 'DBML')
    if (binary) return fail([binary])
    if (text.length > maxDbmlBytes)
      return fail([
        {
          code: 'dbml-too-large',
          severity: 'error',
          message: `This DBML file is ${(text.length / 1e6).toFixed(1)} MB; files over ${maxDbmlBytes / 1e6} MB are refused because @dbml/core needs about 8 s and 500 MB of memory per MB. Split it, or import its SQL instead.`,
          location: at(1, 1),
        },
      ])
    const deep = tooDeep(text)
    if (deep !== undefined)
      return fail([{ code: 'dbml-syntax', severity: 'error', message: `Brackets are nested more than ${maxDbmlNesting} levels deep here.`, location: positionOf(text, deep) }])

    const { Parser } = await loadCore()
    let compiled = compile(Parser, text)
    let wheres: Array<{ offset: number; sql: string }> = []
    const whereErrors = compiled.ok ? [] : compiled.errors.filter((d) => d.code === 3055 && /'where'/.test(d.message))
    if (!compiled.ok && whereErrors.length > 0) {
      const blanked = blankWheres(text, whereErrors.map((d) => d.location!))
      if (blanked) {
        compiled = compile(Parser, blanked.text)
        wheres = blanked.wheres
      }
    }
    if (!compiled.ok) {
      const hint = formatHint(text, 'dbml')
      return fail(
        compiled.errors.map((d, i) => ({
          code: 'dbml-syntax',
          severity: 'error' as const,
          message: d.message.replace(/\.?$/, '.') + (i === 0 ? hint : ''),
          location: d.location ? at(d.location.start.line, d.location.start.column) : at(1, 1),
        })),
      )
    }
    const built = buildDbml(expandPartials(compiled.raw), options?.ids ?? sequentialIds(), wheres)
    const diagnostics = built.diagnostics
    for (const w of wheres)
      diagnostics.push({
        code: 'dbml-partial-index',
        severity: 'warning',
        message: `DBML has no partial indexes (@dbml/core rejects "where:"); this predicate was kept as the index's WHERE: ${w.sql}`,
        location: positionOf(text, w.offset),
      })
    diagnostics.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0))
    if (diagnostics.some((d) => d.severity === 'error')) return fail(diagnostics)
    if (built.schema.tables.length === 0 && built.schema.enums.length === 0)
      diagnostics.push({ code: 'dbml-empty', severity: 'warning', message: 'This DBML file defines no tables: the design is empty.', location: at(1, 1) })
    let { schema, groups } = built
    if (options?.previous) {
      // Same order, new ids: the groups follow their tables.
      const before = schema.tables.map((t) => t.id)
      schema = reattachIds(options.previous, schema, { byPosition: options.renamesByPosition === true })
      const after = new Map(before.map((id, i) => [id, schema.tables[i]!.id]))
      groups = groups.map((g) => ({ ...g, tableIds: g.tableIds.map((id) => after.get(id) ?? id) }))
    }
    return { ok: true, schema, diagnostics, ...(groups.length > 0 ? { groups } : {}) }
  },
}

type Compiled = { ok: true; raw: RawDatabase } | { ok: false; errors: CompilerDiagnostic[] }

function compile(parser: DbmlCore['Parser'], text: string): Compiled {
  try {
    return { ok: true, raw: parser.parseDBMLToJSONv2(text) as RawDatabase }
  } catch (e) {
    const diags = (e as { diags?: unknown }).diags
    if (Array.isArray(diags) && diags.length > 0) return { ok: false, errors: diags as CompilerDiagnostic[] }
    // Not a CompilerError: a bug or a limit inside @dbml/core. Still one located message.
    const detail = e instanceof Error ? e.message : String(e)
    return { ok: false, errors: [{ message: `@dbml/core could not read this file (${detail})`, location: { start: at(1, 1) } }] }
  }
}
