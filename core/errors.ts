/**
 * Programmer errors (an unknown exporter id, an id that is not in the schema) throw a coded
 * CoreError. Problems in user input never throw: they become diagnostics with a location.
 */
export type CoreErrorCode =
  | 'missing-object'
  | 'unknown-exporter'
  | 'unknown-importer'
  | 'invalid-edit'
  | 'unreachable'

export class CoreError extends Error {
  readonly code: CoreErrorCode
  constructor(code: CoreErrorCode, message: string) {
    super(message)
    this.name = 'CoreError'
    this.code = code
  }
}

/** Ends every switch over a union, so that a new member is a compile error, not a silent skip. */
export function assertNever(value: never, what = 'value'): never {
  throw new CoreError('unreachable', `Unexpected ${what}: ${JSON.stringify(value)}`)
}
