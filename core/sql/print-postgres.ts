/**
 * The one printer from DDL statements to PostgreSQL text. Every identifier goes through
 * `quoteIdent`, every string through `quoteLiteral`.
 */
import { assertNever } from '../errors.ts'
import type {
  BackfillValue,
  ColumnAlteration,
  ColumnDef,
  CommentTarget,
  ConstraintDef,
  DdlStatement,
  DefaultDef,
  IndexDef,
  MigrationStatement,
  QualifiedName,
  TypeRef,
  UsingExpr,
} from './ddl.ts'
import { quoteIdent, quoteLiteral } from './quote.ts'

export interface PrintOptions {
  /** Text put before the statements, e.g. a header comment. */
  readonly header?: string
}

/**
 * Statement texts by statement object: the export keeps each table's statements per table object,
 * so after an edit only the statements of the tables it changed are printed again.
 */
const printed = new WeakMap<DdlStatement, string>()

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
    let text = printed.get(s)
    if (text === undefined) printed.set(s, (text = printStatement(s)))
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
    case 'dropSchema':
    case 'renameSchema':
    case 'dropExtension':
    case 'dropEnum':
    case 'renameEnum':
    case 'setEnumSchema':
    case 'addEnumValue':
    case 'renameEnumValue':
    case 'dropTable':
    case 'renameTable':
    case 'setTableSchema':
    case 'setTablePersistence':
    case 'addColumn':
    case 'dropColumn':
    case 'renameColumn':
    case 'alterColumn':
    case 'dropConstraint':
    case 'renameConstraint':
    case 'validateConstraint':
    case 'alterConstraintDeferrable':
    case 'addConstraintUsingIndex':
    case 'dropIndex':
    case 'renameIndex':
    case 'backfill':
    case 'resetIdentity':
    case 'setParameter':
    case 'transaction':
    case 'note':
      return printMigrationStatement(s)
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

/** The statements only migrations use (see `MigrationStatement`). */
export function printMigrationStatement(s: MigrationStatement): string {
  switch (s.kind) {
    case 'dropSchema':
      return `DROP SCHEMA ${quoteIdent(s.name)};`
    case 'renameSchema':
      return `ALTER SCHEMA ${quoteIdent(s.name)} RENAME TO ${quoteIdent(s.to)};`
    case 'dropExtension':
      return `DROP EXTENSION IF EXISTS ${quoteIdent(s.name)};`
    case 'dropEnum':
      return `DROP TYPE ${qname(s.name)};`
    case 'renameEnum':
      return `ALTER TYPE ${qname(s.name)} RENAME TO ${quoteIdent(s.to)};`
    case 'setEnumSchema':
      return `ALTER TYPE ${qname(s.name)} SET SCHEMA ${quoteIdent(s.to)};`
    case 'addEnumValue': {
      const where = s.before !== undefined ? ` BEFORE ${quoteLiteral(s.before)}` : s.after !== undefined ? ` AFTER ${quoteLiteral(s.after)}` : ''
      return `ALTER TYPE ${qname(s.name)} ADD VALUE ${quoteLiteral(s.value)}${where};`
    }
    case 'renameEnumValue':
      return `ALTER TYPE ${qname(s.name)} RENAME VALUE ${quoteLiteral(s.from)} TO ${quoteLiteral(s.to)};`
    case 'dropTable':
      return `DROP TABLE ${qname(s.name)};`
    case 'renameTable':
      return `ALTER TABLE ${qname(s.name)} RENAME TO ${quoteIdent(s.to)};`
    case 'setTableSchema':
      return `ALTER TABLE ${qname(s.name)} SET SCHEMA ${quoteIdent(s.to)};`
    case 'setTablePersistence':
      return `ALTER TABLE ${qname(s.name)} SET ${s.unlogged ? 'UNLOGGED' : 'LOGGED'};`
    case 'addColumn':
      return `ALTER TABLE ${qname(s.table)} ADD COLUMN ${printColumn(s.column)};`
    case 'dropColumn':
      return `ALTER TABLE ${qname(s.table)} DROP COLUMN ${quoteIdent(s.column)};`
    case 'renameColumn':
      return `ALTER TABLE ${qname(s.table)} RENAME COLUMN ${quoteIdent(s.from)} TO ${quoteIdent(s.to)};`
    case 'alterColumn':
      return `ALTER TABLE ${qname(s.table)} ALTER COLUMN ${quoteIdent(s.column)} ${printAlteration(s.change)};`
    case 'dropConstraint':
      return `ALTER TABLE ${qname(s.table)} DROP CONSTRAINT ${quoteIdent(s.name)};`
    case 'renameConstraint':
      return `ALTER TABLE ${qname(s.table)} RENAME CONSTRAINT ${quoteIdent(s.from)} TO ${quoteIdent(s.to)};`
    case 'validateConstraint':
      return `ALTER TABLE ${qname(s.table)} VALIDATE CONSTRAINT ${quoteIdent(s.name)};`
    case 'alterConstraintDeferrable': {
      const timing = s.deferrable === 'not deferrable' ? 'NOT DEFERRABLE' : `DEFERRABLE ${s.deferrable.toUpperCase()}`
      return `ALTER TABLE ${qname(s.table)} ALTER CONSTRAINT ${quoteIdent(s.name)} ${timing};`
    }
    case 'addConstraintUsingIndex':
      return `ALTER TABLE ${qname(s.table)} ADD CONSTRAINT ${quoteIdent(s.name)} ${s.constraint === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${quoteIdent(s.index)};`
    case 'dropIndex':
      return `DROP INDEX ${s.concurrently ? 'CONCURRENTLY ' : ''}${s.ifExists ? 'IF EXISTS ' : ''}${qname(s.name)};`
    case 'renameIndex':
      return `ALTER INDEX ${qname(s.name)} RENAME TO ${quoteIdent(s.to)};`
    case 'backfill':
      return printBackfill(s.table, s.column, s.value, s.batchSize)
    case 'resetIdentity': {
      // pg_get_serial_sequence parses its first argument as SQL (so it gets the quoted name) and
      // takes the second literally.
      const col = quoteIdent(s.column)
      return `SELECT setval(pg_get_serial_sequence(${quoteLiteral(qname(s.table))}, ${quoteLiteral(s.column)}), COALESCE(MAX(${col}), 0) + 1, false) FROM ${qname(s.table)};`
    }
    case 'setParameter':
      return `SET ${s.name} = ${quoteLiteral(s.value)};`
    case 'transaction':
      return s.action === 'begin' ? 'BEGIN;' : 'COMMIT;'
    case 'note':
      return s.text
        .split(/\r?\n|\r/)
        .map((line) => `-- ${line}`.trimEnd())
        .join('\n')
    default:
      return assertNever(s, 'migration statement')
  }
}

