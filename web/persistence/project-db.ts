/**
 * Projects in IndexedDB. A project is a summary (the list shows it without reading documents) and
 * the document text, written together in one transaction. Every write of a document names the
 * revision it was based on: when another tab wrote in between, the write is refused and reported
 * as a conflict, so two tabs never silently overwrite each other.
 */
import { done, openDatabase, StorageError, storageError, stores, transact } from './idb.ts'

export interface ProjectMeta {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  readonly updatedAt: number
  /** When a tab last opened it: the list shows the last opened first. */
  readonly openedAt: number
  readonly tables: number
  readonly revision: number
}

export interface StoredDocument {
  /** The serialized `*.crowsfoot.json` text: deterministic, and read back through the validating loader. */
  readonly text: string
  /** Goes up by one on every write. */
  readonly revision: number
  /** The tab that wrote it. */
  readonly writer: string
  readonly savedAt: number
}

export interface SaveInput {
  readonly id: string
  readonly text: string
  readonly name: string
  readonly tables: number
  /** The revision this text was based on; 0 for a new project. */
  readonly base: number
  readonly writer: string
  /** Write even if another tab wrote since `base` (the person chose "Keep mine"). */
  readonly force?: boolean
}

export type SaveResult =
  | { readonly ok: true; readonly revision: number; readonly savedAt: number }
  | { readonly ok: false; readonly reason: 'conflict'; readonly stored: { readonly revision: number; readonly writer: string; readonly savedAt: number } }
  | { readonly ok: false; readonly reason: 'deleted' }
  | { readonly ok: false; readonly reason: StorageError['kind']; readonly message: string }

const lastOpenedKey = 'last-opened'

let last = 0
/** Milliseconds that never repeat within a tab, so "last opened first" holds for quick clicks too. */
function now(): number {
  last = Math.max(Date.now(), last + 1)
  return last
}

export function newProjectId(): string {
  return `p_${crypto.randomUUID()}`
}

export class ProjectDb {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens the database; rejects with a `StorageError` saying why it cannot be used. */
  static async open(factory: IDBFactory | undefined = globalThis.indexedDB, name?: string): Promise<ProjectDb> {
    return new ProjectDb(await openDatabase(factory, name))
  }

  close(): void {
    this.db.close()
  }

  /** Every project, the last opened first. */
  async list(): Promise<ProjectMeta[]> {
    const all = await transact(this.db, [stores.projects], 'readonly', (tx) => done(tx.objectStore(stores.projects).getAll() as IDBRequest<ProjectMeta[]>))
    return all.sort((a, b) => b.openedAt - a.openedAt || b.updatedAt - a.updatedAt)
  }

  async meta(id: string): Promise<ProjectMeta | undefined> {
    return transact(this.db, [stores.projects], 'readonly', (tx) => done(tx.objectStore(stores.projects).get(id) as IDBRequest<ProjectMeta | undefined>))
  }

  async read(id: string): Promise<{ meta: ProjectMeta; stored: StoredDocument } | undefined> {
    return transact(this.db, [stores.projects, stores.documents], 'readonly', async (tx) => {
      const [meta, stored] = await Promise.all([
        done(tx.objectStore(stores.projects).get(id) as IDBRequest<ProjectMeta | undefined>),
        done(tx.objectStore(stores.documents).get(id) as IDBRequest<StoredDocument | undefined>),
      ])
      return meta && stored ? { meta, stored } : undefined
    })
  }

