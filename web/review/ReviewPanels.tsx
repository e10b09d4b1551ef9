/**
 * The side of the review page: what changed (a click shows it), the comments (add, resolve), the
 * migration up and down with its hazards, and the design's lint findings. Every text a link
 * carries is rendered as a React text node.
 */
import { useMemo, useState } from 'react'
import { AlertTriangle, CheckCircle2, Info, MessageSquarePlus, RotateCcw, XCircle } from 'lucide-react'
import type { CommentTarget, CrowsfootDocument, ReviewComment } from '@core'
import { changeLabels, lint, lintMigration, maxCommentLength, planMigration, printMigration } from '@core'
import { Button } from '../components/Button.tsx'
import { SelectField, TextArea, TextField } from '../components/Field.tsx'
import { SegmentedControl } from '../components/SegmentedControl.tsx'
import { changeItems, isOrphan, sameTarget, targetLabel, type ReviewChanges } from './review-model.ts'

const severityIcons = { error: XCircle, warning: AlertTriangle, info: Info } as const

export function ChangesPanel({ review, onReveal }: { readonly review: ReviewChanges | undefined; readonly onReveal: (tableId: string) => void }) {
  const items = useMemo(() => (review ? changeItems(review) : []), [review])
  if (!review) return <p className="cf-review__empty">This link carries no base version, so there is nothing to compare: the diagram shows the design as it is.</p>
  if (items.length === 0) return <p className="cf-review__empty">No changes since {review.base.label}.</p>
  return (
    <ul className="cf-review__list" aria-label="Changes">
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="cf-review__item" disabled={item.tableId === undefined} onClick={() => item.tableId && onReveal(item.tableId)}>
            <span className={`cf-review__change cf-review__change--${item.status}`} aria-hidden="true">
              {changeLabels[item.status].glyph}
            </span>
            <span className="cf-visually-hidden">{changeLabels[item.status].word}: </span>
            <span className="cf-review__item-text">{item.text}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}

interface CommentsProps {
  readonly doc: CrowsfootDocument
  readonly target: CommentTarget | undefined
  readonly onAdd: (text: string, author: string) => void
  readonly onCancel: () => void
  readonly onResolve: (id: string, resolved: boolean) => void
  readonly onReveal: (comment: ReviewComment) => void
  /** Picks a table from a list: the way to a comment box without a pointer. */
  readonly onPickTable: (tableId: string) => void
  readonly readOnly?: boolean
}

export function CommentsPanel({ doc, target, onAdd, onCancel, onResolve, onReveal, onPickTable, readOnly }: CommentsProps) {
  const [text, setText] = useState('')
  const [author, setAuthor] = useState('')
  const comments = doc.comments ?? []
  const shown = target ? comments.filter((c) => sameTarget(c.target, target)) : comments
  return (
    <div className="cf-review__comments">
      {readOnly ? null : target ? (
        <form
          className="cf-review__form"
          onSubmit={(e) => {
            e.preventDefault()
            if (text.trim() === '') return
            onAdd(text, author)
            setText('')
          }}
        >
          <p className="cf-review__form-title">
            Comment on <strong>{targetLabel(doc.schema, target)}</strong>
          </p>
          <TextArea label="Comment" value={text} maxLength={maxCommentLength} rows={3} onChange={(e) => setText(e.currentTarget.value)} autoFocus />
          <TextField label="Your name (optional)" value={author} onChange={(e) => setAuthor(e.currentTarget.value)} />
          <div className="cf-review__form-actions">
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" disabled={text.trim() === ''}>
              Add comment
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p className="cf-review__hint">
            <MessageSquarePlus size={15} aria-hidden /> Click a table, a column or a relationship in the diagram to comment on it.
          </p>
          <SelectField
            label="Or comment on a table"
            value=""
            onChange={(e) => e.currentTarget.value && onPickTable(e.currentTarget.value)}
            options={[{ value: '', label: 'Choose a table…' }, ...doc.schema.tables.map((t) => ({ value: t.id, label: targetLabel(doc.schema, { kind: 'table', tableId: t.id }) }))]}
          />
        </>
      )}
      {shown.length === 0 ? (
        <p className="cf-review__empty">{target ? 'No comments here yet.' : 'No comments yet.'}</p>
      ) : (
        <ul className="cf-review__list" aria-label="Comments">
          {shown.map((c) => (
            <CommentItem key={c.id} doc={doc} comment={c} onResolve={onResolve} onReveal={onReveal} />
          ))}
        </ul>
      )}
    </div>
  )
}

export function CommentItem({ doc, comment: c, onResolve, onReveal }: { readonly doc: CrowsfootDocument; readonly comment: ReviewComment; readonly onResolve: (id: string, resolved: boolean) => void; readonly onReveal?: (c: ReviewComment) => void }) {
  const orphan = isOrphan(doc.schema, c)
  return (
    <li className={c.resolved ? 'cf-comment cf-comment--resolved' : 'cf-comment'}>
      <div className="cf-comment__head">
        {onReveal && !orphan ? (
          <button type="button" className="cf-comment__target" onClick={() => onReveal(c)}>
            {targetLabel(doc.schema, c.target)}
          </button>
        ) : (
          <span className="cf-comment__target cf-comment__target--plain">{orphan ? 'On a removed object' : targetLabel(doc.schema, c.target)}</span>
        )}
        <span className="cf-comment__meta">
          {c.author || 'Anonymous'} · <time dateTime={c.at}>{new Date(c.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </span>
      </div>
      <p className="cf-comment__text">{c.text}</p>
      <div className="cf-comment__actions">
        {c.resolved ? <span className="cf-comment__resolved"><CheckCircle2 size={13} aria-hidden /> Resolved</span> : null}
        <Button size="sm" variant="ghost" icon={c.resolved ? <RotateCcw size={13} aria-hidden /> : <CheckCircle2 size={13} aria-hidden />} onClick={() => onResolve(c.id, !c.resolved)}>
          {c.resolved ? 'Reopen' : 'Resolve'}
        </Button>
      </div>
    </li>
  )
}

export function MigrationPanel({ doc, review }: { readonly doc: CrowsfootDocument; readonly review: ReviewChanges | undefined }) {
  const [direction, setDirection] = useState<'up' | 'down'>('up')
  const result = useMemo(() => {
    if (!review) return undefined
    const plan = direction === 'up' ? planMigration(review.base.schema, doc.schema, { changes: review.changes }) : planMigration(doc.schema, review.base.schema, { direction: 'down' })
    const findings = lintMigration(plan, doc.lint)
    const hazards = plan.steps.flatMap((s) => s.hazards.map((h) => ({ step: s, hazard: h })))
    // What stops the plan, or what it does not carry out, is a finding too.
    const all = [...plan.diagnostics.map((d) => ({ severity: d.severity, message: d.message })), ...findings]
    return { sql: printMigration(plan, { findings }), hazards, findings: all }
  }, [doc, review, direction])
  if (!review || !result) return <p className="cf-review__empty">This link carries no base version, so there is no migration to show.</p>
  return (
    <div className="cf-review__migration">
      <SegmentedControl label="Direction" value={direction} onChange={setDirection} options={[{ value: 'up', label: 'Up' }, { value: 'down', label: 'Down' }]} />
      <section aria-label="Hazards">
        <h3 className="cf-review__heading">
          Hazards <span className="cf-review__count">{result.hazards.length + result.findings.length}</span>
        </h3>
        {result.hazards.length + result.findings.length === 0 ? (
          <p className="cf-review__empty">None: every step is safe on a live table.</p>
        ) : (
          <ul className="cf-review__findings">
            {result.hazards.map(({ step, hazard }, i) => (
              <li key={`h${i}`} className="cf-review__finding cf-review__finding--warning">
                <AlertTriangle size={14} aria-hidden />
                <span>
                  {step.summary}: {hazard.message}
                </span>
              </li>
            ))}
            {result.findings.map((f, i) => {
              const Icon = severityIcons[f.severity]
              return (
                <li key={`f${i}`} className={`cf-review__finding cf-review__finding--${f.severity}`}>
                  <Icon size={14} aria-hidden />
                  <span>{f.message}</span>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <pre className="cf-review__sql" aria-label={`Migration ${direction}`} tabIndex={0}>
        {result.sql}
      </pre>
    </div>
  )
}

export function ProblemsPanel({ doc, onReveal }: { readonly doc: CrowsfootDocument; readonly onReveal: (tableId: string) => void }) {
  const findings = useMemo(() => {
    const order = { error: 0, warning: 1, info: 2 } as const
    return lint(doc.schema, doc.lint).sort((a, b) => order[a.severity] - order[b.severity])
  }, [doc.schema, doc.lint])
  if (findings.length === 0) return <p className="cf-review__empty">No problems: the design passes every rule.</p>
  return (
    <ul className="cf-review__list" aria-label="Problems">
      {findings.map((f, i) => {
        const Icon = severityIcons[f.severity]
        return (
          <li key={i}>
            <button type="button" className="cf-review__item" disabled={f.target.tableId === undefined} onClick={() => f.target.tableId && onReveal(f.target.tableId)}>
              <span className={`cf-review__severity cf-review__severity--${f.severity}`}>
                <Icon size={14} aria-label={f.severity} />
              </span>
              <span className="cf-review__item-text">
                {f.message} <span className="cf-review__rule">{f.rule}</span>
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
