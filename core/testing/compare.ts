/**
 * Schemas compared by what PostgreSQL holds, not by ids: every object keyed by name, names
 * resolved (PostgreSQL's defaults filled in), defaults that mean the same written the same.
 * `toEqual` on two comparable views gives a readable diff when a round trip loses something.
 */
import { readDefault } from '../importers/catalog.ts'
import { resolveNames } from '../model/names.ts'
import { indexSchema } from '../model/queries.ts'
import type { Column, Schema, Table } from '../model/schema.ts'
import { formatColumnType } from '../model/types.ts'
import { neededExtensions } from '../sql/create-statements.ts'

export interface CompareOptions {
  /**
   * `exact`: expressions must match character for character (a catalog read twice).
   * `loose`: PostgreSQL's decorations are ignored (casts, parentheses, spacing, case), so a
   * user's `quantity > 0` matches the catalog's `(quantity > 0)`.
   */
  readonly expressions: 'exact' | 'loose'
}

const operand = String.raw`(?:"(?:[^"]|"")+"|'(?:[^']|'')*'|[\w.$]+)(?:::[\w ]+)?`

/** The rewrites PostgreSQL applies when it stores an expression, applied to the user's text. */
function canonicalOperators(sql: string): string {
  return sql
    .replace(new RegExp(`(${operand})\\s+between\\s+(${operand})\\s+and\\s+(${operand})`, 'gi'), '$1 >= $2 AND $1 <= $3')
    .replace(/\s+not\s+in\s*\(([^()]*)\)/gi, ' <> ALL (ARRAY[$1])')
    .replace(/\s+in\s*\(([^()]*)\)/gi, ' = ANY (ARRAY[$1])')
    .replace(/\bnot\s+ilike\b/gi, '!~~*')
    .replace(/\bilike\b/gi, '~~*')
    .replace(/\bnot\s+like\b/gi, '!~~')
    .replace(/\blike\b/gi, '~~')
}

export function looseSql(sql: string): string {
  return canonicalOperators(sql)
    // `"json"` and `json` name the same column; servers differ on which words need quotes.
    .replace(/"([a-z_][a-z0-9_$]*)"/g, '$1')
    .replace(/::("[^"]+"|[\w.]+)(\s+(varying|precision|with(out)?\s+time\s+zone))?(\(\d+(,\s*\d+)?\))?(\[\])*/gi, '')
    .replace(/[()\s]/g, '')
    .toLowerCase()
}

export function comparable(schema: Schema, options: CompareOptions = { expressions: 'loose' }) {
  const idx = indexSchema(schema)
  const names = resolveNames(schema)
  const expr = (s: string | undefined) => (s === undefined ? undefined : options.expressions === 'exact' ? s : looseSql(s))
  const nsName = (id: string) => idx.namespaces.get(id as never)?.name ?? '?'
  const typeText = (c: Column) => {
    const t = c.type
    if (t.kind === 'custom' && t.schema === 'public') return formatColumnType({ ...t, schema: undefined } as never)
    return formatColumnType(t, { enumName: (id) => `${nsName(idx.enums.get(id)!.namespaceId)}.${idx.enums.get(id)!.name}` })
  }
  const colName = (t: Table, id: string) => t.columns.find((c) => c.id === id)?.name ?? `?${id}`
  const sorted = <T>(list: T[], key: (x: T) => string) => list.slice().sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const defaultOf = (c: Column) => {
    if (!c.default) return undefined
    const d = c.default.kind === 'expression' ? readDefault(c.default.sql) : c.default
    return d.kind === 'literal' ? { literal: d.value } : { expression: expr(d.sql) }
  }
  const namespaces = schema.namespaces
    .filter((n) => !(n.name === 'public' && n.comment === undefined))
    .map((n) => ({ name: n.name, comment: n.comment || undefined }))
  return {
    namespaces: sorted(namespaces, (n) => n.name),
    extensions: neededExtensions(schema).sort(),
    enums: sorted(
      schema.enums.map((e) => ({ name: `${nsName(e.namespaceId)}.${e.name}`, values: e.values.map((v) => v.name), comment: e.comment || undefined })),
      (e) => e.name,
    ),
    tables: sorted(
      schema.tables.map((t) => ({
        name: `${nsName(t.namespaceId)}.${t.name}`,
        comment: t.comment || undefined,
        unlogged: t.unlogged ?? false,
        partitionBy: t.partitionBy ? { strategy: t.partitionBy.strategy, key: expr(t.partitionBy.key) } : undefined,
        columns: t.columns.map((c) => ({
          name: c.name,
          type: typeText(c),
          nullable: c.nullable,
          default: defaultOf(c),
          identity: c.identity,
          generated: expr(c.generated),
          collation: c.collation,
          comment: c.comment || undefined,
        })),
        primaryKey: t.primaryKey && {
          name: names.constraints.get(t.primaryKey.id),
          columns: t.primaryKey.columns.map((id) => colName(t, id)),
          comment: t.primaryKey.comment || undefined,
        },
        uniques: sorted(
          t.uniques.map((u) => ({
            name: names.constraints.get(u.id)!,
            columns: u.columns.map((id) => colName(t, id)),
            nullsNotDistinct: u.nullsNotDistinct ?? false,
            comment: u.comment || undefined,
          })),
          (u) => u.name,
        ),
        checks: sorted(
          t.checks.map((c) => ({ name: c.name, expression: expr(c.expression), noInherit: c.noInherit ?? false, comment: c.comment || undefined })),
          (c) => c.name,
        ),
        foreignKeys: sorted(
          t.foreignKeys.map((f) => {
            const target = idx.tables.get(f.target.tableId)
            return {
              name: names.constraints.get(f.id)!,
              columns: f.columns.map((id) => colName(t, id)),
              target: target ? `${nsName(target.namespaceId)}.${target.name}` : '?',
              targetColumns: target ? f.target.columns.map((id) => colName(target, id)) : [],
              onDelete: f.onDelete === 'no action' ? undefined : f.onDelete,
              onUpdate: f.onUpdate === 'no action' ? undefined : f.onUpdate,
              match: f.match,
              deferrable: f.deferrable === 'not deferrable' ? undefined : f.deferrable,
              comment: f.comment || undefined,
            }
          }),
          (f) => f.name,
        ),
        indexes: sorted(
          t.indexes.map((i) => ({
            name: names.indexes.get(i.id)!,
            unique: i.unique,
            method: i.method,
            keys: i.keys.map((k) => ({
              ...(k.kind === 'column' ? { column: colName(t, k.columnId) } : { expression: expr(k.sql) }),
              order: k.order,
              // PostgreSQL's default null ordering written out or left implicit means the same.
              nulls: k.nulls === (k.order === 'desc' ? 'first' : 'last') ? undefined : k.nulls,
              opclass: k.opclass,
              collation: k.collation,
            })),
            include: i.include.map((id) => colName(t, id)),
            where: expr(i.where),
            nullsNotDistinct: i.nullsNotDistinct ?? false,
            comment: i.comment || undefined,
          })),
          (i) => i.name,
        ),
      })),
      (t) => t.name,
    ),
  }
}
