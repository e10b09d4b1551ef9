/**
 * A new table where the user is looking, with the columns most designs start from (a uuid key and
 * the timestamps the seeds ask for), selected with its name ready to type over.
 */
import type { Schema, TableId } from '@core'
import { addTable, ensureNamespace, parseColumnType, randomIds } from '@core'
import { canvasApi } from '../canvas/bridge.ts'
import { tableMetrics } from '../canvas/metrics.ts'
import type { Command } from './types.ts'

const ids = randomIds()

function type(text: string) {
  const parsed = parseColumnType(text)
  if (!parsed.ok) throw new Error(`built-in type ${text} does not parse`)
  return parsed.type
}

/** `new_table`, or `new_table_2`, ... : the first name no table in that schema has. */
export function freshTableName(schema: Schema, base = 'new_table'): string {
  const taken = new Set(schema.tables.map((t) => t.name))
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`
}

export function newTable(schema: Schema, id: TableId): Schema {
  const [s, namespaceId] = ensureNamespace(schema, 'public')
  const key = ids.next('column')
  return addTable(s, {
    id,
    namespaceId,
    name: freshTableName(s),
    columns: [
      { id: key, name: 'id', type: type('uuid'), nullable: false, default: { kind: 'expression', sql: 'gen_random_uuid()' } },
      { id: ids.next('column'), name: 'created_at', type: type('timestamptz'), nullable: false, default: { kind: 'expression', sql: 'now()' } },
      { id: ids.next('column'), name: 'updated_at', type: type('timestamptz'), nullable: false, default: { kind: 'expression', sql: 'now()' } },
    ],
    primaryKey: { kind: 'primaryKey', id: ids.next('constraint'), columns: [key] },
  })
}

export const addTableCommand: Command = {
  id: 'add-table',
  label: 'Add table',
  group: 'Design',
  keys: ['T'],
  keywords: ['new', 'create', 'entity'],
  run(store) {
    const id = ids.next('table')
    const center = canvasApi().viewportCenter()
    // Centred on the view, nudged so repeated adds do not stack exactly on top of each other.
    const offset = (store.getState().document.schema.tables.length % 5) * 24
    const at = { x: Math.round(center.x - tableMetrics.minWidth / 2 + offset), y: Math.round(center.y - 60 + offset) }
    store.getState().apply(
      'Add table',
      (doc) => ({ ...doc, schema: newTable(doc.schema, id), layout: { ...doc.layout, tables: { ...doc.layout.tables, [id]: at } } }),
      { select: { kind: 'tables', tableIds: [id], focus: { kind: 'name' } } },
    )
  },
}
