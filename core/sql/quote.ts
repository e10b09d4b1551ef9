/**
 * The only two functions that put user text into SQL. Every exporter and the migration printer go
 * through them, so no name or value a user types can break out of its token.
 */
import { colNameKeywords, reservedKeywords, typeFuncNameKeywords } from './keywords.ts'

const plainIdentifier = /^[a-z_][a-z0-9_$]*$/

/** True when PostgreSQL would read the name back unchanged without quotes. */
export function isPlainIdentifier(name: string): boolean {
  return (
    plainIdentifier.test(name) &&
    !reservedKeywords.has(name) &&
    !colNameKeywords.has(name) &&
    !typeFuncNameKeywords.has(name)
  )
}

/**
 * Quotes an identifier the way PostgreSQL's `quote_ident` does: only where needed (upper case,
 * spaces, unicode, quotes, keywords), doubling embedded double quotes. NUL cannot be stored in
 * a PostgreSQL identifier at all; callers reject it earlier (see the document validator).
 */
export function quoteIdent(name: string): string {
  let q = quoted.get(name)
  if (q === undefined) {
    q = isPlainIdentifier(name) ? name : `"${name.replaceAll('"', '""')}"`
    // Exports print the same few thousand names many times; a bounded cache keeps that cheap.
    if (quoted.size > 50_000) quoted.clear()
    quoted.set(name, q)
  }
  return q
}
const quoted = new Map<string, string>()

/** `schema.name`, each part quoted as needed. */
export function quoteQualified(namespace: string | undefined, name: string): string {
  return namespace === undefined ? quoteIdent(name) : `${quoteIdent(namespace)}.${quoteIdent(name)}`
}

/**
 * A string literal that is correct whatever `standard_conforming_strings` says: plain quotes when
 * there is no backslash, otherwise an E'' literal with backslashes doubled.
 */
export function quoteLiteral(value: string): string {
  const body = value.replaceAll("'", "''")
  return value.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`
}
