/**
 * Nothing selected: the design as a whole. Its name and size, its schemas (rename, add, remove
 * when empty), its enums (open, create) and the extensions it needs.
 */
import { useMemo, useState } from 'react'
import { ListOrdered, Plus, Trash2, X } from 'lucide-react'
import type { Namespace, Schema } from '@core'
import { addEnum, addExtension, addNamespace, freshName, randomIds, removeExtension, removeNamespace, renameNamespace, setNamespaceComment } from '@core'
import { Button, IconButton, Kbd } from '../../../components/Button.tsx'
import { appStore } from '../../../store/index.ts'
import { useDraft } from '../drafts.ts'
import { edit, editOrNotify } from '../edit.ts'
import { DraftError, TextProp } from '../fields.tsx'
import { displayEnumName, plural } from '../names.ts'
import { markFresh } from '../navigation.ts'
import { EmptyLine, Section } from '../Section.tsx'
import { designCounts, namespaceUse } from './design-counts.ts'

const ids = randomIds()
const commonExtensions = ['pgcrypto', 'uuid-ossp', 'citext', 'pg_trgm', 'hstore', 'ltree', 'btree_gin', 'btree_gist', 'postgis', 'vector', 'unaccent', 'pg_stat_statements']

function NamespaceRow({ namespace, tables, enums }: { readonly namespace: Namespace; readonly tables: number; readonly enums: number }) {
  const key = `namespace-name:${namespace.id}`
  const draft = useDraft(key, namespace.name, (next) => edit('Rename schema', (s) => renameNamespace(s, namespace.id, next), { coalesce: key }))
  const used = tables + enums
  const commentKey = `namespace-comment:${namespace.id}`
  const comment = useDraft(commentKey, namespace.comment ?? '', (next) =>
    edit('Edit schema comment', (s) => setNamespaceComment(s, namespace.id, next), { coalesce: commentKey }),
  )
  return (
    <li className="cf-ns-row">
      <div className="cf-ns-row__line">
        <input
          className="cf-input cf-input--mono"
          aria-label={`Name of schema ${namespace.name}`}
          value={draft.value}
          aria-invalid={draft.error ? true : undefined}
          spellCheck={false}
          onChange={(e) => draft.onChange(e.target.value)}
        />
        <span className="cf-muted cf-ns-row__count">{used === 0 ? 'empty' : plural(tables, 'table')}</span>
        <IconButton
          label={`Delete schema ${namespace.name}`}
          size="sm"
          disabled={used > 0}
          title={used > 0 ? 'Only an empty schema can be deleted' : 'Delete schema'}
          onClick={() => editOrNotify('Delete schema', (s) => removeNamespace(s, namespace.id))}
        >
          <Trash2 size={14} aria-hidden />
        </IconButton>
      </div>
      {draft.error ? <DraftError error={draft.error} onRevert={draft.revert} /> : null}
      <input
        className="cf-input cf-ns-row__comment"
        aria-label={`Comment on schema ${namespace.name}`}
        placeholder="Add a comment"
        value={comment.value}
        onChange={(e) => comment.onChange(e.target.value)}
      />
    </li>
  )
}

/** A one-line form: a text field and a button, Enter submits. */
function AddLine({ label, placeholder, button, list, onAdd }: { readonly label: string; readonly placeholder: string; readonly button: string; readonly list?: string; readonly onAdd: (text: string) => string | undefined }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const submit = () => {
    const problem = onAdd(text.trim())
    setError(problem)
    if (!problem) setText('')
  }
  return (
    <>
      <div className="cf-inline-form">
        <input
          className="cf-input cf-input--mono"
          aria-label={label}
          placeholder={placeholder}
          value={text}
          list={list}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          onChange={(e) => (setText(e.target.value), setError(undefined))}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), submit())}
        />
        <Button size="sm" onClick={submit}>
          {button}
        </Button>
      </div>
      {error ? <DraftError error={error} onRevert={() => (setError(undefined), setText(''))} /> : null}
    </>
  )
}

