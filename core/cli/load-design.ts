/**
 * Reads the design a command works on. Anything wrong with the file ends here, as one CliError
 * with the file, line and column, so commands only ever see a valid document.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parseDocument } from '../index.ts'
import type { CrowsfootDocument, Diagnostic } from '../index.ts'
import { fileProblem } from './io.ts'
import { CliError } from './report.ts'

export interface LoadedDesign {
  readonly document: CrowsfootDocument
  /** Findings that did not stop loading (e.g. a migrated older version). */
  readonly diagnostics: readonly Diagnostic[]
}

// Text formats the design accepts (design.md "Any command takes any importable format"), whose
// importers come in a later issue. Until then they are refused by name rather than misread as JSON.
const laterFormats: Record<string, string> = { '.sql': 'PostgreSQL', '.dbml': 'DBML', '.prisma': 'Prisma' }

export function loadDesign(file: string): LoadedDesign {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new CliError(file, 1, 1, `Cannot read this file: ${fileProblem(e, 'read')}`)
  }
  const ext = extname(file).toLowerCase()
  const later = Object.hasOwn(laterFormats, ext) ? laterFormats[ext] : undefined
  if (later) throw new CliError(file, 1, 1, `Importing ${later} (${ext}) is not available yet; use a .crowsfoot.json design.`)
  const result = parseDocument(decodeUtf8(bytes, file))
  if (!result.ok) {
    const d = result.diagnostics.find((x) => x.severity === 'error') ?? result.diagnostics[0]
    const at = d?.location
    const where = at?.path && at.path !== '$' ? ` (at ${at.path})` : ''
    throw new CliError(file, at?.line ?? 1, at?.column ?? 1, (d?.message ?? 'This is not a Crowsfoot design.') + where)
  }
  return { document: result.document, diagnostics: result.diagnostics }
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  // Windows PowerShell's `>` writes UTF-16 with a byte-order mark: say so instead of "not JSON".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CliError(file, 1, 1, 'This file is UTF-16; save it as UTF-8.')
  try {
    // The default (ignoreBOM: false) drops a UTF-8 byte-order mark, which JSON.parse rejects.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // The first replacement character of a lossy decode marks the first bad byte.
    const lossy = new TextDecoder('utf-8').decode(bytes)
    const { line, column } = positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD')))
    throw new CliError(file, line, column, 'This is not a text file (not valid UTF-8), so it is not a Crowsfoot design.')
  }
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}
