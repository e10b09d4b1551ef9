import { CoreError } from '../errors.ts'
import type { Schema } from '../model/schema.ts'
import { dbml } from './dbml.ts'
import { drizzle } from './drizzle.ts'
import { json } from './json.ts'
import { markdown } from './markdown.ts'
import { mermaid } from './mermaid.ts'
import { postgres } from './postgres.ts'
import { prisma } from './prisma.ts'
import type { ExportOptions, Exporter, Output } from './types.ts'

/** Every export target. Add new exporters here (and to the CLI's --to list, which reads this). */
export const exporters: Readonly<Record<string, Exporter>> = { postgres, prisma, drizzle, mermaid, dbml, markdown, json }

export function exportSchema(id: string, schema: Schema, options?: ExportOptions): Output {
  const exporter = Object.hasOwn(exporters, id) ? exporters[id] : undefined
  if (!exporter) throw new CoreError('unknown-exporter', `Unknown export target "${id}". Known: ${Object.keys(exporters).join(', ')}.`)
  return exporter.export(schema, options)
}
