/**
 * The proof of the PostgreSQL exporter: apply the exported DDL to a fresh database, read the
 * catalog back, and compare. A second pass (export what was read, apply, read again) must give
 * exactly the same catalog, expressions included.
 */
import type { Diagnostic } from '../diagnostics.ts'
import { exportSchema } from '../exporters/index.ts'
import { readCatalog } from '../importers/catalog.ts'
import type { Schema } from '../model/schema.ts'
import type { TestDatabase } from './databases.ts'

export interface RoundTrip {
  readonly ddl: string
  readonly diagnostics: readonly Diagnostic[]
  readonly readBack: Schema
}

export async function applyAndRead(db: TestDatabase, schema: Schema): Promise<RoundTrip> {
  const out = exportSchema('postgres', schema)
  await db.reset()
  try {
    await db.exec(out.text)
  } catch (e) {
    throw new Error(`${db.label} rejected the export: ${(e as Error).message}\n--- DDL ---\n${out.text}`)
  }
  return { ddl: out.text, diagnostics: out.diagnostics, readBack: await readCatalog(db.query) }
}
