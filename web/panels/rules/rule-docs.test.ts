import { describe, expect, it } from 'vitest'
import { rules } from '@core'
import { documentedRuleIds, loadRuleDoc, parseInline, parseRuleDoc } from './rule-docs.ts'

describe('rule docs in the app', () => {
  it('bundles a doc for every registered rule', () => {
    expect(documentedRuleIds()).toEqual(rules.map((r) => r.meta.id).sort())
  })

  it('reads why, both examples and the quick fixes of every doc', async () => {
    for (const rule of rules) {
      const doc = await loadRuleDoc(rule.meta.id)
      expect(doc, rule.meta.id).toBeDefined()
      expect(doc!.why.length, `${rule.meta.id}: why`).toBeGreaterThan(0)
      expect(doc!.bad, `${rule.meta.id}: ❌`).toMatch(/CREATE|ALTER/i)
      expect(doc!.good, `${rule.meta.id}: ✅`).toMatch(/CREATE|ALTER/i)
    }
    const fixes = await loadRuleDoc('prefer-timestamptz')
    expect(fixes!.fixes.flat().map((i) => i.text).join('')).toMatch(/timestamptz/)
  })

  it('has nothing for an unknown rule', async () => {
    expect(await loadRuleDoc('no-such-rule')).toBeUndefined()
  })

  it('keeps code and emphasis apart from text', () => {
    expect(parseInline('Use `timestamptz`, **always**, not `timestamp`.')).toEqual([
      { kind: 'text', text: 'Use ' },
      { kind: 'code', text: 'timestamptz' },
      { kind: 'text', text: ', ' },
      { kind: 'strong', text: 'always' },
      { kind: 'text', text: ', not ' },
      { kind: 'code', text: 'timestamp' },
      { kind: 'text', text: '.' },
    ])
  })

  it('joins wrapped lines into paragraphs and leaves out comments', () => {
    const doc = parseRuleDoc('# x\n\n## Why\n\nOne\nline.\n\nTwo.\n<!-- hidden -->\n\n## ❌ Incorrect\n\n<!-- rejected-by-postgres -->\n```sql\nCREATE TABLE a ();\n```\n')
    expect(doc.why).toEqual([[{ kind: 'text', text: 'One line.' }], [{ kind: 'text', text: 'Two.' }]])
    expect(doc.bad).toBe('CREATE TABLE a ();')
    expect(doc.badIsRejected).toBe(true)
    expect(doc.good).toBeUndefined()
  })
})
