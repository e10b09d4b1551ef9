/**
 * The seeds' example schemas, as a reviewer reads them. Each ```sql block is an example on its own,
 * often leaning on tables defined in another block (`comments` references `users`, an index is
 * created on `users`): a block is imported with the first definition of each table it refers to
 * but does not define, taken from the other blocks. Lines that are bare names (S0's naming
 * examples list `users`, `idx_users_email`, ... before their CREATE TABLE) are dropped so that the
 * statement after them parses. Pure text functions; the tests and the docs script do the reading.
 */

export interface SqlExample {
  /** 0-based index of the ```sql block in the seed. */
  readonly block: number
  /** The block, preceded by the CREATE TABLE statements it leans on. */
  readonly sql: string
  /** Tables the block itself creates. */
  readonly defines: readonly string[]
}

export function sqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^\s*[A-Za-z_][\w.]*\s*$/gm, ''))
}

const identifier = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?`
const unquote = (name: string) => name.replace(/"/g, '').toLowerCase()

/** `CREATE TABLE name (...)` statements of a block, up to their closing `);` at depth zero. */
function createTables(sql: string): Array<{ name: string; statement: string }> {
  const out: Array<{ name: string; statement: string }> = []
  const re = new RegExp(String.raw`CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${identifier})\s*\(`, 'gi')
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    let depth = 0
    let end = -1
    for (let i = m.index + m[0].length - 1; i < sql.length; i++) {
      if (sql[i] === '(') depth++
      else if (sql[i] === ')' && --depth === 0) {
        end = sql.indexOf(';', i)
        break
      }
    }
    if (end < 0) continue
    out.push({ name: unquote(m[1]!), statement: sql.slice(m.index, end + 1) })
  }
  return out
}

/** Tables a block mentions: REFERENCES x, ON x (indexes, triggers), ALTER TABLE x, COMMENT ON ... x.col. */
function mentionedTables(sql: string): Set<string> {
  const out = new Set<string>()
  const patterns = [
    new RegExp(String.raw`REFERENCES\s+(${identifier})`, 'gi'),
    new RegExp(String.raw`\bON\s+(?:ONLY\s+)?(${identifier})\s*(?:USING\b|\()`, 'gi'),
    new RegExp(String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${identifier})`, 'gi'),
    new RegExp(String.raw`COMMENT\s+ON\s+TABLE\s+(${identifier})`, 'gi'),
  ]
  for (const re of patterns) for (const m of sql.matchAll(re)) out.add(unquote(m[1]!))
  return out
}

/** Every block that creates tables or builds on them, with the context it needs. */
export function sqlExamples(markdown: string): SqlExample[] {
  const blocks = sqlBlocks(markdown)
  const definitions = blocks.map(createTables)
  const firstDefinition = new Map<string, string>()
  for (const defs of definitions) for (const d of defs) if (!firstDefinition.has(d.name)) firstDefinition.set(d.name, d.statement)
  const examples: SqlExample[] = []
  blocks.forEach((sql, block) => {
    const defines = definitions[block]!.map((d) => d.name)
    const missing = [...mentionedTables(sql)].filter((t) => !defines.includes(t) && firstDefinition.has(t))
    if (defines.length === 0 && missing.length === 0) return
    // A context table may itself reference another; one level of its own context keeps it importable.
    const context = new Set<string>()
    for (const t of missing) {
      for (const dep of mentionedTables(firstDefinition.get(t)!)) if (!defines.includes(dep) && firstDefinition.has(dep)) context.add(dep)
      context.add(t)
    }
    const prelude = [...context].map((t) => firstDefinition.get(t)!).join('\n')
    examples.push({ block, sql: prelude ? `${prelude}\n${sql}` : sql, defines })
  })
  return examples
}

/**
 * S3's Prisma block uses `@@check("...")`, which is not Prisma syntax (Prisma's own validator
 * rejects it). The block is imported without those lines; the checks come back separately, per
 * model, to be added to the imported tables as written.
 */
export function prismaExample(markdown: string): { schema: string; checks: Array<{ model: string; expression: string }> } | undefined {
  const block = /```prisma\n([\s\S]*?)```/.exec(markdown)?.[1]
  if (block === undefined) return undefined
  const checks: Array<{ model: string; expression: string }> = []
  let model = ''
  const lines = block.split('\n').map((line) => {
    const m = /^\s*model\s+(\w+)/.exec(line)
    if (m) model = m[1]!
    const c = /^\s*@@check\("(.*)"\)/.exec(line)
    if (!c) return line
    checks.push({ model, expression: c[1]! })
    return ''
  })
  return { schema: lines.join('\n'), checks }
}
