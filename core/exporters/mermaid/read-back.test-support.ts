/**
 * The Mermaid proof: mermaid 11 parses the export (`mermaid.parse`, the whole preprocessing
 * pipeline), and its own ER database, read back, holds every table, column, key marker, comment
 * and relationship we meant. Parsing alone is not enough: a line that mentions `direction lr`
 * parses fine and silently vanishes.
 */
import mermaid from 'mermaid'
import { expect } from 'vitest'
import { resolveNames } from '../../model/names.ts'
import { displayTableName, indexSchema } from '../../model/queries.ts'
import { relationshipOf } from '../../model/relationships.ts'
import type { Schema } from '../../model/schema.ts'

export interface MermaidView {
  readonly entities: ReadonlyArray<{ label: string; attributes: Array<{ name: string; keys: string[]; comment?: string }> }>
  readonly relationships: ReadonlyArray<{ parent: string; child: string; role: string; parentEnd: string; childEnd: string; identifying: boolean }>
}

interface ErDb {
  getEntities(): Map<string, { id: string; alias?: string; attributes: Array<{ name: string; keys: string[]; comment: string }> }>
  getRelationships(): Array<{ entityA: string; roleA: string; entityB: string; relSpec: { cardA: string; cardB: string; relType: string } }>
}

const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' }

/** Mermaid keeps `#...;` codes as placeholders until it renders; this is what it would show. */
function shown(text: string): string {
  return text.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/ﬂ°(\w+)¶ß/g, (_, n: string) => named[n] ?? `&${n};`)
}

export async function readMermaid(text: string): Promise<MermaidView> {
  await mermaid.parse(text)
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db as unknown as ErDb
  const entities = [...db.getEntities().entries()]
  const labelById = new Map(entities.map(([name, e]) => [e.id, shown(e.alias || name)]))
  return {
    entities: entities.map(([name, e]) => ({
      label: shown(e.alias || name),
      attributes: e.attributes.map((a) => ({ name: shown(a.name), keys: [...a.keys], ...(a.comment ? { comment: shown(a.comment) } : {}) })),
    })),
    relationships: db.getRelationships().map((r) => ({
      parent: labelById.get(r.entityA)!,
      child: labelById.get(r.entityB)!,
      role: shown(r.roleA),
      parentEnd: r.relSpec.cardB,
      childEnd: r.relSpec.cardA,
      identifying: r.relSpec.relType === 'IDENTIFYING',
    })),
  }
}

/** What the diagram must say about a design, worked out from the model, not from the exporter. */
export function expectedMermaid(schema: Schema): MermaidView {
  const tables = indexSchema(schema).tables
  const names = resolveNames(schema)
  return {
    entities: schema.tables.map((t) => {
      const fkColumns = new Set(t.foreignKeys.filter((f) => tables.has(f.target.tableId)).flatMap((f) => f.columns))
      const alone = new Set([
        ...t.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0]),
        ...t.indexes.filter((i) => i.unique && !i.where && i.keys.length === 1 && i.keys[0]!.kind === 'column').map((i) => (i.keys[0] as { columnId: string }).columnId),
      ])
      return {
        label: displayTableName(schema, t),
        attributes: t.columns.map((c) => ({
          name: c.name,
          keys: [t.primaryKey?.columns.includes(c.id) && 'PK', fkColumns.has(c.id) && 'FK', alone.has(c.id) && 'UK'].filter((k): k is string => !!k),
          ...(c.comment ? { comment: c.comment } : {}),
        })),
      }
    }),
    relationships: schema.tables.flatMap((t) =>
      t.foreignKeys.flatMap((fk) => {
        const r = relationshipOf(schema, t, fk)
        if (!r.parent) return []
        return [
          {
            parent: displayTableName(schema, r.parent),
            child: displayTableName(schema, t),
            role: names.constraints.get(fk.id)!,
            parentEnd: r.parentEnd === 'exactly-one' ? 'ONLY_ONE' : 'ZERO_OR_ONE',
            childEnd: r.childEnd === 'zero-or-one' ? 'ZERO_OR_ONE' : 'ZERO_OR_MORE',
            identifying: r.identifying,
          },
        ]
      }),
    ),
  }
}

/**
 * Item by item, so that a mismatch in a large design prints one small diff (a diff of two whole
 * 1,000-table views takes the reporter minutes).
 */
export function expectSameDiagram(got: MermaidView, want: MermaidView): void {
  expect(got.entities.map((e) => e.label)).toEqual(want.entities.map((e) => e.label))
  got.entities.forEach((e, i) => expect(e).toEqual(want.entities[i]))
  expect(got.relationships.length).toBe(want.relationships.length)
  got.relationships.forEach((r, i) => expect(r).toEqual(want.relationships[i]))
}
