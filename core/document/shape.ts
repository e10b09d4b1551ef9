/**
 * A tiny structural validator for opened files: each check returns the first problem with the
 * JSON path where it is, so the loader can say what is wrong and where.
 */
export type Path = Array<string | number>
export interface Problem {
  readonly path: Path
  readonly message: string
}
export type Check = (value: unknown, path: Path) => Problem | undefined

const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`

export const str: Check = (v, path) => (typeof v === 'string' ? undefined : { path, message: `Expected text, found ${describe(v)}.` })

export const nonEmptyStr: Check = (v, path) =>
  typeof v === 'string' && v.length > 0 ? undefined : { path, message: `Expected non-empty text, found ${describe(v)}.` }

export const bool: Check = (v, path) => (typeof v === 'boolean' ? undefined : { path, message: `Expected true or false, found ${describe(v)}.` })

export const finiteNumber: Check = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : { path, message: `Expected a number, found ${describe(v)}.` }

export function int(min: number, max: number): Check {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : { path, message: `Expected a whole number from ${min} to ${max}, found ${describe(v)}.` }
}

export function oneOf(...values: readonly unknown[]): Check {
  return (v, path) =>
    values.includes(v) ? undefined : { path, message: `Expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, found ${describe(v)}.` }
}

export function list(item: Check, max = 1_000_000): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return { path, message: `Expected a list, found ${describe(v)}.` }
    if (v.length > max) return { path, message: `The list has ${v.length} items; at most ${max} are allowed.` }
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], [...path, i])
      if (p) return p
    }
    return undefined
  }
}

export function record(item: Check): Check {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, message: `Expected an object, found ${describe(v)}.` }
    for (const [k, x] of Object.entries(v)) {
      const p = item(x, [...path, k])
      if (p) return p
    }
    return undefined
  }
}

/** An object with exactly these keys: `?` after a key name marks it optional; others are rejected. */
export function obj(fields: Record<string, Check>): Check {
  const required = Object.keys(fields).filter((k) => !k.endsWith('?'))
  const all = new Map(Object.entries(fields).map(([k, c]) => [k.replace(/\?$/, ''), c]))
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, message: `Expected an object, found ${describe(v)}.` }
    const o = v as Record<string, unknown>
    for (const k of required) if (!(k in o)) return { path, message: `"${k}" is missing.` }
    for (const [k, x] of Object.entries(o)) {
      const check = all.get(k)
      if (!check) return { path: [...path, k], message: `Unknown property "${k}".` }
      const p = check(x, [...path, k])
      if (p) return p
    }
    return undefined
  }
}

/** A union discriminated by `kind`. */
export function byKind(variants: Record<string, Check>): Check {
  return (v, path) => {
    const kind = typeof v === 'object' && v !== null ? (v as { kind?: unknown }).kind : undefined
    const check = typeof kind === 'string' ? variants[kind] : undefined
    if (!check)
      return { path: [...path, 'kind'], message: `Expected "kind" to be one of ${Object.keys(variants).map((k) => JSON.stringify(k)).join(', ')}.` }
    return check(v, path)
  }
}
