/**
 * The PostgreSQL grammar (libpg-query, WASM), loaded on first use: the app only pays for the
 * 1.7 MB module when someone imports SQL. In the browser the `.wasm` is fetched relative to the
 * page (the app serves it from `public/`); in Node it is read beside the package.
 */
import type { Node } from './ast.ts'

type LibPgQuery = typeof import('libpg-query')

let loading: Promise<LibPgQuery> | undefined

export function loadParser(): Promise<LibPgQuery> {
  loading ??= import('libpg-query').then(async (m) => {
    await m.loadModule()
    return m
  })
  // A failed load (offline, missing .wasm) may be retried by the next import.
  loading.catch(() => (loading = undefined))
  return loading
}

export type ParseOutcome =
  | { readonly ok: true; readonly statements: readonly Node[] }
  | { readonly ok: false; readonly message: string; /** Index in the parsed text. */ readonly index: number }

export function parseStatement(lib: LibPgQuery, sql: string): ParseOutcome {
  try {
    const result = lib.parseSync(sql)
    return { ok: true, statements: (result.stmts ?? []).flatMap((s) => (s.stmt ? [s.stmt] : [])) }
  } catch (e) {
    const details = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails
    const message = e instanceof RangeError ? 'the statement is nested too deeply to read' : (e as Error).message
    return { ok: false, message, index: indexOfCodePoint(sql, details?.cursorPosition ?? 0) }
  }
}

/** PostgreSQL reports error positions in characters (code points), not UTF-16 units. */
function indexOfCodePoint(text: string, n: number): number {
  let i = 0
  for (let k = 0; k < n && i < text.length; k++) {
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
  }
  return Math.min(i, text.length)
}
