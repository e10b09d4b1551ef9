/**
 * Reads the design a command works on, in any importable format (design.md: "Any command takes
 * any importable format as input"): the format comes from `--from`, else the file name, else the
 * content. Anything wrong with the file ends here, as one CliError with the file, line and column,
 * so commands only ever see a valid document.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { createDocument, guessFormat, importerForFile, importers, importSchema, parseDocument } from '../index.ts'
import type { CrowsfootDocument, Diagnostic, Importer } from '../index.ts'
import type { Arg, OptionSpec } from './args.ts'
import { fileProblem } from './io.ts'
import { argumentError, CliError } from './report.ts'

export interface LoadedDesign {
  readonly document: CrowsfootDocument
  /** Findings that did not stop loading: what an importer skipped or approximated. */
  readonly diagnostics: readonly Diagnostic[]
  /** The format the file was read as (`prisma`, `dbml`, `json`, ...). */
  readonly format: string
}

const formats = () => Object.keys(importers).join(', ')

/** The option every command that reads a file offers. */
export const fromOption: OptionSpec = {
  key: 'from',
  flags: ['--from'],
  value: '<format>',
  help: `read <file> as this format instead of guessing from its name: ${formats()}`,
}

export async function loadDesign(file: string, from?: Arg): Promise<LoadedDesign> {
  if (from && !Object.hasOwn(importers, from.value))
    throw argumentError(from.column, `Unknown format "${from.value}"; the formats are ${formats()}.`)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new CliError(file, 1, 1, `Cannot read this file: ${fileProblem(e, 'read')}`)
  }
  const importer = from ? importers[from.value]! : pickImporter(file, bytes)
  const text = decodeUtf8(bytes, file, importer)
  // The native file keeps its layout: it is opened as a document, not imported as a schema.
  if (importer.id === 'json') {
    const result = parseDocument(text)
    if (!result.ok) throw located(file, result.diagnostics, 'This is not a Crowsfoot design.')
    return { document: result.document, diagnostics: result.diagnostics, format: 'json' }
  }
  const result = await importSchema(importer.id, text, { fileName: file })
  if (!result.ok) throw located(file, result.diagnostics, `This is not a valid ${importer.label} file.`)
  const name = basename(file).replace(/\.[^.]+$/, '')
  const groups = result.groups ?? []
  const document = createDocument({ name, schema: result.schema, layout: { tables: {}, ...(groups.length > 0 ? { groups } : {}) } })
  return { document, diagnostics: result.diagnostics, format: importer.id }
}

/** By extension, else by content (a file named `schema.txt` holding DBML), else as a design. */
function pickImporter(file: string, bytes: Uint8Array): Importer {
  const byName = importerForFile(file)
  if (byName) return byName
  const guess = guessFormat(new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)))
  return (guess && Object.hasOwn(importers, guess) ? importers[guess] : undefined) ?? importers.json!
}

function located(file: string, diagnostics: readonly Diagnostic[], fallback: string): CliError {
  const d = diagnostics.find((x) => x.severity === 'error') ?? diagnostics[0]
  const at = d?.location
  const where = at?.path && at.path !== '$' ? ` (at ${at.path})` : ''
  return new CliError(file, at?.line ?? 1, at?.column ?? 1, (d?.message ?? fallback) + where)
}

/** An import finding on stderr, `file:line:col: severity: message (code)`, so editors can jump to it. */
export function formatImportDiagnostic(file: string, d: Diagnostic): string {
  const at = d.location ? `${file}:${d.location.line}:${d.location.column}: ` : `${file}: `
  return `${at}${d.severity}: ${d.message.replace(/\s*[\r\n]+\s*/g, ' ').trim()} (${d.code})`
}

function decodeUtf8(bytes: Uint8Array, file: string, importer: Importer): string {
  const what = importer.id === 'json' ? 'a Crowsfoot design' : `a ${importer.label} file`
  // Windows PowerShell's `>` writes UTF-16 with a byte-order mark: say so instead of "not JSON".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CliError(file, 1, 1, 'This file is UTF-16; save it as UTF-8.')
  try {
    // The default (ignoreBOM: false) drops a UTF-8 byte-order mark, which parsers reject.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // The first replacement character of a lossy decode marks the first bad byte.
    const lossy = new TextDecoder('utf-8').decode(bytes)
    const { line, column } = positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD')))
    throw new CliError(file, line, column, `This is not a text file (not valid UTF-8), so it is not ${what}.`)
  }
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}
