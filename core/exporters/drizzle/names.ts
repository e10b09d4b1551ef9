/**
 * TypeScript identifiers for tables, columns, enums and schemas. The SQL name always stays as a
 * string argument (`pgTable('Invoice Lines', ...)`); the identifier only has to be valid, stable
 * and readable, and must not shadow what the module imports or the callbacks' parameters.
 */
import { camelCase, identifierWords } from '../print/identifiers.ts'

/** Words TypeScript does not take as variable names (strict mode, ES modules), and globals not to shadow. */
export const tsReservedWords: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'undefined', 'NaN', 'Infinity',
])

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Valid after a dot or as a bare property key (reserved words are fine there). */
export function isTsIdentifier(name: string): boolean {
  return identifier.test(name)
}

/** `order_items` -> `orderItems`, `1st` -> `column1st`; undefined when no ASCII word is left. */
export function tsPropertyName(name: string, prefixForDigit: string): string | undefined {
  const words = identifierWords(name)
  if (words.length === 0) return undefined
  const n = camelCase(words)
  return /^[0-9]/.test(n) ? prefixForDigit + n.charAt(0).toUpperCase() + n.slice(1) : n
}

/** As `tsPropertyName`, for a `const`: reserved words get a trailing underscore (`delete_`). */
export function tsVariableName(name: string, prefixForDigit: string): string | undefined {
  const n = tsPropertyName(name, prefixForDigit)
  return n !== undefined && tsReservedWords.has(n) ? n + '_' : n
}
