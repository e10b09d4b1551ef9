/**
 * Where each table, column and enum is written in a DBML or PostgreSQL DDL text, by name, so
 * that findings about them can be shown on their lines. Whatever wrote the text (our printers,
 * or a person typing in the code panel), tables are `Table name {` blocks or `CREATE TABLE name (`
 * statements, with one column per line inside; this reads just that much, in one pass, and never
 * fails: what it cannot place is simply not in the result.
 */

export interface LineRange {
  /** 1-based. */
  readonly line: number
  readonly endLine: number
}

export interface SourceRanges {
  /** By `schema.table` (the schema is `public` when the text does not say). */
  readonly tables: ReadonlyMap<string, LineRange>
  /** By `schema.table.column`. */
  readonly columns: ReadonlyMap<string, LineRange>
  /** By `schema.enum`. */
  readonly enums: ReadonlyMap<string, LineRange>
}

// SQL doubles a quote inside a quoted name; DBML escapes it with a backslash.
const sqlIdent = String.raw`(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`
const dbmlIdent = String.raw`(?:"(?:[^"\\]|\\.)+"|[\p{L}_][\p{L}\p{N}_]*)`
const qualified = (ident: string) => String.raw`(${ident})(?:\s*\.\s*(${ident}))?`
const unquote = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s)
/** SQL folds unquoted names to lower case; DBML keeps them as written. */
const sqlName = (s: string) => (s.startsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase())

function names(m: RegExpExecArray, at: number, fold: (s: string) => string): string {
  const a = m[at]!
  const b = m[at + 1]
  return b === undefined ? `public.${fold(a)}` : `${fold(a)}.${fold(b)}`
}

export function sourceRanges(format: 'dbml' | 'postgres', text: string): SourceRanges {
  return format === 'dbml' ? dbmlRanges(text) : sqlRanges(text)
}

function dbmlRanges(text: string): SourceRanges {
  const lines = text.split('\n')
  const tables = new Map<string, LineRange>()
  const columns = new Map<string, LineRange>()
  const enums = new Map<string, LineRange>()
  const tableHead = new RegExp(String.raw`^\s*Table\s+${qualified(dbmlIdent)}`, 'iu')
  const enumHead = new RegExp(String.raw`^\s*Enum\s+${qualified(dbmlIdent)}`, 'iu')
  const column = new RegExp(String.raw`^\s*(${dbmlIdent})\s+\S`, 'u')
  for (let i = 0; i < lines.length; i++) {
    const enumMatch = enumHead.exec(lines[i]!)
    if (enumMatch) {
      const end = blockEnd(lines, i)
      enums.set(names(enumMatch, 1, unquote), { line: i + 1, endLine: end + 1 })
      i = end
      continue
    }
    const m = tableHead.exec(lines[i]!)
    if (!m) continue
    const table = names(m, 1, unquote)
    const end = blockEnd(lines, i)
    tables.set(table, { line: i + 1, endLine: end + 1 })
    // Columns sit at depth 1; `Indexes { }`, `checks { }` and multi-line notes go deeper.
    let depth = 0
    for (let j = i; j <= end; j++) {
      const line = lines[j]!
      if (depth === 1 && j > i) {
        const c = column.exec(line)
        if (c && !/^\s*(indexes|checks|note|records)\b/i.test(line)) columns.set(`${table}.${unquote(c[1]!)}`, { line: j + 1, endLine: j + 1 })
      }
      const bare = stripDbmlStrings(line)
      depth += count(bare, '{') - count(bare, '}')
    }
    i = end
  }
  return { tables, columns, enums }
}

function sqlRanges(text: string): SourceRanges {
  const lines = text.split('\n')
  const tables = new Map<string, LineRange>()
  const columns = new Map<string, LineRange>()
  const enums = new Map<string, LineRange>()
  const tableHead = new RegExp(String.raw`^\s*CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${qualified(sqlIdent)}`, 'iu')
  const enumHead = new RegExp(String.raw`^\s*CREATE\s+TYPE\s+${qualified(sqlIdent)}\s+AS\s+ENUM`, 'iu')
  const column = new RegExp(String.raw`^\s*(${sqlIdent})\s+\S`, 'u')
  const notColumn = /^\s*(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE|LIKE)\b/i
  for (let i = 0; i < lines.length; i++) {
    const e = enumHead.exec(lines[i]!)
    if (e) {
      const end = statementEnd(lines, i)
      enums.set(names(e, 1, sqlName), { line: i + 1, endLine: end + 1 })
      i = end
      continue
    }
    const m = tableHead.exec(lines[i]!)
    if (!m) continue
    const table = names(m, 1, sqlName)
    const end = statementEnd(lines, i)
    tables.set(table, { line: i + 1, endLine: end + 1 })
    let depth = 0
    for (let j = i; j <= end; j++) {
      const line = lines[j]!
      if (depth === 1 && j > i) {
        const c = column.exec(line)
        if (c && !notColumn.test(line)) columns.set(`${table}.${sqlName(c[1]!)}`, { line: j + 1, endLine: j + 1 })
      }
      const bare = stripSqlStrings(line)
      depth += count(bare, '(') - count(bare, ')')
    }
    i = end
  }
  return { tables, columns, enums }
}

/** The line of the `}` that closes the block opened on line `start` (or the last line). */
function blockEnd(lines: readonly string[], start: number): number {
  let depth = 0
  let opened = false
  for (let j = start; j < lines.length; j++) {
    const line = stripDbmlStrings(lines[j]!)
    depth += count(line, '{') - count(line, '}')
    if (line.includes('{')) opened = true
    if (opened && depth <= 0) return j
  }
  return lines.length - 1
}

/** The line of the `;` that ends the statement begun on line `start` (or the last line). */
function statementEnd(lines: readonly string[], start: number): number {
  for (let j = start; j < lines.length; j++) if (stripSqlStrings(lines[j]!).includes(';')) return j
  return lines.length - 1
}

const count = (s: string, ch: string) => s.split(ch).length - 1
// Brackets inside strings, notes and comments must not count.
const stripDbmlStrings = (s: string) => s.replace(/'(?:[^'\\]|\\.)*'|`[^`]*`|"(?:[^"\\]|\\.)*"|\/\/.*$/g, '')
const stripSqlStrings = (s: string) => s.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--.*$/g, '')
