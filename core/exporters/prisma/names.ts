/**
 * Prisma identifiers. Prisma names start with an ASCII letter and go on with letters, digits and
 * underscores; models and enums must not take a scalar type's name or `PrismaClient`. Anything
 * else a user typed stays exact in `@map`/`@@map`; here we only choose a readable, valid name.
 */
import { singularize } from '../../model/inflect.ts'
import { camelCase, identifierWords, pascalCase } from '../print/identifiers.ts'

const validIdentifier = /^[A-Za-z][A-Za-z0-9_]*$/

export function isPrismaIdentifier(name: string): boolean {
  return validIdentifier.test(name)
}

/** Names a model or enum cannot take (checked by Prisma's validator, case-sensitively). */
export const reservedTypeNames: ReadonlySet<string> = new Set([
  'String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported', 'PrismaClient',
])

/** Prisma strings follow JSON's escapes (`\"`, `\\`, `\n`, `\u0001`), so JSON's quoting is exact. */
export function prismaString(value: string): string {
  return JSON.stringify(value)
}

/**
 * `singularize` looks words up in plain objects, so `constructor` or `toString` would come back
 * as functions' source; such words stay as they are.
 */
function singular(word: string): string {
  return word.toLowerCase() in Object.prototype ? word : singularize(word)
}

function withPrefix(name: string, prefix: string): string {
  return /^[0-9]/.test(name) ? prefix + name.charAt(0).toUpperCase() + name.slice(1) : name
}

/** `order_items` -> `OrderItem`, `Invoice Lines` -> `InvoiceLine`; undefined when no word is left. */
export function modelName(tableName: string): string | undefined {
  const words = identifierWords(tableName)
  if (words.length === 0) return undefined
  words[words.length - 1] = singular(words[words.length - 1]!)
  const name = withPrefix(pascalCase(words), 'Model')
  return reservedTypeNames.has(name) ? name + 'Model' : name
}

/** `post_status` -> `PostStatus`. */
export function enumName(typeName: string): string | undefined {
  const words = identifierWords(typeName)
  if (words.length === 0) return undefined
  const name = withPrefix(pascalCase(words), 'Enum')
  return reservedTypeNames.has(name) ? name + 'Enum' : name
}

/** `user_id` -> `userId`, `Mixed Case` -> `mixedCase`, `1st` -> `field1st`. */
export function fieldName(columnName: string): string | undefined {
  const words = identifierWords(columnName)
  return words.length === 0 ? undefined : withPrefix(camelCase(words), 'field')
}

/** Enum values keep their spelling when Prisma can take it; otherwise `it's new` -> `it_s_new`. */
export function enumValueName(value: string): string | undefined {
  if (isPrismaIdentifier(value)) return value
  const words = identifierWords(value)
  return words.length === 0 ? undefined : withPrefix(words.join('_'), 'value')
}
