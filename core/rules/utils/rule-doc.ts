/** Reading a rule's Markdown doc: its ❌ and ✅ SQL examples, which the docs test runs. */
export interface RuleDoc {
  readonly bad: string | undefined
  readonly good: string | undefined
  /** The ❌ DDL is one PostgreSQL refuses: an import reports it instead of the rule. */
  readonly rejected: boolean
}

/** The first ```sql block under the ❌ and ✅ headings of a rule doc. */
export function readRuleDoc(markdown: string): RuleDoc {
  const section = (mark: string) => {
    const start = markdown.search(new RegExp(`^## ${mark}`, 'm'))
    if (start < 0) return undefined
    const rest = markdown.slice(start + 3)
    const end = rest.search(/^## /m)
    return end < 0 ? rest : rest.slice(0, end)
  }
  const sql = (text: string | undefined) => (text ? /```sql\n([\s\S]*?)```/.exec(text)?.[1] : undefined)
  const bad = section('❌')
  return { bad: sql(bad), good: sql(section('✅')), rejected: bad?.includes('rejected-by-postgres') ?? false }
}
