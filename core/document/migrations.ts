/**
 * File-format versions. Each entry upgrades a document from `from` to `from + 1`; files written by
 * older versions of the app are migrated on load, so old files and share links keep opening.
 */
export const currentVersion = 2

type Raw = Record<string, unknown>
interface Migration {
  readonly from: number
  readonly describe: string
  readonly up: (doc: Raw) => Raw
}

/** Add new migrations at the end, with `currentVersion` raised to match. */
export const migrations: readonly Migration[] = [
  {
    from: 1,
    // Version 2 may hold saved versions of the schema; a version 1 file has none, so nothing moves.
    describe: 'Saved versions (checkpoints of the schema with a time and a message) live in "versions".',
    up: (doc) => doc,
  },
]

export type MigrateResult = { ok: true; value: Raw } | { ok: false; message: string }

export function migrateDocument(doc: Raw): MigrateResult {
  let version = doc.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, message: `"version" must be a whole number from 1, found ${JSON.stringify(version)}.` }
  if (version > currentVersion)
    return {
      ok: false,
      message: `This file is version ${version}, made by a newer Crowsfoot; this one reads up to version ${currentVersion}.`,
    }
  let value = doc
  for (const m of migrations) {
    if (m.from === version) {
      value = m.up(value)
      version = m.from + 1
    }
  }
  return { ok: true, value: { ...value, version } }
}
