/**
 * The one printer from DDL statements to PostgreSQL text. Every identifier goes through
 * `quoteIdent`, every string through `quoteLiteral`.
 */
import { assertNever } from '../errors.ts'
import type { ColumnDef, CommentTarget, ConstraintDef, DdlStatement, IndexDef, QualifiedName, TypeRef } from './ddl.ts'
import { quoteIdent, quoteLiteral } from './quote.ts'

export interface PrintOptions {
  /** Text put before the statements, e.g. a header comment. */
  readonly header?: string
}

export function printPostgres(statements: readonly DdlStatement[], options: PrintOptions = {}): string {
  const parts: string[] = []
  if (options.header) parts.push(options.header)
  let previous: DdlStatement['kind'] | undefined
  let chunk: string[] = []
  const flush = () => {
    if (chunk.length) parts.push(chunk.join('\n'))
    chunk = []
  }
  for (const s of statements) {
    // Multi-line statements stand apart; runs of one-line statements of a kind stay together.
    const text = printStatement(s)
    if (text.includes('\n') || s.kind !== previous) flush()
    chunk.push(text)
    if (text.includes('\n')) flush()
    previous = s.kind
  }
  flush()
  return parts.join('\n\n') + (parts.length ? '\n' : '')
}

export function printStatement(s: DdlStatement): string {
  switch (s.kind) {
    case 'createSchema':
      return `CREATE SCHEMA ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(s.name)};`
    case 'createExtension':
      return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(s.name)};`
    case 'createEnum':
      return `CREATE TYPE ${qname(s.name)} AS ENUM (${s.values.map(quoteLiteral).join(', ')});`
    case 'createTable': {
      const lines = [...s.columns.map(printColumn), ...s.constraints.map(printConstraint)]
      const body = lines.length ? `(\n${lines.map((l) => '  ' + l).join(',\n')}\n)` : '()'
      const partition = s.partitionBy ? ` PARTITION BY ${s.partitionBy.strategy.toUpperCase()} (${s.partitionBy.key})` : ''
      return `CREATE ${s.unlogged ? 'UNLOGGED ' : ''}TABLE ${qname(s.name)} ${body}${partition};`
    }
    case 'addConstraint':
      return `ALTER TABLE ${qname(s.table)} ADD ${printConstraint(s.constraint)}${s.notValid ? ' NOT VALID' : ''};`
    case 'createIndex':
      return printIndex(s.table, s.index, s.concurrently ?? false)
    case 'comment':
      return `COMMENT ON ${printCommentTarget(s.target)} IS ${s.text === null ? 'NULL' : quoteLiteral(s.text)};`
    default:
      return assertNever(s, 'statement')
  }
}

export function qname(n: QualifiedName): string {
  return `${quoteIdent(n.namespace)}.${quoteIdent(n.name)}`
}

export function printType(t: TypeRef): string {
  const base =
    t.kind === 'builtin'
      ? t.text
      : (t.namespace === undefined ? '' : quoteIdent(t.namespace) + '.') +
        quoteIdent(t.name) +
        (t.modifiers?.length ? `(${t.modifiers.join(',')})` : '')
  return base + '[]'.repeat(t.arrayDims)
}

function printColumn(c: ColumnDef): string {
  let s = `${quoteIdent(c.name)} ${printType(c.type)}`
  if (c.collation) s += ` COLLATE ${quoteIdent(c.collation)}`
  if (c.inlinePrimaryKey) s += ' PRIMARY KEY'
  else if (c.notNull) s += ' NOT NULL'
  if (c.default) s += ` DEFAULT ${c.default.kind === 'expression' ? c.default.sql : c.default.raw ? c.default.value : quoteLiteral(c.default.value)}`
  if (c.identity) s += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`
  if (c.generated !== undefined) s += ` GENERATED ALWAYS AS (${c.generated}) STORED`
  return s
}

const columnList = (cols: readonly string[]) => `(${cols.map(quoteIdent).join(', ')})`

export function printConstraint(c: ConstraintDef): string {
  const named = c.name === undefined ? '' : `CONSTRAINT ${quoteIdent(c.name)} `
  switch (c.kind) {
    case 'primaryKey':
      return `${named}PRIMARY KEY ${columnList(c.columns)}`
    case 'unique':
      return `${named}UNIQUE ${c.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}${columnList(c.columns)}`
    case 'check':
      return `${named}CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}`
    case 'foreignKey': {
      let s = `${named}FOREIGN KEY ${columnList(c.columns)} REFERENCES ${qname(c.target)} ${columnList(c.targetColumns)}`
      if (c.match) s += ' MATCH FULL'
      if (c.onUpdate) s += ` ON UPDATE ${c.onUpdate.toUpperCase()}`
      if (c.onDelete) s += ` ON DELETE ${c.onDelete.toUpperCase()}`
      if (c.deferrable && c.deferrable !== 'not deferrable') s += ` DEFERRABLE ${c.deferrable.toUpperCase()}`
      return s
    }
    default:
      return assertNever(c, 'constraint')
  }
}

function printIndex(table: QualifiedName, i: IndexDef, concurrently: boolean): string {
  let s = `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}`
  if (i.name !== undefined) s += `${quoteIdent(i.name)} `
  s += `ON ${qname(table)}`
  if (i.method !== 'btree') s += ` USING ${i.method}`
  const keys = i.keys.map((k) => {
    let key = k.expression !== undefined ? `(${k.expression})` : quoteIdent(k.column!)
    if (k.collation) key += ` COLLATE ${quoteIdent(k.collation)}`
    if (k.opclass) key += ` ${k.opclass.split('.').map(quoteIdent).join('.')}`
    if (k.order) key += ' DESC'
    if (k.nulls) key += ` NULLS ${k.nulls.toUpperCase()}`
    return key
  })
  s += ` (${keys.join(', ')})`
  if (i.include.length) s += ` INCLUDE ${columnList(i.include)}`
  if (i.nullsNotDistinct) s += ' NULLS NOT DISTINCT'
  if (i.where !== undefined) s += ` WHERE (${i.where})`
  return s + ';'
}

function printCommentTarget(t: CommentTarget): string {
  switch (t.kind) {
    case 'schema':
      return `SCHEMA ${quoteIdent(t.name)}`
    case 'type':
      return `TYPE ${qname(t.name)}`
    case 'table':
      return `TABLE ${qname(t.name)}`
    case 'column':
      return `COLUMN ${qname(t.table)}.${quoteIdent(t.column)}`
    case 'constraint':
      return `CONSTRAINT ${quoteIdent(t.constraint)} ON ${qname(t.table)}`
    case 'index':
      return `INDEX ${qname(t.name)}`
    default:
      return assertNever(t, 'comment target')
  }
}
