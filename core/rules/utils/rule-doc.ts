/**
 * Reading a rule's Markdown doc: its ❌ and ✅ SQL examples, which the docs test runs. A model rule's
 * example is one block of DDL. A migration-safety rule's example is two: the design, then the change
 * (statements appended to it, or with `<!-- after: full -->` the whole new design, matched by name);
 * `<!-- plan: simple -->` plans it in simple mode.
 */
export interface DocExample {
  readonly blocks: readonly string[]
  readonly plan: 'safe' | 'simple'
  readonly after: 'statements' | 'full'
}

export interface RuleDoc {
  readonly bad: string | undefined
  readonly good: string | undefined
  /** The ❌ DDL is one PostgreSQL refuses: an import reports it instead of the rule. */
  readonly rejected: boolean
  readonly badExample: DocExample | undefined
  readonly goodExample: DocExample | undefined
}

/** The ```sql blocks under the ❌ and ✅ headings of a rule doc. */
export function readRuleDoc(markdown: string): RuleDoc {
  const section = (mark: string) => {
    const start = markdown.search(new RegExp(`^## ${mark}`, 'm'))
    if (start < 0) return undefined
    const rest = markdown.slice(start + 3)
    const end = rest.search(/^## /m)
    return end < 0 ? rest : rest.slice(0, end)
  }
  const example = (text: string | undefined): DocExample | undefined => {
    if (!text) return undefined
    const blocks = [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!)
    if (blocks.length === 0) return undefined
    return { blocks, plan: text.includes('<!-- plan: simple -->') ? 'simple' : 'safe', after: text.includes('<!-- after: full -->') ? 'full' : 'statements' }
  }
  const bad = section('❌')
  const badExample = example(bad)
  const goodExample = example(section('✅'))
  return { bad: badExample?.blocks[0], good: goodExample?.blocks[0], rejected: bad?.includes('rejected-by-postgres') ?? false, badExample, goodExample }
}
