/**
 * A base from elsewhere (an imported file, a pulled database) shares no ids with the design, so a
 * diff by id would see every object as removed and added again. Aligning gives the base the ids of
 * the design's objects that have the same qualified names; what was renamed cannot be recognised
 * this way and shows as a removal and an addition, which is why diffs of versions of one design
 * (same ids) are preferred.
 */
import { reattachIds } from '../importers/reattach-ids.ts'
import type { Schema } from '../model/schema.ts'

/**
 * The base with the ids of `current`'s objects matched by name; `current` is left as it is, so
 * its layout and review links keep pointing at the right objects.
 * @example const changes = diffSchemas(alignIds(imported.schema, document.schema), document.schema)
 */
export function alignIds(base: Schema, current: Schema): Schema {
  return reattachIds(current, base)
}

/**
 * True when the two schemas have any table or enum id in common, i.e. they are versions of one
 * design rather than two unrelated sources whose sequential ids happen to look alike.
 */
export function hasSharedIds(a: Schema, b: Schema): boolean {
  const ids = new Set<string>([...a.tables.map((t) => t.id), ...a.enums.map((e) => e.id)])
  return b.tables.some((t) => ids.has(t.id)) || b.enums.some((e) => ids.has(e.id))
}

/**
 * Every database has `public`, so two designs' `public` schemas are the same schema even when they
 * were made apart and carry different ids. Returns `after` with its `public` under the id `before`
 * uses for it (unchanged when the ids already agree or either side has no `public`).
 */
export function alignPublic(before: Schema, after: Schema): Schema {
  const pa = before.namespaces.find((n) => n.name === 'public')
  const pb = after.namespaces.find((n) => n.name === 'public')
  if (!pa || !pb || pa.id === pb.id) return after
  if (after.namespaces.some((n) => n.id === pa.id) || before.namespaces.some((n) => n.id === pb.id)) return after
  const id = pa.id
  return {
    ...after,
    namespaces: after.namespaces.map((n) => (n === pb ? { ...n, id } : n)),
    enums: after.enums.map((e) => (e.namespaceId === pb.id ? { ...e, namespaceId: id } : e)),
    tables: after.tables.map((t) => (t.namespaceId === pb.id ? { ...t, namespaceId: id } : t)),
  }
}