export function printDefault(d: DefaultDef): string {
  return d.kind === 'expression' ? d.sql : d.raw ? d.value : quoteLiteral(d.value)
}

function printAlteration(c: ColumnAlteration): string {
  switch (c.kind) {
    case 'type':
      return `TYPE ${printType(c.type)}${c.collation ? ` COLLATE ${quoteIdent(c.collation)}` : ''}${c.using ? ` USING ${printUsing(c.using)}` : ''}`
    case 'setDefault':
      return `SET DEFAULT ${printDefault(c.default)}`
    case 'dropDefault':
      return 'DROP DEFAULT'
    case 'setNotNull':
      return 'SET NOT NULL'
    case 'dropNotNull':
      return 'DROP NOT NULL'
    case 'addIdentity':
      return `ADD GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`
    case 'setIdentity':
      return `SET GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`
    case 'dropIdentity':
      return 'DROP IDENTITY'
    case 'setExpression':
      return `SET EXPRESSION AS (${c.sql})`
    case 'dropExpression':
      return 'DROP EXPRESSION'
    default:
      return assertNever(c, 'column alteration')
  }
}

export function printUsing(u: UsingExpr): string {
  switch (u.kind) {
    case 'sql':
      return `(${u.sql})`
    case 'cast':
      return [quoteIdent(u.column), ...u.via.map(printType), printType(u.to)].join('::')
    case 'enumMap': {
      const col = quoteIdent(u.column)
      if (u.to.arrayDims === 0) return `${mapLabel(`${col}::text`, u.map)}::${printType(u.to)}`
      // USING takes no subquery, so arrays are mapped with array_replace on their text form, in
      // two passes through placeholders so that a swap of two labels does not chain.
      let text = `${col}::text${'[]'.repeat(u.to.arrayDims)}`
      const taken = new Set(u.map.flat())
      const holders = u.map.map((_, i) => {
        let h = `_cf_label_${i}`
        while (taken.has(h)) h += '_'
        return h
      })
      u.map.forEach(([from], i) => (text = `array_replace(${text}, ${quoteLiteral(from)}, ${quoteLiteral(holders[i]!)})`))
      u.map.forEach(([, to], i) => (text = `array_replace(${text}, ${quoteLiteral(holders[i]!)}, ${quoteLiteral(to)})`))
      return `${text}::${printType(u.to)}`
    }
    default:
      return assertNever(u, 'USING expression')
  }
}

function mapLabel(text: string, map: ReadonlyArray<readonly [string, string]>): string {
  if (map.length === 0) return text
  return `CASE ${text} ${map.map(([from, to]) => `WHEN ${quoteLiteral(from)} THEN ${quoteLiteral(to)}`).join(' ')} ELSE ${text} END`
}

function printBackfill(table: QualifiedName, column: string, value: BackfillValue, batchSize: number | undefined): string {
  const t = qname(table)
  const c = quoteIdent(column)
  const v = value.kind === 'default' ? 'DEFAULT' : `(${value.sql})`
  if (batchSize === undefined) return `UPDATE ${t} SET ${c} = ${v} WHERE ${c} IS NULL;`
  // A bounded loop, not "until no NULL is left": a value that is itself NULL must not spin forever.
  const body = [
    'DECLARE',
    '  remaining bigint;',
    'BEGIN',
    `  SELECT count(*) INTO remaining FROM ${t} WHERE ${c} IS NULL;`,
    '  WHILE remaining > 0 LOOP',
    `    UPDATE ${t} SET ${c} = ${v} WHERE ctid = ANY (ARRAY(SELECT ctid FROM ${t} WHERE ${c} IS NULL LIMIT ${Math.max(1, Math.floor(batchSize))}));`,
    `    remaining := remaining - ${Math.max(1, Math.floor(batchSize))};`,
    '    COMMIT;',
    '  END LOOP;',
    'END',
  ].join('\n')
  const tag = dollarTagFor(body)
  return `DO ${tag}\n${body}\n${tag};`
}

/** A dollar-quote tag that does not occur in `body`. */
function dollarTagFor(body: string): string {
  for (let n = 0; ; n++) {
    const tag = n === 0 ? '$cf$' : `$cf${n}$`
    if (!body.includes(tag)) return tag
  }
}
