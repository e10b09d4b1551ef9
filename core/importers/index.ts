import { CoreError } from '../errors.ts'
import { dbml } from './dbml.ts'
import { json } from './json.ts'
import { postgres } from './postgres.ts'
import { prisma } from './prisma.ts'
import type { ImportOptions, ImportResult, Importer } from './types.ts'

/** Every import format. Add new importers here (the CLI and the app's Import dialog read this). */
export const importers: Readonly<Record<string, Importer>> = { json, postgres, dbml, prisma }

export function importSchema(id: string, text: string, options?: ImportOptions): Promise<ImportResult> {
  const importer = Object.hasOwn(importers, id) ? importers[id] : undefined
  if (!importer) throw new CoreError('unknown-importer', `Unknown import format "${id}". Known: ${Object.keys(importers).join(', ')}.`)
  return importer.import(text, options)
}

/** The importer for a file name, by its ending (longest match wins: `.crowsfoot.json` before `.json`). */
export function importerForFile(fileName: string): Importer | undefined {
  const lower = fileName.toLowerCase()
  let best: Importer | undefined
  let bestLength = 0
  for (const imp of Object.values(importers))
    for (const ext of imp.extensions)
      if (lower.endsWith(ext) && ext.length > bestLength) (best = imp), (bestLength = ext.length)
  return best
}
