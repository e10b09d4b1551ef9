/**
 * A rule explained: its description, why it matters, and the doc's ❌ and ✅ examples. Shown
 * beside the problems list and in the Rules dialog; the Markdown is loaded when first opened.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Check, X } from 'lucide-react'
import type { AnyRule, RuleSeverity } from '@core'
import { loadRuleDoc, parseInline, type Inline, type RuleDocParts } from './rule-docs.ts'
import './RuleDoc.css'

const categoryNames: Readonly<Record<string, string>> = {
  integrity: 'Integrity',
  naming: 'Naming',
  types: 'Types',
  indexing: 'Indexing',
  relationships: 'Relationships',
  normalization: 'Normalization',
  security: 'Security',
  documentation: 'Documentation',
  migration: 'Migration safety',
}

export function categoryName(category: string): string {
  return categoryNames[category] ?? category
}

export function InlineText({ parts }: { readonly parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'code' ? <code key={i}>{p.text}</code> : p.kind === 'strong' ? <strong key={i}>{p.text}</strong> : <span key={i}>{p.text}</span>,
      )}
    </>
  )
}

export function SeverityBadge({ severity }: { readonly severity: RuleSeverity }) {
  const label = severity === 'info' ? 'note' : severity
  return <span className={`cf-severity-badge cf-severity-badge--${severity}`}>{label}</span>
}

function useRuleDoc(id: string): RuleDocParts | undefined | 'loading' {
  const [doc, setDoc] = useState<{ id: string; doc: RuleDocParts | undefined } | undefined>()
  useEffect(() => {
    let live = true
    void loadRuleDoc(id).then((d) => {
      if (live) setDoc({ id, doc: d })
    })
    return () => {
      live = false
    }
  }, [id])
  return doc?.id === id ? doc.doc : 'loading'
}

interface RuleDocProps {
  readonly rule: AnyRule
  /** The severity the rule runs at in this design. */
  readonly severity: RuleSeverity
  /** Heading level of the rule's name, so the doc fits the outline of where it is shown. */
  readonly level?: 2 | 3
  readonly actions?: ReactNode
  /** Shown between the header and the explanation (the Rules dialog's controls). */
  readonly children?: ReactNode
}

export function RuleDoc({ rule, severity, level = 3, actions, children }: RuleDocProps) {
  const doc = useRuleDoc(rule.meta.id)
  const Heading = level === 2 ? 'h2' : 'h3'
  const Sub = level === 2 ? 'h3' : 'h4'
  return (
    <article className="cf-rule-doc" aria-label={`Rule ${rule.meta.id}`}>
      <header className="cf-rule-doc__header">
        <Heading className="cf-rule-doc__title">{rule.meta.id}</Heading>
        <div className="cf-rule-doc__meta">
          <SeverityBadge severity={severity} />
          <span>{categoryName(rule.meta.category)}</span>
          {severity !== (rule.meta.defaultOff ? 'off' : rule.meta.severity) ? <span>default: {rule.meta.defaultOff ? 'off' : rule.meta.severity === 'info' ? 'note' : rule.meta.severity}</span> : null}
        </div>
        <p className="cf-rule-doc__description">
          <InlineText parts={parseInline(rule.meta.description)} />
        </p>
        {actions ? <div className="cf-rule-doc__actions">{actions}</div> : null}
      </header>
      {children}
      {doc === 'loading' ? (
        <p className="cf-rule-doc__muted">Loading the rule's documentation…</p>
      ) : doc === undefined ? (
        <p className="cf-rule-doc__muted">This rule has no documentation yet.</p>
      ) : (
        <>
          {doc.why.length > 0 ? (
            <section>
              <Sub className="cf-rule-doc__heading">Why</Sub>
              {doc.why.map((p, i) => (
                <p key={i} className="cf-rule-doc__text">
                  <InlineText parts={p} />
                </p>
              ))}
            </section>
          ) : null}
          {doc.bad ? (
            <section>
              <Sub className="cf-rule-doc__heading cf-rule-doc__heading--bad">
                <X size={13} aria-hidden /> Incorrect{doc.badIsRejected ? ' (PostgreSQL rejects it)' : ''}
              </Sub>
              <pre className="cf-rule-doc__code cf-rule-doc__code--bad" tabIndex={0}>
                <code>{doc.bad}</code>
              </pre>
            </section>
          ) : null}
          {doc.good ? (
            <section>
              <Sub className="cf-rule-doc__heading cf-rule-doc__heading--good">
                <Check size={13} aria-hidden /> Correct
              </Sub>
              <pre className="cf-rule-doc__code cf-rule-doc__code--good" tabIndex={0}>
                <code>{doc.good}</code>
              </pre>
            </section>
          ) : null}
          {doc.fixes.length > 0 ? (
            <section>
              <Sub className="cf-rule-doc__heading">Quick fixes</Sub>
              {doc.fixes.map((p, i) => (
                <p key={i} className="cf-rule-doc__text">
                  <InlineText parts={p} />
                </p>
              ))}
            </section>
          ) : null}
        </>
      )}
    </article>
  )
}
