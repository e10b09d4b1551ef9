/**
 * Random designs for the text exporters' property tests: `randomSchema` (already hostile for SQL)
 * with names and comments redrawn from the syntax of Mermaid, DBML and Markdown, so that each
 * exporter meets the words and characters its own target's parser or renderer acts on.
 */
import fc from 'fast-check'
import type { GeneratorValue } from 'fast-check'
import type { Schema } from '../model/schema.ts'
import { nameArb, randomSchema } from '../testing/arbitrary.ts'

export const targetWords = [
  // Mermaid erDiagram: keywords, key markers, cardinality words, directives, entity codes.
  'end', 'one', 'many', 'ONLY', 'to', 'u', 'o', 'class', 'style', 'classDef', 'subgraph', 'direction', 'erDiagram',
  'accTitle', 'accDescr', 'PK', 'fk', 'Uk', 'pk-id', 'x direction TB y', 'style: #1; x', '%%{init: {}}%%', '%% c',
  'a~b~c', '#quot;', '#35;', 'C#', '1', '1.5', '||--o{', ':::', 'u-x', 'many(0)', 'one or more',
  // DBML: element and setting words, quotes, escapes, comment markers, colours.
  'Table', 'Ref', 'Enum', 'Note', 'indexes', 'checks', 'Project', 'TableGroup', 'not', 'null', 'default', 'as',
  "'quote", '"dq"', 'back\\slash', '`tick`', "'''", '\\u0041', 'a.b', 'a:b', '#fff', '//c', '/*c*/', '[x]', '{y}',
  // Markdown: table pipes, emphasis, HTML, block markers, code spans.
  '|pipe|', '**bold**', '_em_', '# head', '- item', '1. item', '> quote', '<script>x</script>', '<b c="d">',
  '[link](http://x)', '![i](x)', '`', '``', ' lead', 'trail ', '---', '===', '&lt;', '&amp;x', ':tada:', 'a\\|b',
  // Both: line breaks and other control characters, astral characters.
  'new\nline', 'tab\there', 'cr\rlf', 'bell\u0007', '𝒜stral', '🎉',
]

const hostileName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...targetWords) }, { weight: 1, arbitrary: nameArb })

/** Unique within one scope: a repeat gets a number, as a user renaming a copy would. */
function scope() {
  const taken = new Set<string>()
  return (name: string) => {
    let out = name
    for (let n = 2; taken.has(out); n++) out = `${name}${n}`
    taken.add(out)
    return out
  }
}

export function hostileSchema(g: GeneratorValue): Schema {
  const base = randomSchema(g)
  const draw = () => g(() => hostileName)
  const maybe = <T>(value: T | undefined, make: () => T) => (value === undefined ? undefined : make())
  const relations = new Map<string, (n: string) => string>()
  const relationScope = (ns: string) => relations.get(ns) ?? (relations.set(ns, scope()), relations.get(ns)!)
  const nsNames = scope()
  nsNames('public')
  const namespaces = base.namespaces.map((n) => (n.name === 'public' ? n : { ...n, name: nsNames(draw()) }))
  const enums = base.enums.map((e) => {
    const values = scope()
    return { ...e, name: relationScope(e.namespaceId)(draw()), values: e.values.map((v) => ({ ...v, name: values(draw()) })) }
  })
  const tables = base.tables.map((t) => {
    const columns = scope()
    // Constraint and index names share the namespace's scope: PostgreSQL names their indexes alike.
    const rel = relationScope(t.namespaceId)
    const comment = maybe(t.comment, draw)
    return {
      ...t,
      name: rel(draw()),
      ...(comment === undefined ? {} : { comment }),
      columns: t.columns.map((c) => {
        const cc = maybe(c.comment, draw)
        return { ...c, name: columns(draw()), ...(cc === undefined ? {} : { comment: cc }) }
      }),
      ...(t.primaryKey ? { primaryKey: t.primaryKey.name === undefined ? t.primaryKey : { ...t.primaryKey, name: rel(draw()) } } : {}),
      uniques: t.uniques.map((u) => (u.name === undefined ? u : { ...u, name: rel(draw()) })),
      checks: t.checks.map((c) => ({ ...c, name: rel(draw()) })),
      foreignKeys: t.foreignKeys.map((f) => (f.name === undefined ? f : { ...f, name: rel(draw()) })),
      indexes: t.indexes.map((i) => (i.name === undefined ? i : { ...i, name: rel(draw()) })),
    }
  })
  // Check expressions named columns by their old names; they stay valid SQL, which is all that matters here.
  return { ...base, namespaces, enums, tables }
}
