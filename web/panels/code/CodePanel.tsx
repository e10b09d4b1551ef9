/**
 * The code panel: the design as DBML or PostgreSQL DDL, editable, and read-only previews of the
 * other export targets, in Monaco beside the canvas. Loaded lazily (Monaco is large), so the
 * first paint never waits for it.
 */
import { useEffect, useRef, useState } from 'react'
import { Copy, Download, X } from 'lucide-react'
import { Button, IconButton } from '../../components/Button.tsx'
import { Tabs, tabId, tabPanelId } from '../../components/Tabs.tsx'
import { downloadText } from '../../persistence/files.ts'
import { appStore, useApp } from '../../store/index.ts'
import { coreClient } from '../../worker/client.ts'
import { copyText } from '../../components/clipboard.ts'
import { exportFileName } from '../export/export-flow.ts'
import { CodeResizer } from './CodeResizer.tsx'
import { installLanguageFeatures, showLintMarkers } from './language-features.ts'
import { monaco, trackDbmlModel, typingSuggestions } from './monaco.ts'
import { TextSync, type SyncStatus } from './text-sync.ts'
import { codeViewById, codeViews, storeView, storedView, type CodeViewDef, type CodeViewId } from './views.ts'
import { useResolvedTheme } from './use-resolved-theme.ts'
import './code.css'

type Editor = ReturnType<typeof monaco.editor.create>
type Model = ReturnType<typeof monaco.editor.createModel>

const models = new Map<CodeViewId, Model>()
function modelFor(view: CodeViewDef): Model {
  let model = models.get(view.id)
  if (!model) {
    model = monaco.editor.createModel('', view.language, monaco.Uri.parse(`inmemory://crowsfoot/design.${view.target.extension}`))
    if (view.id === 'dbml') trackDbmlModel(model)
    models.set(view.id, model)
  }
  return model
}

installLanguageFeatures(monaco, appStore, coreClient)