  /** Writes a document and its summary atomically, unless another writer got there first. */
  async save(input: SaveInput): Promise<SaveResult> {
    try {
      return await transact(this.db, [stores.projects, stores.documents], 'readwrite', async (tx) => {
        const docs = tx.objectStore(stores.documents)
        const projects = tx.objectStore(stores.projects)
        const [current, meta] = await Promise.all([
          done(docs.get(input.id) as IDBRequest<StoredDocument | undefined>),
          done(projects.get(input.id) as IDBRequest<ProjectMeta | undefined>),
        ])
        if (!input.force) {
          if (!current && input.base > 0) return { ok: false, reason: 'deleted' } as const
          if (current && current.revision !== input.base)
            return { ok: false, reason: 'conflict', stored: { revision: current.revision, writer: current.writer, savedAt: current.savedAt } } as const
        }
        const at = now()
        const revision = (current?.revision ?? 0) + 1
        const stored: StoredDocument = { text: input.text, revision, writer: input.writer, savedAt: at }
        const next: ProjectMeta = {
          id: input.id,
          name: input.name,
          createdAt: meta?.createdAt ?? at,
          updatedAt: at,
          openedAt: meta?.openedAt ?? at,
          tables: input.tables,
          revision,
        }
        await Promise.all([done(docs.put(stored, input.id)), done(projects.put(next, input.id))])
        return { ok: true, revision, savedAt: at } as const
      })
    } catch (e) {
      const error = storageError(e)
      return { ok: false, reason: error.kind, message: error.message }
    }
  }

  /** Renames a project that is not open (the open one is renamed through the document). */
  async rename(id: string, name: string): Promise<void> {
    await this.updateMeta(id, (m) => ({ ...m, name, updatedAt: now() }))
  }

  /** Marks a project as the one opened last, for the list order and the next start. */
  async touch(id: string): Promise<void> {
    await transact(this.db, [stores.projects, stores.settings], 'readwrite', async (tx) => {
      const projects = tx.objectStore(stores.projects)
      const meta = await done(projects.get(id) as IDBRequest<ProjectMeta | undefined>)
      if (meta) await done(projects.put({ ...meta, openedAt: now() }, id))
      await done(tx.objectStore(stores.settings).put(id, lastOpenedKey))
    })
  }

  async lastOpened(): Promise<string | undefined> {
    return transact(this.db, [stores.settings], 'readonly', (tx) => done(tx.objectStore(stores.settings).get(lastOpenedKey) as IDBRequest<string | undefined>))
  }

  /** A copy under a new id, named `name`; the copy is listed right after the original. */
  async duplicate(id: string, name: string, writer: string): Promise<ProjectMeta> {
    const copyId = newProjectId()
    return transact(this.db, [stores.projects, stores.documents], 'readwrite', async (tx) => {
      const docs = tx.objectStore(stores.documents)
      const projects = tx.objectStore(stores.projects)
      const [meta, stored] = await Promise.all([
        done(projects.get(id) as IDBRequest<ProjectMeta | undefined>),
        done(docs.get(id) as IDBRequest<StoredDocument | undefined>),
      ])
      if (!meta || !stored) throw new StorageError('failed', 'That design is no longer stored (deleted in another tab?).')
      const at = now()
      // The name inside the text is not rewritten: a project's name is its summary's (see load).
      const copy: ProjectMeta = { ...meta, id: copyId, name, createdAt: at, updatedAt: at, openedAt: meta.openedAt - 1, revision: 1 }
      await Promise.all([done(docs.put({ ...stored, revision: 1, writer, savedAt: at }, copyId)), done(projects.put(copy, copyId))])
      return copy
    })
  }

  async remove(id: string): Promise<void> {
    await transact(this.db, [stores.projects, stores.documents, stores.settings], 'readwrite', async (tx) => {
      const settings = tx.objectStore(stores.settings)
      await Promise.all([done(tx.objectStore(stores.projects).delete(id)), done(tx.objectStore(stores.documents).delete(id))])
      if ((await done(settings.get(lastOpenedKey))) === id) await done(settings.delete(lastOpenedKey))
    })
  }

  private async updateMeta(id: string, change: (meta: ProjectMeta) => ProjectMeta): Promise<void> {
    await transact(this.db, [stores.projects], 'readwrite', async (tx) => {
      const projects = tx.objectStore(stores.projects)
      const meta = await done(projects.get(id) as IDBRequest<ProjectMeta | undefined>)
      if (!meta) throw new StorageError('failed', 'That design is no longer stored (deleted in another tab?).')
      await done(projects.put(change(meta), id))
    })
  }
}
