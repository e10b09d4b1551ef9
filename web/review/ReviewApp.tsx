/**
 * The review page of a share link: the design read-only, with the base's changes marked and
 * listed, comments pinned to tables, columns and relationships, the migration and the lint
 * findings one click away. Nothing here reads or writes the receiver's own designs: "Open a copy"
 * and "Merge comments" hand over to the editor, which starts the documents layer then.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Copy, GitMerge, Share2 } from 'lucide-react'
import type { CommentTarget, CrowsfootDocument, ReviewComment, ShareBase } from '@core'
import { addComment, decodeShare, diagramMetrics, renderDiagram, setCommentResolved } from '@core'
import { Button } from '../components/Button.tsx'
import { Dialog } from '../components/Dialog.tsx'
import { LogoMark } from '../components/icons.tsx'
import { Notices } from '../components/Notices.tsx'
import { Tabs, tabId, tabPanelId } from '../components/Tabs.tsx'
import { useApplyTheme } from '../hooks/useTheme.ts'
import type { EditorStart } from '../main.tsx'
import { SharePanel } from '../panels/share/SharePanel.tsx'
import { ThemeSwitch } from '../panels/ThemeSwitch.tsx'
import { selectThemePreference } from '../store/selectors.ts'
import { useApp } from '../store/index.ts'
import { ChangesPanel, CommentsPanel, MigrationPanel, ProblemsPanel } from './ReviewPanels.tsx'
import { pickTarget, placedDocument, reviewChanges } from './review-model.ts'
import { SvgTree } from './SvgTree.tsx'
import { Viewport, type ViewportApi } from './Viewport.tsx'
import './review.css'

type Tab = 'changes' | 'comments' | 'migration' | 'problems'
type Detail = 'full' | 'outline'

/** Below this zoom rows are too small to read: the drawing shows table outlines only. */
const outlineBelow = 0.45

/**
 * The level of detail for the current zoom. A large design starts as outlines (its first paint is
 * then a tenth of the elements); rows appear as soon as the view is close enough to read them.
 */
function useDetail(tables: number): [Detail, (k: number) => void] {
  const [detail, setDetail] = useState<Detail>(tables > 40 ? 'outline' : 'full')
  const onScale = useMemo(() => (k: number) => setDetail(k < outlineBelow ? 'outline' : 'full'), [])
  return [detail, onScale]
}

function useResolvedTheme(): 'light' | 'dark' {
  const preference = useApp(selectThemePreference)
  useApplyTheme(preference)
  const [system, setSystem] = useState(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'))
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)')
    const on = () => setSystem(query.matches ? 'dark' : 'light')
    query.addEventListener('change', on)
    return () => query.removeEventListener('change', on)
  }, [])
  return preference === 'system' ? (system as 'light' | 'dark') : preference
}

interface Props {
  readonly hash: string
  readonly embed: boolean
  readonly onOpenEditor: (start: EditorStart) => void
}

export function ReviewApp({ hash, embed, onOpenEditor }: Props) {
  const decoded = useMemo(() => decodeShare(hash), [hash])
  const theme = useResolvedTheme()
  if (!decoded.ok) return <BrokenLink message={decoded.message} />
  const { document, base } = decoded.content
  if (embed) return <EmbeddedDiagram document={placedDocument(document)} base={base} theme={theme} />
  return <Review initial={placedDocument(document)} base={base} theme={theme} onOpenEditor={onOpenEditor} />
}

function BrokenLink({ message }: { readonly message: string }) {
  return (
    <main className="cf-review-broken">
      <LogoMark />
      <h1>This review link cannot be opened</h1>
      <p>{message}</p>
      <a href={location.pathname}>Open Crowsfoot</a>
    </main>
  )
}

