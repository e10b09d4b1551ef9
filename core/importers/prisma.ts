/**
 * Prisma schemas (`schema.prisma`) to the model, mapped exactly as Prisma Migrate maps them to
 * PostgreSQL. The parser is our own (Prisma's is Rust compiled to a Node-only wasm build), so it
 * runs in the browser and in Node alike; the corpus tests hold it to Prisma's own engine.
 */
import { sequentialIds } from '../model/ids.ts'
import { reattachIds } from './reattach-ids.ts'
import { buildSchema } from './prisma/build.ts'
import { Context } from './prisma/context.ts'
import { parsePrisma } from './prisma/parse.ts'
import { binaryProblem, formatHint } from './prisma/sniff.ts'
import type { Importer, ImportResult } from './types.ts'

/**
 * Far past any real schema (the largest we know, civitai's, is 0.3 MB and 302 models). A 50 MB
 * schema of 100,000 models still imports, linearly, but takes a minute and 3 GB of memory in the
 * CLI and would freeze a browser tab: it is refused with a message instead.
 */
export const maxPrismaBytes = 10_000_000

export const prisma: Importer = {
  id: 'prisma',
  label: 'Prisma schema',
  extensions: ['.prisma'],
  async import(text, options): Promise<ImportResult> {
    const binary = binaryProblem(text, 'a Prisma schema')
    if (binary) return { ok: false, diagnostics: [binary] }
    if (text.length > maxPrismaBytes) {
      const message = `This Prisma schema is ${(text.length / 1e6).toFixed(1)} MB; files over ${maxPrismaBytes / 1e6} MB are refused (a real schema of 300 models is 0.3 MB). Split it into several files.`
      return { ok: false, diagnostics: [{ code: 'prisma-too-large', severity: 'error', message, location: { line: 1, column: 1 } }] }
    }
    const ast = parsePrisma(text)
    if (ast.problems.length > 0) {
      const hint = formatHint(text, 'prisma')
      return {
        ok: false,
        diagnostics: ast.problems.map((p, i) => ({
          code: 'prisma-syntax',
          severity: 'error' as const,
          message: p.message + (i === 0 ? hint : ''),
          location: p.at,
        })),
      }
    }
    const ctx = new Context(options?.ids ?? sequentialIds())
    let schema = buildSchema(ctx, ast)
    if (options?.previous) schema = reattachIds(options.previous, schema, { byPosition: options.renamesByPosition === true })
    const diagnostics = [...ctx.diagnostics].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0))
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics }
    if (ast.blocks.every((b) => b.kind === 'datasource' || b.kind === 'generator'))
      diagnostics.push({ code: 'prisma-empty', severity: 'warning', message: 'This Prisma schema has no models: the design is empty.', location: { line: 1, column: 1 } })
    return { ok: true, schema, diagnostics }
  },
}
