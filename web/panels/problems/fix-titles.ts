/**
 * Quick-fix titles, fetched only for the rows on screen: building a fix means working out names
 * and linked columns, which for 18,000 findings nobody reads would be waste. Rows ask for their
 * key; the asks of one frame go to the worker as one request. After a new lint result the titles
 * already known stay on screen (a title is a label, the fix is applied by key) until the fresh
 * ones arrive, so rows do not flicker on every keystroke.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type { CoreClient } from '../../worker/client.ts'
import type { Finding } from '../../worker/protocol.ts'

export class FixTitles {
  private titles = new Map<string, readonly string[]>()
  private fresh = new Set<string>()
  private wanted = new Set<string>()
  private listeners = new Map<string, Set<() => void>>()
  private findings: readonly Finding[] | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly client: () => CoreClient) {}

  /** A new lint result: every title may have changed. */
  setFindings(findings: readonly Finding[]): void {
    if (findings === this.findings) return
    this.findings = findings
    this.fresh.clear()
    // Titles of findings that are gone are dropped; the rest are kept until refreshed.
    const live = new Set(findings.map((f) => f.key))
    for (const key of this.titles.keys()) if (!live.has(key)) this.titles.delete(key)
  }

  get(key: string): readonly string[] | undefined {
    return this.titles.get(key)
  }

  request(key: string): void {
    if (this.fresh.has(key) || this.wanted.has(key)) return
    this.wanted.add(key)
    this.timer ??= setTimeout(() => void this.flush(), 0)
  }

  /** Listens for the titles of one finding: an answer re-renders only the rows it is about. */
  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(key)
    }
  }

  private async flush(): Promise<void> {
    this.timer = undefined
    const keys = [...this.wanted]
    this.wanted.clear()
    if (keys.length === 0) return
    const asked = this.findings
    let answer: Record<string, readonly string[]>
    try {
      answer = await this.client().fixTitles(keys)
    } catch {
      return
    }
    // A newer result arrived meanwhile: the worker answered from it, so keep only what it knew.
    for (const key of keys) {
      const titles = answer[key]
      if (!titles || (titles.length === 0 && asked !== this.findings)) continue
      if (asked === this.findings) this.fresh.add(key)
      const before = this.titles.get(key)
      if (before && before.length === titles.length && before.every((t, i) => t === titles[i])) continue
      this.titles.set(key, titles)
      for (const l of this.listeners.get(key) ?? []) l()
    }
  }
}

/** The fix titles of one finding; undefined until known. */
const none: readonly string[] = []

export function useFixTitles(store: FixTitles, finding: Finding): readonly string[] | undefined {
  const { key, hasFixes } = finding
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key])
  const titles = useSyncExternalStore(subscribe, () => (hasFixes ? store.get(key) : none))
  useEffect(() => {
    if (hasFixes) store.request(key)
  })
  return titles
}
