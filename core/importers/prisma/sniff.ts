/**
 * Shared by the text importers: refusing binary data before parsing it, and guessing the format
 * of a file that failed to parse, so that "wrong extension" reads as such rather than as a syntax
 * error on line 1.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import { positionOf } from './lexer.ts'

export type TextFormat = 'postgres' | 'dbml' | 'prisma' | 'json'

const labels: Record<TextFormat, string> = { postgres: 'PostgreSQL DDL', dbml: 'DBML', prisma: 'a Prisma schema', json: 'JSON' }

/** The most likely format of `text`, from its first meaningful line; undefined when unclear. */
export function guessFormat(text: string): TextFormat | undefined {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '')
  const body = head
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('//') && !l.startsWith('--'))
  const first = body[0] ?? ''
  if (/^[[{]/.test(first)) return 'json'
  if (/^(model|enum|datasource|generator|view)\s+\w+\s*\{/.test(first)) return 'prisma'
  if (/^(Table|Enum|Ref|Project|TableGroup|TablePartial|Note|Records)\b/i.test(first) && !/^table\s+\w+\s*\(/i.test(first)) return 'dbml'
  if (/^(create|alter|set|begin|comment|drop|insert|select|--|\\)/i.test(first)) return 'postgres'
  return undefined
}

/** A located error for text that holds a NUL character: binary data, not a schema. */
export function binaryProblem(text: string, what: string): Diagnostic | undefined {
  const nul = text.indexOf('\0')
  if (nul < 0) return undefined
  return {
    code: 'binary-input',
    severity: 'error',
    message: `This is binary data, not ${what} (a NUL byte at this position).`,
    location: positionOf(text, nul),
  }
}

/** "This looks like DBML" when the text is clearly another format than the importer's. */
export function formatHint(text: string, expected: TextFormat): string {
  const guess = guessFormat(text)
  if (!guess || guess === expected) return ''
  return ` This looks like ${labels[guess]}, not ${labels[expected]}: import it as "${guess}" instead.`
}
