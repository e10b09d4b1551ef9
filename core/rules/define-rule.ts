/**
 * `defineRule` is an identity function that gives a rule its types: message ids come from the
 * keys of `meta.messages` and `ctx.options` from `meta.options`, so a typo in either is a compile
 * error (typescript-eslint's `createRule` does the same).
 */
import type { OptionsSchema } from './options.ts'
import type { DiffRule, ModelRule } from './types.ts'

// `{}` as the default: a rule without options gets an empty options object.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function defineRule<const S extends OptionsSchema = {}, const M extends string = string>(rule: ModelRule<S, M>): ModelRule<S, M> {
  return rule
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function defineDiffRule<const S extends OptionsSchema = {}, const M extends string = string>(rule: DiffRule<S, M>): DiffRule<S, M> {
  return rule
}

/** The doc path of a rule, relative to the repository root. */
export const docsPath = (id: string) => `core/rules/${id}.md`