function EmbeddedDiagram({ document, base, theme }: { readonly document: CrowsfootDocument; readonly base: ShareBase | undefined; readonly theme: 'light' | 'dark' }) {
  const review = useMemo(() => reviewChanges(document, base), [document, base])
  const [detail, onScale] = useDetail(document.schema.tables.length)
  const diagram = useMemo(
    () => renderDiagram(document.schema, document.layout, { theme, detail, idPrefix: 'cfe', ...(review ? { changes: { marks: review.marks, base: review.base.schema } } : {}) }),
    [document, review, theme, detail],
  )
  return (
    <main className="cf-embed" aria-label={`${document.name}: diagram`}>
      <Viewport width={diagram.width} height={diagram.height} label={`Diagram of ${document.name}`} onScale={onScale}>
        <SvgTree root={diagram.root} label={`Diagram of ${document.name}, ${document.schema.tables.length} tables`} />
      </Viewport>
      <a className="cf-embed__credit" href={location.pathname + location.hash} target="_blank" rel="noopener noreferrer">
        {document.name} · open in Crowsfoot
      </a>
    </main>
  )
}

function Review({ initial, base, theme, onOpenEditor }: { readonly initial: CrowsfootDocument; readonly base: ShareBase | undefined; readonly theme: 'light' | 'dark'; readonly onOpenEditor: (start: EditorStart) => void }) {
  // The reviewer's comments live in this page only (and in the links it makes).
  const [doc, setDoc] = useState(initial)
  const [target, setTarget] = useState<CommentTarget | undefined>(undefined)
  const [tab, setTab] = useState<Tab>(base ? 'changes' : 'comments')
  const [sharing, setSharing] = useState(false)
  const notices = useApp((s) => s.notices)
  const dismiss = useApp((s) => s.dismissNotice)
  const notify = useApp((s) => s.notify)
  const viewport = useRef<ViewportApi>(null)
  const review = useMemo(() => reviewChanges(doc, base), [doc.schema, base]) // eslint-disable-line react-hooks/exhaustive-deps
  const comments = doc.comments ?? []
  const open = comments.filter((c) => !c.resolved).length
  const [detail, onScale] = useDetail(doc.schema.tables.length)
  const diagram = useMemo(
    () =>
      renderDiagram(doc.schema, doc.layout, {
        theme,
        detail,
        interactive: true,
        idPrefix: 'cfr',
        comments,
        ...(review ? { changes: { marks: review.marks, base: review.base.schema } } : {}),
      }),
    [doc.schema, doc.layout, comments, review, theme, detail],
  )
  const changed = review ? review.changes.length : 0
  useEffect(() => {
    document.title = `${doc.name} · Review · Crowsfoot`
  }, [doc.name])

  const reveal = (tableId: string) => {
    const box = diagram.boxes.get(tableId)
    if (box) viewport.current?.reveal(box)
  }
  const highlight = target ? highlightBox(diagram.boxes.get(target.tableId), target, doc) : undefined

  const tabs = [
    { id: 'changes' as const, label: `Changes${review ? ` (${changed})` : ''}` },
    { id: 'comments' as const, label: `Comments (${open})` },
    { id: 'migration' as const, label: 'Migration' },
    { id: 'problems' as const, label: 'Problems' },
  ]

  return (
    <div className="cf-review">
      <header className="cf-review__bar">
        <div className="cf-topbar__brand">
          <LogoMark />
          <span className="cf-topbar__app">Crowsfoot</span>
        </div>
        <span className="cf-review__divider" aria-hidden="true" />
        <div className="cf-review__title">
          <h1 className="cf-review__name">{doc.name}</h1>
          <span className="cf-review__meta">
            <span className="cf-review__badge">Review</span>
            {base ? <>Compared with {base.label}</> : 'No base version'} · {doc.schema.tables.length.toLocaleString('en-US')} tables
          </span>
        </div>
        <div className="cf-review__actions">
          <Button variant="secondary" icon={<Share2 size={15} aria-hidden />} onClick={() => setSharing(true)}>
            Share
          </Button>
          {comments.length > 0 ? (
            <Button variant="secondary" icon={<GitMerge size={15} aria-hidden />} onClick={() => onOpenEditor({ kind: 'merge', document: doc })}>
              Merge comments into my design
            </Button>
          ) : null}
          <Button variant="primary" icon={<Copy size={15} aria-hidden />} onClick={() => onOpenEditor({ kind: 'copy', document: doc })}>
            Open a copy
          </Button>
          <ThemeSwitch />
        </div>
      </header>
      <div className="cf-review__body">
        <main className="cf-review__canvas" aria-label="Diagram">
          <Viewport
            ref={viewport}
            width={diagram.width}
            height={diagram.height}
            onScale={onScale}
            label={`Diagram of ${doc.name}. Click a table, column or relationship to comment on it.`}
            onPick={(el) => {
              const picked = pickTarget(doc.schema, el)
              setTarget(picked)
              if (picked) setTab('comments')
            }}
          >
            <SvgTree root={diagram.root} label={`Diagram of ${doc.name}, ${doc.schema.tables.length} tables`} />
            {highlight ? (
              <svg className="cf-review__overlay" width={diagram.width} height={diagram.height} aria-hidden="true">
                <rect x={highlight.x - 3} y={highlight.y - 3} width={highlight.width + 6} height={highlight.height + 6} rx={12} />
              </svg>
            ) : null}
          </Viewport>
        </main>
        <aside className="cf-review__side" aria-label="Review">
          <Tabs label="Review" idPrefix="cf-review" value={tab} onChange={setTab} tabs={tabs} />
          <div role="tabpanel" id={tabPanelId('cf-review', tab)} aria-labelledby={tabId('cf-review', tab)} className="cf-review__panel">
            {tab === 'changes' ? <ChangesPanel review={review} onReveal={reveal} /> : null}
            {tab === 'comments' ? (
              <CommentsPanel
                doc={doc}
                target={target}
                onCancel={() => setTarget(undefined)}
                onAdd={(text, author) => {
                  if (!target) return
                  const comment: ReviewComment = { id: crypto.randomUUID(), target, author: author.trim(), text, at: new Date().toISOString() }
                  try {
                    setDoc((d) => addComment(d, comment))
                    setTarget(undefined)
                  } catch (e) {
                    notify({ tone: 'error', message: (e as Error).message })
                  }
                }}
                onResolve={(id, resolved) => setDoc((d) => setCommentResolved(d, id, resolved))}
                onPickTable={(tableId) => {
                  setTarget({ kind: 'table', tableId: tableId as never })
                  reveal(tableId)
                }}
                onReveal={(c) => {
                  setTarget(c.target)
                  reveal(c.target.tableId)
                }}
              />
            ) : null}
            {tab === 'migration' ? <MigrationPanel doc={doc} review={review} /> : null}
            {tab === 'problems' ? <ProblemsPanel doc={doc} onReveal={reveal} /> : null}
          </div>
        </aside>
      </div>
      {sharing ? (
        <Dialog title="Share this review" description="A link to this design with your comments; send it back to the author." onClose={() => setSharing(false)} size="md">
          <SharePanel
            document={doc}
            bases={base ? [{ id: 'base', label: base.label, base }] : []}
            {...(base ? { initialBaseId: 'base' } : {})}
            onCopied={(ok) => notify(ok ? { tone: 'success', message: 'Link copied.' } : { tone: 'error', message: 'The browser did not allow copying; select the link and copy it.' })}
          />
        </Dialog>
      ) : null}
      <Notices notices={notices} onDismiss={dismiss} />
    </div>
  )
}

/** The outline of the picked object, in the drawing's coordinates. */
function highlightBox(box: { x: number; y: number; width: number; height: number } | undefined, target: CommentTarget, doc: CrowsfootDocument) {
  if (!box) return undefined
  if (target.kind !== 'column') return box
  const table = doc.schema.tables.find((t) => t.id === target.tableId)
  const index = table?.columns.findIndex((c) => c.id === target.columnId) ?? -1
  if (index < 0) return box
  const m = diagramMetrics
  return { x: box.x, y: box.y + m.accent + m.headerHeight + m.rowHeight * index, width: box.width, height: m.rowHeight }
}
