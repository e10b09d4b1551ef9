/**
 * Import speed: the largest corpus DDL, a 1,000-table synthetic DDL, the 1,010-table corpus DBML
 * and the largest Prisma schema, each side by side with @dbml/core's importer where it can read
 * the input (it reads PostgreSQL and DBML, not Prisma). Importers are warmed up first (libpg-query
 * and @dbml/core both load WASM or large modules on first use); @dbml/core is slow, so it gets
 * fewer runs, each still timed in full.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Parser, importer as dbmlImporter } from '@dbml/core'
import { exportSchema, importSchema } from '../core/index.ts'
import { generateDesign } from '../core/testing/generate.ts'

export interface ImportTiming {
  readonly input: string
  readonly bytes: number
  readonly tables: number
  readonly coreMedianMs: number
  readonly coreRuns: number
  /** @dbml/core reading the same input, when it can. */
  readonly dbmlMedianMs?: number
  readonly dbmlRuns?: number
  readonly speedup?: number
}

const corpus = (dir: string) => fileURLToPath(new URL(`../../shared/corpus/${dir}/`, import.meta.url))
const largest = (dir: string, ext: string) =>
  readdirSync(corpus(dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => corpus(dir) + f)
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (x: number) => Math.round(x * 10) / 10

async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    out.push(performance.now() - t)
  }
  return out
}

async function one(input: string, format: 'postgres' | 'dbml' | 'prisma', text: string, theirs: 'postgres' | 'dbml' | undefined, runs: number, theirRuns: number): Promise<ImportTiming> {
  const first = await importSchema(format, text)
  if (!first.ok) throw new Error(`${input}: ${first.diagnostics[0]?.message}`)
  const core = await time(runs, () => importSchema(format, text))
  let dbml: number[] | undefined
  if (theirs) {
    const read = () => (theirs === 'dbml' ? new Parser().parse(text, 'dbmlv2') : dbmlImporter.import(text, 'postgres'))
    try {
      read()
      dbml = await time(theirRuns, read)
    } catch (e) {
      console.error(`@dbml/core cannot read ${input}: ${(e as Error).message?.split('\n')[0] ?? e}`)
    }
  }
  const c = median(core)
  return {
    input,
    bytes: Buffer.byteLength(text),
    tables: first.schema.tables.length,
    coreMedianMs: round(c),
    coreRuns: core.length,
    ...(dbml ? { dbmlMedianMs: round(median(dbml)), dbmlRuns: dbml.length, speedup: round(median(dbml) / c) } : {}),
  }
}

export async function benchImports(): Promise<ImportTiming[]> {
  const ddlFile = largest('postgres', '.sql')
  const prismaFile = largest('prisma', '.prisma')
  const dbmlFile = corpus('dbml') + 'dbml-parse-bench-25k.dbml'
  const synthetic = exportSchema('postgres', generateDesign({ tables: 1000, seed: 1 }).schema).text
  const name = (p: string) => p.split('/').slice(-2).join('/')
  return [
    await one(`${name(ddlFile)} (largest corpus DDL)`, 'postgres', readFileSync(ddlFile, 'utf8'), 'postgres', 7, 2),
    await one('generated 1,000-table DDL', 'postgres', synthetic, 'postgres', 7, 1),
    await one(`${name(dbmlFile)} (1,010 tables)`, 'dbml', readFileSync(dbmlFile, 'utf8'), 'dbml', 2, 2),
    await one(`${name(prismaFile)} (largest corpus Prisma)`, 'prisma', readFileSync(prismaFile, 'utf8'), undefined, 7, 0),
  ]
}
