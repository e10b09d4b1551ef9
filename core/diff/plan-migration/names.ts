/**
 * The names the database holds while the migration runs. PostgreSQL checks every rename against
 * the names taken at that moment, so renames are ordered: a name is taken only once its holder has
 * moved on, swaps go through a temporary name, and an object that will be dropped later but stands
 * in the way is moved aside first.
 *
 * A scope is where names must be unique: `rel:<namespace id>` (tables, indexes), `type:<namespace
 * id>` (enums and the row types of tables), `con:<table id>` (constraints), `col:<table id>`,
 * `val:<enum id>` (labels) and `ns` (schemas).
 */
import { CoreError } from '../../errors.ts'

interface Entry {
  scopes: readonly string[]
  name: string
}

export class NameState {
  readonly #holders = new Map<string, string>()
  readonly #objects = new Map<string, Entry>()
  #temp = 0

  add(id: string, scopes: readonly string[], name: string): void {
    this.remove(id)
    this.#objects.set(id, { scopes, name })
    for (const s of scopes) this.#holders.set(`${s}\0${name}`, id)
  }

  remove(id: string): void {
    const e = this.#objects.get(id)
    if (!e) return
    for (const s of e.scopes) if (this.#holders.get(`${s}\0${e.name}`) === id) this.#holders.delete(`${s}\0${e.name}`)
    this.#objects.delete(id)
  }

  has(id: string): boolean {
    return this.#objects.has(id)
  }

  nameOf(id: string): string | undefined {
    return this.#objects.get(id)?.name
  }

  scopesOf(id: string): readonly string[] {
    return this.#objects.get(id)?.scopes ?? []
  }

  holder(scope: string, name: string): string | undefined {
    return this.#holders.get(`${scope}\0${name}`)
  }

  /** Holders of `name` in any of `scopes`, other than `self`. */
  blockers(scopes: readonly string[], name: string, self?: string): string[] {
    const out: string[] = []
    for (const s of scopes) {
      const h = this.holder(s, name)
      if (h !== undefined && h !== self && !out.includes(h)) out.push(h)
    }
    return out
  }

  rename(id: string, to: string): void {
    const e = this.#objects.get(id)
    if (!e) throw new CoreError('unreachable', `No object ${id} to rename`)
    this.add(id, e.scopes, to)
  }

  /** Moves the object to other scopes (a table to another schema) under its current name. */
  move(id: string, scopes: readonly string[]): void {
    const e = this.#objects.get(id)
    if (!e) throw new CoreError('unreachable', `No object ${id} to move`)
    this.add(id, scopes, e.name)
  }

  /** A name free in every scope given, and unlike any name the new design uses. */
  tempName(scopes: readonly string[], reserved: ReadonlySet<string>): string {
    for (;;) {
      const name = `_cf_tmp_${++this.#temp}`
      if (!reserved.has(name) && this.blockers(scopes, name).length === 0) return name
    }
  }
}

export interface RenameItem {
  readonly id: string
  readonly to: string
}

export interface ScheduledRename {
  readonly id: string
  readonly from: string
  readonly to: string
  /** A move to a temporary name (a swap, or a doomed object stepping aside). */
  readonly temporary: boolean
}

/**
 * Orders renames so that each one's target is free when it runs. `doomed` objects (dropped later
 * in the plan) step aside to a temporary name when they block; anything else blocking a target
 * means the new design holds one name twice, which the structural check rules out beforehand.
 */
export function scheduleRenames(
  state: NameState,
  items: readonly RenameItem[],
  doomed: ReadonlySet<string>,
  reserved: ReadonlySet<string>,
): ScheduledRename[] {
  const out: ScheduledRename[] = []
  const apply = (id: string, to: string, temporary: boolean) => {
    out.push({ id, from: state.nameOf(id)!, to, temporary })
    state.rename(id, to)
  }
  let pending = items.filter((i) => state.nameOf(i.id) !== i.to)
  const pendingIds = () => new Set(pending.map((p) => p.id))
  while (pending.length > 0) {
    let progressed = false
    for (const p of [...pending]) {
      const scopes = state.scopesOf(p.id)
      const blockers = state.blockers(scopes, p.to, p.id)
      for (const b of blockers)
        if (doomed.has(b)) {
          apply(b, state.tempName(state.scopesOf(b), reserved), true)
          progressed = true
        }
      if (state.blockers(scopes, p.to, p.id).length === 0) {
        apply(p.id, p.to, false)
        pending = pending.filter((x) => x !== p)
        progressed = true
      }
    }
    if (progressed || pending.length === 0) continue
    // Every pending rename waits for another: a cycle (a swap). One steps aside.
    const waiting = pendingIds()
    const p = pending[0]!
    const stuck = state.blockers(state.scopesOf(p.id), p.to, p.id).filter((b) => !waiting.has(b))
    if (stuck.length > 0) throw new CoreError('unreachable', `The name "${p.to}" is held by an object that keeps it (${stuck.join(', ')})`)
    apply(p.id, state.tempName(state.scopesOf(p.id), reserved), true)
  }
  return out
}

/**
 * Makes `name` free in `scopes` for an object about to be created: doomed holders step aside.
 * Returns the moves made. `self` is the object's own old instance (a constraint rebuilt under its
 * own name), which is dropped before the new one is added.
 */
export function reserveName(
  state: NameState,
  scopes: readonly string[],
  name: string,
  doomed: ReadonlySet<string>,
  reserved: ReadonlySet<string>,
  self?: string,
): ScheduledRename[] {
  const out: ScheduledRename[] = []
  for (const b of state.blockers(scopes, name, self)) {
    if (!doomed.has(b)) throw new CoreError('unreachable', `The name "${name}" is held by an object that keeps it (${b})`)
    const to = state.tempName(state.scopesOf(b), reserved)
    out.push({ id: b, from: state.nameOf(b)!, to, temporary: true })
    state.rename(b, to)
  }
  return out
}
