/**
 * Inputs for a migration plan as a file (`crowsfoot diff --inputs inputs.json`): a JSON object from
 * change id to the value it asks for, e.g. `{ "columnNullabilityChanged:co_7": "'unknown'" }`.
 * Problems come back with line, column and JSON path, as for every file Crowsfoot reads.
 */
import type { Diagnostic } from '../diagnostics.ts'
import { findSyntaxError, formatPath, locatePath, positionAt } from '../document/json-text.ts'

export type InputsResult = { readonly ok: true; readonly inputs: Readonly<Record<string, string>> } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

/**
 * @example
 *   const r = parseMigrationInputs('{ "columnAdded:co_9": "0" }')
 *   if (r.ok) planMigration(before, after, { inputs: r.inputs })
 */
export function parseMigrationInputs(text: string): InputsResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    const { message, offset } = findSyntaxError(body)
    return fail(message, positionAt(body, offset), '$')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('Expected an object from change id to value, e.g. { "columnAdded:co_9": "0" }.', { line: 1, column: 1 }, '$')
  for (const [key, v] of Object.entries(value)) {
    const where = positionAt(body, Math.max(0, locatePath(body, [key])))
    if (!/^[a-z][A-Za-z]+:\S+$/.test(key)) return fail(`"${key}" is not a change id (kind:object-id, as the plan's input requests name them).`, where, formatPath([key]))
    if (typeof v !== 'string') return fail(`The value for "${key}" must be text (an SQL expression or a label), found ${JSON.stringify(v)}.`, where, formatPath([key]))
  }
  return { ok: true, inputs: value as Record<string, string> }
}

function fail(message: string, at: { line: number; column: number }, path: string): InputsResult {
  return { ok: false, diagnostics: [{ code: 'invalid-inputs', severity: 'error', message, location: { ...at, path } }] }
}
