/**
 * Saved versions of a design: checkpoints of the schema with a time and a message, kept in the
 * document (oldest first). Pure functions: the caller gives the time, so saving is deterministic
 * and testable, and the app decides when (a "Save version" button, or just before an import
 * replaces the design).
 */
import { CoreError } from '../errors.ts'
import type { Schema } from '../model/schema.ts'
import type { CrowsfootDocument, SavedVersion } from './document.ts'

export interface VersionSummary {
  readonly id: string
  readonly message: string
  readonly at: string
  readonly tables: number
}

/**
 * The document with its current schema saved as a new version.
 * @example const next = saveVersion(doc, { message: 'Before the billing import', at: new Date() })
 */
export function saveVersion(doc: CrowsfootDocument, input: { readonly message: string; readonly at: Date | string; readonly schema?: Schema }): CrowsfootDocument {
  const at = typeof input.at === 'string' ? new Date(input.at) : input.at
  if (Number.isNaN(at.getTime())) throw new CoreError('invalid-edit', `Not a valid time for a version: ${String(input.at)}.`)
  const versions = doc.versions ?? []
  const next = versions.reduce((n, v) => Math.max(n, Number(/^v(\d+)$/.exec(v.id)?.[1] ?? 0)), 0) + 1
  const version: SavedVersion = { id: `v${next}`, message: input.message, at: at.toISOString(), schema: input.schema ?? doc.schema }
  return { ...doc, versions: [...versions, version] }
}

/**
 * The saved versions, oldest first, without their schemas (for a list or a picker).
 * @example listVersions(doc).map((v) => `${v.at} ${v.message}`)
 */
export function listVersions(doc: CrowsfootDocument): VersionSummary[] {
  return (doc.versions ?? []).map((v) => ({ id: v.id, message: v.message, at: v.at, tables: v.schema.tables.length }))
}

/** @example const base = findVersion(doc, 'v3')?.schema */
export function findVersion(doc: CrowsfootDocument, id: string): SavedVersion | undefined {
  return doc.versions?.find((v) => v.id === id)
}

/**
 * The schema of a saved version, or of the current design for `current`. Throws for an unknown id.
 * @example diffSchemas(versionSchema(doc, 'v1'), versionSchema(doc, 'current'))
 */
export function versionSchema(doc: CrowsfootDocument, id: string): Schema {
  if (id === 'current') return doc.schema
  const v = findVersion(doc, id)
  if (!v) throw new CoreError('missing-object', `No saved version "${id}"; the versions are ${listVersions(doc).map((x) => x.id).join(', ') || 'none'}.`)
  return v.schema
}

/** @example const next = removeVersion(doc, 'v2') */
export function removeVersion(doc: CrowsfootDocument, id: string): CrowsfootDocument {
  if (!findVersion(doc, id)) throw new CoreError('missing-object', `No saved version "${id}".`)
  const versions = doc.versions!.filter((v) => v.id !== id)
  if (versions.length > 0) return { ...doc, versions }
  const { versions: _, ...rest } = doc
  return rest
}

/** @example const next = renameVersion(doc, 'v2', 'Billing, reviewed') */
export function renameVersion(doc: CrowsfootDocument, id: string, message: string): CrowsfootDocument {
  if (!findVersion(doc, id)) throw new CoreError('missing-object', `No saved version "${id}".`)
  return { ...doc, versions: doc.versions!.map((v) => (v.id === id ? { ...v, message } : v)) }
}