export function DocumentInspector({ schema, name }: { readonly schema: Schema; readonly name: string }) {
  const counts = useMemo(() => designCounts(schema), [schema])
  const use = useMemo(() => namespaceUse(schema), [schema])
  const newEnum = () => {
    const enumId = ids.next('enum')
    markFresh(enumId)
    editOrNotify('New enum', (s) => addEnum(s, { id: enumId, name: freshName('new_enum', s.enums.map((e) => e.name)), values: [] }), { select: { kind: 'enum', enumId } })
  }
  return (
    <div className="cf-inspector__body">
      <header className="cf-inspector__head">
        <span className="cf-inspector__kind">Design</span>
      </header>
      <div className="cf-props cf-props--lead">
        <TextProp
          label="Design name"
          draftKey="document-name"
          value={name}
          commit={(next) =>
            next.trim() === ''
              ? { ok: false, message: 'A design needs a name.' }
              : appStore.getState().apply('Rename design', (doc) => ({ ...doc, name: next }), { coalesce: 'document-name' })
          }
        />
      </div>
      <dl className="cf-stats" aria-label="Size of the design">
        {counts.map(([label, n]) => (
          <div key={label} className="cf-stats__item">
            <dt>{label}</dt>
            <dd>{n.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <p className="cf-inspector__tip">
        Select a table to edit it, or press <Kbd>T</Kbd> to add one.
      </p>
      <Section title="Schemas" count={schema.namespaces.length}>
        <ul className="cf-ns-list">
          {schema.namespaces.map((ns) => (
            <NamespaceRow
              key={ns.id}
              namespace={ns}
              tables={use.get(ns.id)?.tables ?? 0}
              enums={use.get(ns.id)?.enums ?? 0}
            />
          ))}
        </ul>
        <AddLine
          label="New schema name"
          placeholder="New schema, e.g. billing"
          button="Add schema"
          onAdd={(text) => {
            if (text === '') return 'A schema name cannot be empty.'
            const r = edit('Add schema', (s) => addNamespace(s, { name: text }))
            return r.ok ? undefined : r.message
          }}
        />
      </Section>
      <Section
        title="Enums"
        count={schema.enums.length}
        actions={
          <IconButton label="New enum" size="sm" onClick={newEnum}>
            <Plus size={15} aria-hidden />
          </IconButton>
        }
      >
        {schema.enums.length === 0 ? <EmptyLine>No enums. Create one here or from a column's type.</EmptyLine> : null}
        <ul className="cf-link-list">
          {schema.enums.map((e) => (
            <li key={e.id}>
              <button type="button" className="cf-link-list__item" onClick={() => appStore.getState().select({ kind: 'enum', enumId: e.id })}>
                <ListOrdered size={14} aria-hidden />
                <span className="cf-mono">{displayEnumName(schema, e)}</span>
                <span className="cf-muted">{plural(e.values.length, 'value')}</span>
              </button>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Extensions" count={schema.extensions.length}>
        {schema.extensions.length === 0 ? <EmptyLine>None. Add the ones the design's types or defaults need.</EmptyLine> : null}
        <div className="cf-chips" role="list" aria-label="Extensions">
          {schema.extensions.map((x) => (
            <span key={x} className="cf-chip" role="listitem">
              <span className="cf-chip__name">{x}</span>
              <button type="button" className="cf-chip__remove" aria-label={`Remove extension ${x}`} onClick={() => edit('Remove extension', (s) => removeExtension(s, x))}>
                <X size={12} aria-hidden />
              </button>
            </span>
          ))}
        </div>
        <AddLine
          label="Extension to add"
          placeholder="e.g. pgcrypto"
          button="Add extension"
          list="cf-extensions"
          onAdd={(text) => {
            const r = edit('Add extension', (s) => addExtension(s, text))
            return r.ok ? undefined : r.message
          }}
        />
        <datalist id="cf-extensions">
          {commonExtensions.filter((x) => !schema.extensions.includes(x)).map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </Section>
    </div>
  )
}
