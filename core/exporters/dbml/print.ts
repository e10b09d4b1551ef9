/**
 * Prints a DbmlProject as DBML text. `dbmlQuote` is the one place user text enters the output:
 * names go bare when DBML's lexer reads them back unchanged, otherwise in double quotes; notes,
 * defaults and index names in single quotes. SQL goes in backticks, which DBML reads raw (the
 * mapper has already left out SQL that contains one).
 */
import { assertNever } from '../../errors.ts'
import { alignColumns, indent, list, render, sections } from '../print/lines.ts'
import type { DbmlColumn, DbmlEndpoint, DbmlEnum, DbmlGroup, DbmlIndex, DbmlName, DbmlProject, DbmlRef, DbmlTable, DbmlValue } from './ir.ts'

/** Element and setting words; quoting them keeps names from being read as syntax. */
const keywords = new Set([
  'table', 'ref', 'enum', 'note', 'indexes', 'checks', 'project', 'tablegroup', 'tablepartial', 'records', 'dep',
  'diagramview', 'metadata', 'use', 'reuse', 'as', 'true', 'false', 'null', 'pk', 'not', 'unique', 'increment', 'default',
])

/**
 * DBML's lexer reads an identifier one UTF-16 unit at a time: letters, marks and `_`, then also
 * ASCII digits. Characters outside the BMP (emoji, some CJK) are two units, neither a letter.
 */
function isBareName(name: string): boolean {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || (/^[\p{L}\p{M}_][\p{L}\p{M}_0-9]*$/u.test(name) && !/[\uD800-\uDFFF]/.test(name))
  return plain && !keywords.has(name.toLowerCase())
}

const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A DBML string (`'`) or quoted name (`"`): backslash escapes, control characters as `\uHHHH`. */
export function dbmlQuote(text: string, quote: '"' | "'"): string {
  const body = text.replace(/[\\'"\x00-\x1f\x7f]/g, (c) => {
    if (c === quote) return '\\' + c
    if (c === '"' || c === "'") return c
    return escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  return quote + body + quote
}

const name = (n: string) => (isBareName(n) ? n : dbmlQuote(n, '"'))
const qualified = (n: DbmlName) => (n.schema === undefined ? name(n.name) : `${name(n.schema)}.${name(n.name)}`)
const str = (s: string) => dbmlQuote(s, "'")

/** Types go bare when DBML reads them as one: `integer`, `varchar(255)`, `numeric(10,2)`. */
function typeName(t: DbmlName): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\d+)*\))?$/.test(t.name) && !keywords.has(t.name.toLowerCase())
  const base = bare ? t.name : dbmlQuote(t.name, '"')
  return t.schema === undefined ? base : `${name(t.schema)}.${base}`
}

function value(v: DbmlValue): string {
  switch (v.kind) {
    case 'number':
      return v.text
    case 'string':
      return str(v.value)
    case 'boolean':
      return String(v.value)
    case 'expression':
      return `\`${v.sql}\``
    default:
      return assertNever(v, 'DBML value')
  }
}

function settings(items: Array<string | false | undefined>): string {
  const present = items.filter((s): s is string => typeof s === 'string')
  return present.length ? list(present) : ''
}

function columnRow(c: DbmlColumn): string[] {
  return [
    name(c.name),
    typeName(c.type),
    settings([
      c.pk && 'pk',
      c.notNull && 'not null',
      c.unique && 'unique',
      c.increment && 'increment',
      c.default && `default: ${value(c.default)}`,
      c.note !== undefined && `note: ${str(c.note)}`,
    ]),
  ]
}

function indexLine(i: DbmlIndex): string {
  const keys = i.keys.map((k) => (k.kind === 'column' ? name(k.name) : `\`${k.sql}\``))
  const head = keys.length === 1 ? keys[0]! : list(keys, '(', ')')
  const rest = settings([
    i.pk && 'pk',
    i.unique && 'unique',
    i.name !== undefined && `name: ${str(i.name)}`,
    i.type !== undefined && `type: ${i.type}`,
    i.note !== undefined && `note: ${str(i.note)}`,
  ])
  return rest ? `${head} ${rest}` : head
}

function block(head: string, body: readonly string[]): string[] {
  return [`${head} {`, ...indent(body), '}']
}

function printTable(t: DbmlTable): string[] {
  return block(
    `Table ${qualified(t.name)}`,
    sections([
      alignColumns(t.columns.map(columnRow)),
      t.indexes.length ? block('Indexes', t.indexes.map(indexLine)) : [],
      t.checks.length ? block('Checks', t.checks.map((c) => `\`${c.expression}\` ${settings([`name: ${str(c.name)}`])}`)) : [],
      t.note !== undefined ? [`Note: ${str(t.note)}`] : [],
    ]),
  )
}

function printEnum(e: DbmlEnum): string[] {
  return block(`Enum ${qualified(e.name)}`, e.values.map((v) => dbmlQuote(v, '"')))
}

function endpoint(e: DbmlEndpoint): string {
  const cols = e.columns.map(name)
  return `${qualified(e.table)}.${cols.length === 1 ? cols[0] : list(cols, '(', ')')}`
}

function printRef(r: DbmlRef): string {
  const head = r.name !== undefined ? `Ref ${name(r.name)}:` : 'Ref:'
  const rest = settings([r.onDelete !== undefined && `delete: ${r.onDelete}`, r.onUpdate !== undefined && `update: ${r.onUpdate}`])
  return [head, endpoint(r.from), r.op, endpoint(r.to), ...(rest ? [rest] : [])].join(' ')
}

function printGroup(g: DbmlGroup): string[] {
  const head = [`TableGroup ${name(g.name)}`, ...(g.color ? [settings([`color: ${g.color}`])] : [])].join(' ')
  return block(head, sections([g.tables.map(qualified), g.note !== undefined ? [`Note: ${str(g.note)}`] : []]))
}

export function printDbml(p: DbmlProject): string {
  return render(
    sections([
      block(`Project ${name(p.name)}`, [`database_type: ${str('PostgreSQL')}`]),
      ...p.enums.map(printEnum),
      ...p.tables.map(printTable),
      p.refs.map(printRef),
      ...p.groups.map(printGroup),
    ]),
  )
}
