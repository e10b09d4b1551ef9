/**
 * Rule options are described by a small schema (each option with its type, allowed values and
 * default), so a config can be validated with a message that names the option and the place, the
 * docs can list the options, and a rule's `ctx.options` is typed from the same declaration.
 */

export type OptionSpec =
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | { readonly type: 'number'; readonly default: number; readonly min?: number; readonly integer?: boolean; readonly description: string }
  | { readonly type: 'string'; readonly default: string; readonly enum?: readonly string[]; readonly description: string }
  | { readonly type: 'string[]'; readonly default: readonly string[]; readonly enum?: readonly string[]; readonly description: string }
  | {
      readonly type: 'templates'
      /** Kind -> template, e.g. `{ check: 'ck_{table}_{columns}' }`; users may set some kinds only. */
      readonly default: Readonly<Record<string, string>>
      readonly description: string
    }

export type OptionsSchema = Readonly<Record<string, OptionSpec>>

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'string'; enum: readonly (infer E)[] }
      ? E
      : S extends { type: 'string' }
        ? string
        : S extends { type: 'string[]' }
          ? readonly string[]
          : S extends { type: 'templates'; default: infer D }
            ? { readonly [K in keyof D]: string }
            : never

export type OptionsOf<S extends OptionsSchema> = { readonly [K in keyof S]: ValueOf<S[K]> }

export function defaultOptions(schema: OptionsSchema | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(schema ?? {})) out[key] = spec.default
  return out
}

export interface OptionProblem {
  /** Path below the options object, e.g. `['templates', 'check']`. */
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v}"` : typeof v === 'object' ? 'an object' : String(v))

/**
 * Checks user options against a rule's schema and merges them over the defaults. Unknown keys are
 * errors (a typo must not silently keep the default).
 */
export function resolveOptions(
  schema: OptionsSchema | undefined,
  value: unknown,
): { options: Record<string, unknown>; problems: OptionProblem[] } {
  const options = defaultOptions(schema)
  const problems: OptionProblem[] = []
  if (value === undefined) return { options, problems }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: [], message: `Options must be an object, found ${describe(value)}.` })
    return { options, problems }
  }
  const known = Object.keys(schema ?? {})
  for (const [key, v] of Object.entries(value)) {
    const spec = schema?.[key]
    if (!spec) {
      problems.push({ path: [key], message: known.length ? `Unknown option "${key}"; the options are ${known.join(', ')}.` : `This rule takes no options ("${key}").` })
      continue
    }
    const problem = checkValue(spec, v)
    if (problem) problems.push({ path: [key, ...problem.path], message: problem.message })
    else options[key] = spec.type === 'templates' ? { ...spec.default, ...(v as object) } : v
  }
  return { options, problems }
}

function checkValue(spec: OptionSpec, v: unknown): OptionProblem | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? undefined : { path: [], message: `Expected true or false, found ${describe(v)}.` }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { path: [], message: `Expected a number, found ${describe(v)}.` }
      if (spec.integer && !Number.isInteger(v)) return { path: [], message: `Expected a whole number, found ${v}.` }
      if (spec.min !== undefined && v < spec.min) return { path: [], message: `Expected at least ${spec.min}, found ${v}.` }
      return undefined
    case 'string':
      if (typeof v !== 'string') return { path: [], message: `Expected text, found ${describe(v)}.` }
      if (spec.enum && !spec.enum.includes(v)) return { path: [], message: `Expected one of ${spec.enum.map((e) => `"${e}"`).join(', ')}, found "${v}".` }
      return undefined
    case 'string[]': {
      if (!Array.isArray(v)) return { path: [], message: `Expected a list of text, found ${describe(v)}.` }
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i]
        if (typeof item !== 'string') return { path: [i], message: `Expected text, found ${describe(item)}.` }
        if (spec.enum && !spec.enum.includes(item))
          return { path: [i], message: `Expected one of ${spec.enum.map((e) => `"${e}"`).join(', ')}, found "${item}".` }
      }
      return undefined
    }
    case 'templates': {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return { path: [], message: `Expected an object of templates, found ${describe(v)}.` }
      for (const [kind, t] of Object.entries(v)) {
        if (!Object.hasOwn(spec.default, kind))
          return { path: [kind], message: `Unknown kind "${kind}"; the kinds are ${Object.keys(spec.default).join(', ')}.` }
        if (typeof t !== 'string' || t === '') return { path: [kind], message: `Expected a template such as "${spec.default[kind]}", found ${describe(t)}.` }
      }
      return undefined
    }
  }
}
