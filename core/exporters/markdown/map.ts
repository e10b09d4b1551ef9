/**
 * The design as a data dictionary, in the shape of the seeds' "Schema Documentation": a title, the
 * ER diagram (our Mermaid export), a tables overview, the enums, then one section per table.
 */
import type { Diagnostic } from '../../diagnostics.ts'
import type { CrowsfootDocument } from '../../document/document.ts'
import { resolveNames } from '../../model/names.ts'
import type { ResolvedNames } from '../../model/names.ts'
import { displayTableName, indexSchema } from '../../model/queries.ts'
import type { SchemaIndex } from '../../model/queries.ts'
import type { ColumnType, Schema, Table } from '../../model/schema.ts'
import { formatColumnType } from '../../model/types.ts'
import { mapMermaid } from '../mermaid/map.ts'
import { mermaidMaxText, printMermaid } from '../mermaid/print.ts'
import { code, text, type Block, type Inline } from './print.ts'
import { tableAnchor, tableSection } from './map-table.ts'


export function mapMarkdown(schema: Schema, document?: CrowsfootDocument): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const { head, tables, diagnostics } = mapMarkdownParts(schema, document)
  return { blocks: [...head, ...tables.flat()], diagnostics }
}

/**
 * The document's opening blocks (title, diagram, overview, enums), then each table's section. A
 * section is kept per table object and reused while everything it shows from outside the table
 * is the same objects: the schemas and enums (names in types and links), the table's resolved
 * names, the tables its foreign keys point at, and the foreign keys pointing at it with their
 * tables and names. An edit of one table rebuilds its section and its neighbours' only.
 */
export function mapMarkdownParts(schema: Schema, document?: CrowsfootDocument): { head: Block[]; tables: ReadonlyArray<readonly Block[]>; diagnostics: Diagnostic[] } {
  const idx = indexSchema(schema)
  const diagnostics: Diagnostic[] = []
  const nsName = (id: string) => idx.namespaces.get(id as never)?.name
  const enumName = (id: string) => {
    const e = idx.enums.get(id as never)
    if (!e) return 'enum'
    const ns = nsName(e.namespaceId)
    return ns === undefined || ns === 'public' ? e.name : `${ns}.${e.name}`
  }
  const typeText = (type: ColumnType) => formatColumnType(type, { enumName })
  const relationships = schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0)
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const schemas = schema.namespaces.filter((ns) => schema.tables.some((t) => t.namespaceId === ns.id)).map((ns) => ns.name)

  const blocks: Block[] = [
    { kind: 'heading', level: 1, content: [text(document ? `Database Schema: ${document.name}` : 'Database Schema')] },
    {
      kind: 'paragraph',
      content: [
        text(`${count(schema.tables.length, 'table', 'tables')}, ${count(relationships, 'relationship', 'relationships')}, ${count(schema.enums.length, 'enum', 'enums')}`),
        ...(schemas.length > 1 ? [text(' in the schemas '), ...schemas.flatMap((s, i): Inline[] => [...(i ? [text(', ')] : []), code(s)])] : []),
        text('.'),
      ],
    },
    { kind: 'heading', level: 2, content: [text('Entity Relationship Diagram')] },
    ...diagram(schema, diagnostics),
    { kind: 'heading', level: 2, content: [text('Tables Overview')] },
    {
      kind: 'table',
      header: ['Table', 'Purpose', 'Columns'],
      rows: schema.tables.map((t) => [
        [{ kind: 'link', target: tableAnchor(t), content: [code(displayTableName(schema, t))] }],
        t.comment ? [text(t.comment)] : [],
        [text(String(t.columns.length))],
      ]),
    },
  ]
  if (schema.enums.length) {
    blocks.push(
      { kind: 'heading', level: 2, content: [text('Enums')] },
      {
        kind: 'table',
        header: ['Enum', 'Values', 'Description'],
        rows: schema.enums.map((e) => [
          [code(enumName(e.id))],
          e.values.flatMap((v, i): Inline[] => [...(i ? [text(', ')] : []), code(v.name)]),
          e.comment ? [text(e.comment)] : [],
        ]),
      },
    )
  }
  for (const ns of schema.namespaces) if (ns.comment) blocks.push({ kind: 'paragraph', content: [text('Schema '), code(ns.name), text(`: ${ns.comment}`)] })
  const names = resolveNames(schema)
  const tables = schema.tables.map((t) => {
    const key = sectionKey(schema, t, idx, names)
    const hit = sections.get(t)
    if (hit && sameKey(hit.key, key)) return hit.blocks
    const blocks = tableSection(schema, t, typeText)
    sections.set(t, { key, blocks })
    return blocks
  })
  return { head: blocks, tables, diagnostics }
}

const sections = new WeakMap<Table, { key: readonly unknown[]; blocks: readonly Block[] }>()

/** Everything a table's section reads besides the table itself, as objects compared with `===`. */
function sectionKey(schema: Schema, t: Table, idx: SchemaIndex, names: ResolvedNames): unknown[] {
  const key: unknown[] = [schema.namespaces, schema.enums, names.tables?.get(t.id) ?? {}]
  for (const fk of t.foreignKeys) key.push(idx.tables.get(fk.target.tableId))
  for (const [child, fk] of idx.referencedBy.get(t.id) ?? []) key.push(child, fk, names.tables?.get(child.id) ?? {})
  return key
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The Mermaid export, if Mermaid will draw it: over its size limit, the entities lose their
 * attributes (relationships alone still show the shape); if even that is too long, the diagram is
 * left out with a note and an info diagnostic.
 */
function diagram(schema: Schema, diagnostics: Diagnostic[]): Block[] {
  // Each relationship line holds two ids and its constraint name; past the limit on that count
  // alone, the diagram cannot fit, and a 1,000-table design need not be drawn to find out.
  const names = resolveNames(schema)
  let atLeast = 0
  for (const t of schema.tables) for (const fk of t.foreignKeys) atLeast += names.constraints.get(fk.id)!.length + 16
  if (atLeast > mermaidMaxText) return tooLarge(schema, atLeast, diagnostics)
  const { diagram: full } = mapMermaid(schema)
  const fullText = printMermaid(full)
  if (fullText.length <= mermaidMaxText) return [{ kind: 'fence', language: 'mermaid', text: fullText }]
  const compact = printMermaid({ ...full, entities: full.entities.map((e) => ({ ...e, attributes: [] })) })
  if (compact.length <= mermaidMaxText) {
    return [
      { kind: 'paragraph', content: [text('Tables and relationships only: with columns the diagram is longer than Mermaid draws.')] },
      { kind: 'fence', language: 'mermaid', text: compact },
    ]
  }
  return tooLarge(schema, compact.length, diagnostics)
}

function tooLarge(schema: Schema, length: number, diagnostics: Diagnostic[]): Block[] {
  diagnostics.push({
    code: 'diagram-too-large',
    severity: 'info',
    message: `The ER diagram is left out: even without columns it takes more than ${length} characters, and Mermaid draws at most ${mermaidMaxText}.`,
  })
  return [{ kind: 'paragraph', content: [text(`The diagram is left out: ${schema.tables.length} tables are more than Mermaid draws.`)] }]
}
