/**
 * Name handling shared by the rules: splitting names into words whatever their style
 * (`created_at`, `createdAt`, `CreatedAt`), snake_case conversion, glob patterns for the
 * `ignore` options and the name templates of the naming rules.
 */

const wordCache = new Map<string, readonly string[]>()

/** Lower-case words of a name: `createdAt` and `created_at` both give `['created', 'at']`. */
export function words(name: string): readonly string[] {
  let hit = wordCache.get(name)
  if (hit) return hit
  // Names repeat across tables and rules; the cache is bounded so long sessions do not grow it.
  if (wordCache.size > 50_000) wordCache.clear()
  hit = splitWords(name)
  wordCache.set(name, hit)
  return hit
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
}

const keyCache = new Map<string, string>()

/** A style-free key: `created_at`, `createdAt` and `CreatedAt` all give `createdat`. */
export function nameKey(name: string): string {
  let hit = keyCache.get(name)
  if (hit === undefined) {
    if (keyCache.size > 50_000) keyCache.clear()
    hit = name.toLowerCase().replace(/[^a-z0-9]/g, '')
    keyCache.set(name, hit)
  }
  return hit
}

export const snakeCasePattern = /^[a-z][a-z0-9_]*$/

export function isSnakeCase(name: string): boolean {
  return snakeCasePattern.test(name)
}

/** `OrderItem` -> `order_item`, `Mixed Case` -> `mixed_case`; empty when nothing is left. */
export function toSnakeCase(name: string): string {
  // Accents go (é -> e); other scripts cannot be spelt in [a-z], so there is no suggestion.
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  if (/\p{L}/u.test(ascii.replace(/[A-Za-z]/g, ''))) return ''
  const snake = words(ascii).join('_')
  return /^[a-z]/.test(snake) ? snake : snake === '' ? '' : `t_${snake}`
}

const globCache = new WeakMap<readonly string[], RegExp>()

/** `*` and `?` globs, matched against the whole name (and against `schema.name` when qualified). */
export function matchesAny(patterns: readonly string[], name: string, qualified?: string): boolean {
  if (patterns.length === 0) return false
  // One regex per option list (options are resolved once per linter, so the list object is stable).
  let re = globCache.get(patterns)
  if (!re) {
    const alternatives = patterns.map((p) => p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.'))
    globCache.set(patterns, (re = new RegExp(`^(?:${alternatives.join('|')})$`)))
  }
  return re.test(name) || (qualified !== undefined && re.test(qualified))
}

/** The table as it appears in a template: its snake_case form (`OrderItem` gives `order_item`). */
function templateTable(table: string): string {
  return isSnakeCase(table) ? table : toSnakeCase(table) || table
}

/** Fills `{table}` and `{columns}` (column names joined with `_`, in snake_case). */
export function renderTemplate(template: string, table: string, columns: readonly string[]): string {
  return template.replaceAll('{table}', templateTable(table)).replaceAll('{columns}', columns.map((c) => (isSnakeCase(c) ? c : toSnakeCase(c) || c)).join('_'))
}

/**
 * The fixed part of a template, up to `{columns}`: `ck_{table}_{columns}` for table `users`
 * gives `ck_users_`. Names only have to start with it; what follows may name the columns or the
 * purpose (`idx_users_active`), as the seeds' own examples do.
 */
export function templatePrefix(template: string, table: string): string {
  const at = template.indexOf('{columns}')
  return (at < 0 ? template : template.slice(0, at)).replaceAll('{table}', templateTable(table))
}

/** Whether a name starts with a template's fixed part, for the table's own name or its snake_case form. */
export function followsTemplate(name: string, template: string, table: string): boolean {
  const at = template.indexOf('{columns}')
  const fixed = at < 0 ? template : template.slice(0, at)
  return name.startsWith(fixed.replaceAll('{table}', templateTable(table))) || name.startsWith(fixed.replaceAll('{table}', table))
}

/** Same name ignoring style: `createdAt` matches `created_at`. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b)
}
