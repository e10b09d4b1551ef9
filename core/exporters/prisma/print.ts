/**
 * Prints the Prisma intermediate exactly as `prisma format` would lay it out (aligned field
 * columns, attributes in the formatter's order), so that formatting our output changes nothing.
 */
import { alignColumns, indent, list, render, sections } from '../print/lines.ts'
import type { PrismaAttribute, PrismaConfigBlock, PrismaEnum, PrismaField, PrismaModel, PrismaSchema, PrismaValue } from './ast.ts'
import { prismaString } from './names.ts'

export function printPrisma(schema: PrismaSchema): string {
  return render(
    sections([
      ...schema.config.map(printConfig),
      ...schema.models.map(printModel),
      ...schema.enums.map(printEnum),
    ]),
  )
}

export function printValue(v: PrismaValue): string {
  switch (v.kind) {
    case 'string':
      return prismaString(v.value)
    case 'number':
      return v.text
    case 'ident':
      return v.name
    case 'call':
      return `${v.name}(${v.args.map((a) => (a.name === undefined ? '' : `${a.name}: `) + printValue(a.value)).join(', ')})`
    case 'array':
      return list(v.items.map(printValue))
  }
}

function printAttribute(a: PrismaAttribute): string {
  if (a.args.length === 0) return a.name
  return `${a.name}(${a.args.map((x) => (x.name === undefined ? '' : `${x.name}: `) + printValue(x.value)).join(', ')})`
}

const docLines = (docs: readonly string[]) => docs.map((d) => (d === '' ? '///' : `/// ${d}`))

function printConfig(block: PrismaConfigBlock): string[] {
  const rows = alignColumns(block.entries.map(([k, v]) => [k, `= ${printValue(v)}`]))
  return [`${block.keyword} ${block.name} {`, ...indent(rows), '}']
}

// The order `prisma format` puts attributes in; others (`@db.*`) keep their place after these.
const fieldOrder = ['@id', '@unique', '@default', '@updatedAt', '@map', '@relation', '@ignore']
const blockOrder = ['@@id', '@@unique', '@@index', '@@map', '@@ignore', '@@schema']
const rank = (order: string[], name: string) => {
  const i = order.indexOf(name)
  return i < 0 ? order.length : i
}
/** A stable insertion sort: attribute lists are short, and this runs for every field of a design. */
function sortAttributes(attrs: readonly PrismaAttribute[], order: string[]): readonly PrismaAttribute[] {
  if (attrs.length < 2) return attrs
  const out = attrs.slice()
  for (let i = 1; i < out.length; i++) {
    const a = out[i]!
    const r = rank(order, a.name)
    let j = i - 1
    while (j >= 0 && rank(order, out[j]!.name) > r) (out[j + 1] = out[j]!), j--
    out[j + 1] = a
  }
  return out
}

function fieldType(f: PrismaField): string {
  const base = f.type.unsupported !== undefined ? `Unsupported(${prismaString(f.type.unsupported)})` : f.type.name
  return base + f.type.modifier
}

/**
 * Doc comments sit between aligned rows without breaking the alignment, as in `prisma format`:
 * rows are aligned as one table, then the docs are put back above their field.
 */
function printFields(fields: readonly PrismaField[]): string[] {
  const rows = alignColumns(
    fields.map((f) => [f.name, fieldType(f), sortAttributes(f.attributes, fieldOrder).map(printAttribute).join(' ')]),
  )
  return fields.flatMap((f, i) => [...docLines(f.docs), rows[i]!])
}

function printModel(m: PrismaModel): string[] {
  const block = sortAttributes(m.attributes, blockOrder).map(printAttribute)
  // `prisma format` keeps the blank line before block attributes even when there are no fields.
  const body = m.fields.length ? sections([printFields(m.fields), block]) : block.length ? ['', ...block] : []
  return [...docLines(m.docs), `model ${m.name} {`, ...indent(body), '}']
}

function printEnum(e: PrismaEnum): string[] {
  const values = alignColumns(e.values.map((v) => [v.name, v.attributes.map(printAttribute).join(' ')]))
  const block = sortAttributes(e.attributes, blockOrder).map(printAttribute)
  return [...docLines(e.docs), `enum ${e.name} {`, ...indent(sections([values, block])), '}']
}
