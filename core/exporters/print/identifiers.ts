/**
 * Target identifiers from names people type. A table called `Invoice Lines`, `名前` or `select`
 * must still become a valid, readable identifier in Prisma or TypeScript; the real name is kept
 * next to it (`@map`, the SQL name string). Targets add their own reserved words and prefixes.
 */

/**
 * The ASCII words of a name: accents stripped (`späť` -> `spat`), split at anything that is not a
 * letter or digit and at camelCase humps (`userID` -> `user`, `ID`). Other scripts and emoji
 * yield no words; callers then fall back to a positional name.
 */
export function identifierWords(name: string): string[] {
  // The common case, snake_case in lower case, needs neither Unicode folding nor hump splitting.
  if (/^[a-z0-9_]*$/.test(name)) return name.split('_').filter((w) => w !== '')
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const words: string[] = []
  for (const chunk of ascii.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue
    // userID -> user ID, HTTPServer -> HTTP Server, v2Api -> v2 Api
    for (const w of chunk.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)) if (w) words.push(w)
  }
  return words
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()

export function camelCase(words: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join('')
}

export function pascalCase(words: readonly string[]): string {
  return words.map(capitalize).join('')
}

/**
 * Hands out names unique within one scope, in call order: the first asker keeps `base`, later
 * ones get `base2`, `base3`... Deterministic, so the same design always prints the same names.
 */
export class Namer {
  private readonly taken = new Set<string>()
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(this.key(r))
  }
  /** Whether `name` is still free (case-sensitively unless the scope folds case). */
  isFree(name: string): boolean {
    return !this.taken.has(this.key(name))
  }
  claim(base: string): string {
    let name = base
    for (let n = 2; !this.isFree(name); n++) name = `${base}${n}`
    this.taken.add(this.key(name))
    return name
  }
  protected key(name: string): string {
    return name
  }
}