export default function CodePanel() {
  const host = useRef<HTMLDivElement>(null)
  const editor = useRef<Editor | undefined>(undefined)
  const sync = useRef<TextSync | undefined>(undefined)
  const [view, setView] = useState<CodeViewDef>(storedView)
  const [status, setStatus] = useState<SyncStatus>({ kind: 'loading' })
  const [preview, setPreview] = useState<{ view: CodeViewId; text: string } | { view: CodeViewId; error: string } | undefined>()
  const theme = useResolvedTheme(useApp((s) => s.themePreference))
  const designName = useApp((s) => s.document.name)
  const togglePanel = useApp((s) => s.togglePanel)

  useEffect(() => {
    if (!host.current) return
    const e = monaco.editor.create(host.current, {
      model: null,
      theme: `crowsfoot-${theme}`,
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--cf-font-mono').trim() || 'monospace',
      fontSize: 13,
      lineHeight: 20,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      tabSize: 2,
      wordWrap: 'off',
      fixedOverflowWidgets: true,
      ariaLabel: 'Design as code',
    })
    editor.current = e
    const suggestions = typingSuggestions(e)
    const history = (kind: 'undo' | 'redo') => () => {
      // Keystrokes not yet in the design are undone as text; everything else is the design's history.
      if (sync.current?.dirty) e.trigger('keyboard', kind, null)
      else appStore.getState()[kind]()
    }
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, history('undo'))
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, history('redo'))
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, history('redo'))
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void sync.current?.flush())
    return () => {
      sync.current?.dispose()
      sync.current = undefined
      suggestions.dispose()
      e.dispose()
      editor.current = undefined
    }
  }, [])

  useEffect(() => {
    monaco.editor.setTheme(`crowsfoot-${theme}`)
  }, [theme])

  // The model and, for DBML and SQL, the two-way sync of the view shown.
  useEffect(() => {
    const e = editor.current
    if (!e) return
    const model = modelFor(view)
    e.setModel(model)
    e.updateOptions({ readOnly: !view.editable, readOnlyMessage: { value: `${view.label} is a preview; edit the design as DBML or SQL.` } })
    if (!view.editable) {
      setStatus({ kind: 'synced' })
      return
    }
    const s = new TextSync(monaco, model, view.id, appStore, coreClient(), setStatus)
    sync.current = s
    return () => {
      s.dispose()
      if (sync.current === s) sync.current = undefined
    }
  }, [view])

  // Previews follow the design (a short pause, so a drag or typing does not export per frame).
  const documentNow = useApp((s) => s.document)
  useEffect(() => {
    if (view.editable) return
    let live = true
    const timer = setTimeout(() => {
      const { schema, ...meta } = documentNow
      coreClient()
        .export(schema, view.id, view.id === 'json' ? meta : undefined)
        .then((r) => {
          if (!live) return
          const model = modelFor(view)
          if (model.getValue() !== r.text) model.setValue(r.text)
          setPreview({ view: view.id, text: r.text })
        })
        .catch((err: unknown) => live && setPreview({ view: view.id, error: err instanceof Error ? err.message : String(err) }))
    }, preview?.view === view.id ? 150 : 0)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [view, view.editable ? undefined : view.id === 'json' ? documentNow : documentNow.schema])

  // Findings on the lines of their objects, once the text shows the design they are about.
  const findings = useApp((s) => s.findings)
  const lintedSchema = useApp((s) => s.lintedSchema)
  useEffect(() => {
    if (!view.editable || status.kind !== 'synced' || !lintedSchema) return
    if (lintedSchema !== appStore.getState().document.schema) return
    showLintMarkers(monaco, modelFor(view), view.id as 'dbml' | 'postgres', findings, lintedSchema)
  }, [view, status, findings, lintedSchema])

  const choose = (id: CodeViewId) => {
    const next = codeViewById(id)
    storeView(next.id)
    setView(next)
  }

  const previewText = preview && preview.view === view.id && 'text' in preview ? preview.text : undefined
  return (
    <aside className="cf-code-panel" aria-label="Code">
      <CodeResizer />
      <div className="cf-code-panel__header">
        <Tabs label="Code view" tabs={codeViews.map((v) => ({ id: v.id, label: v.label }))} value={view.id} onChange={choose} idPrefix="cf-code" />
        <IconButton label="Close code panel" size="sm" onClick={() => togglePanel('code')}>
          <X size={14} aria-hidden />
        </IconButton>
      </div>
      <div className="cf-code-panel__bar">
        {view.editable ? (
          <SyncLine status={status} view={view} onDiscard={() => sync.current?.discard()} onApply={() => void sync.current?.flush()} />
        ) : (
          <>
            <span className="cf-code-panel__status">{preview && 'error' in preview && preview.view === view.id ? `Could not export: ${preview.error}` : 'Preview, read-only'}</span>
            <span className="cf-code-panel__actions">
              <Button
                size="sm"
                variant="ghost"
                icon={<Copy size={14} aria-hidden />}
                disabled={previewText === undefined}
                onClick={async () => {
                  const ok = await copyText(previewText ?? '')
                  appStore.getState().notify(ok ? { tone: 'success', message: `${view.label} copied.` } : { tone: 'error', message: 'The browser did not allow copying; use Download instead.' })
                }}
              >
                Copy
              </Button>
              <Button size="sm" variant="ghost" icon={<Download size={14} aria-hidden />} disabled={previewText === undefined} onClick={() => downloadText(previewText ?? '', exportFileName(designName, view.target), view.target.mime)}>
                Download
              </Button>
            </span>
          </>
        )}
      </div>
      <div className="cf-code-panel__editor" ref={host} id={tabPanelId('cf-code', view.id)} role="tabpanel" aria-labelledby={tabId('cf-code', view.id)} data-view={view.id} />
    </aside>
  )
}

function SyncLine({ status, view, onDiscard, onApply }: { readonly status: SyncStatus; readonly view: CodeViewDef; readonly onDiscard: () => void; readonly onApply: () => void }) {
  if (status.kind === 'error') {
    const n = status.diagnostics.length
    const first = status.diagnostics[0]
    const where = first?.location ? `line ${first.location.line}: ` : ''
    return (
      <>
        <span className="cf-code-panel__status cf-code-panel__status--error" role="status">
          {n === 1 ? '1 error' : `${n} errors`} in the {view.label}; the diagram shows the last version that parsed. {first ? `${where}${first.message}` : ''}
        </span>
        <span className="cf-code-panel__actions">
          <Button size="sm" variant="ghost" onClick={onDiscard}>
            Discard changes
          </Button>
        </span>
      </>
    )
  }
  const text = {
    loading: 'Loading…',
    synced: 'In sync with the diagram',
    typing: 'Typing…',
    parsing: 'Updating the diagram…',
    rendering: 'Updating the text…',
    failed: status.kind === 'failed' ? `Could not read the text: ${status.message}` : '',
  }[status.kind]
  return (
    <>
      <span className={`cf-code-panel__status cf-code-panel__status--${status.kind}`} role="status">
        {text}
      </span>
      <span className="cf-code-panel__actions">
        <Button size="sm" variant="ghost" onClick={onApply} title="Apply the text now (Ctrl+Enter)" disabled={status.kind !== 'typing'}>
          Apply
        </Button>
      </span>
    </>
  )
}
