/**
 * Test doubles for what a browser gives the documents layer: Web Locks with the real semantics
 * that matter here (ifAvailable, queueing with a signal, steal), and a localStorage in memory.
 * Shared by several tabs of one test, like one browser profile.
 */
import type { LockManagerLike, ChannelLike } from './tabs.ts'
import type { SyncStorage } from './recovery.ts'

interface Waiter {
  readonly grant: () => void
  readonly reject: (e: unknown) => void
}

interface Held {
  readonly fail: (e: unknown) => void
}

export class FakeLocks implements LockManagerLike {
  private held = new Map<string, Held>()
  private queues = new Map<string, Waiter[]>()

  request(name: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const run = () => {
        let released = false
        const finish = () => {
          if (released) return
          released = true
          if (this.held.get(name) === entry) this.held.delete(name)
          this.next(name)
        }
        const entry: Held = {
          fail: (e) => {
            finish()
            reject(e)
          },
        }
        this.held.set(name, entry)
        Promise.resolve(callback({ name })).then(
          (v) => {
            if (released) return
            finish()
            resolve(v)
          },
          (e) => {
            if (released) return
            finish()
            reject(e)
          },
        )
      }
      if (options.steal) {
        this.held.get(name)?.fail(new DOMException('The lock was stolen.', 'AbortError'))
        run()
        return
      }
      const busy = this.held.has(name) || (this.queues.get(name)?.length ?? 0) > 0
      if (!busy) return run()
      if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve, reject)
        return
      }
      const waiter: Waiter = { grant: run, reject }
      const queue = this.queues.get(name) ?? []
      queue.push(waiter)
      this.queues.set(name, queue)
      options.signal?.addEventListener('abort', () => {
        const q = this.queues.get(name) ?? []
        const i = q.indexOf(waiter)
        if (i >= 0) {
          q.splice(i, 1)
          reject(new DOMException('Aborted', 'AbortError'))
        }
      })
    })
  }

  async query() {
    return { held: [...this.held.keys()].map((name) => ({ name })) }
  }

  /** A tab that crashed: its locks go without any of its code running. */
  dropAll(prefixOrNames: (name: string) => boolean): void {
    for (const name of [...this.held.keys()]) if (prefixOrNames(name)) {
      this.held.delete(name)
      this.next(name)
    }
  }

  private next(name: string): void {
    if (this.held.has(name)) return
    const waiter = this.queues.get(name)?.shift()
    waiter?.grant()
  }
}

export class MemoryStorage implements SyncStorage {
  private map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v))
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
}

/** A BroadcastChannel per tab on one name (Node has the real one). */
export function channel(name: string): ChannelLike {
  return new BroadcastChannel(name) as unknown as ChannelLike
}
