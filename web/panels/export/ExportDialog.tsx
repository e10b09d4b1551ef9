/**
 * Export: one tab per target, the output in a read-only code view, beside it what the target
 * cannot express (the exporter's report), and Copy and Download (`<design-name>.<ext>`). Every
 * export runs in the worker; the dialog only shows text.
 */
import { useEffect, useMemo, useState } from 'react'
import { AlertTriangle, CheckCircle2, Copy, Download, Image, Info, XCircle } from 'lucide-react'
import type { CrowsfootDocument } from '@core'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Tabs, tabId, tabPanelId } from '../../components/Tabs.tsx'
import { downloadText } from '../../persistence/files.ts'
import { appStore, useApp } from '../../store/index.ts'
import { coreClient } from '../../worker/client.ts'
import type { ExportResult } from '../../worker/protocol.ts'
import { CodeView } from './CodeView.tsx'
import { ExportCache, describeOutput, exportFileName, exportTargets, targetById, type ExportTarget } from './export-flow.ts'
import './export.css'
import { copyText } from '../../components/clipboard.ts'

const cache = new ExportCache((document: CrowsfootDocument, target: ExportTarget) => {
  const { schema, ...meta } = document
  return coreClient().export(schema, target.id, target.id === 'json' ? meta : undefined)
})

const icons = { error: XCircle, warning: AlertTriangle, info: Info } as const

type State = { readonly kind: 'loading' } | { readonly kind: 'done'; readonly result: ExportResult } | { readonly kind: 'failed'; readonly message: string }

function Report({ result, target }: { readonly result: ExportResult; readonly target: ExportTarget }) {
  if (result.diagnostics.length === 0)
    return (
      <p className="cf-export__clean">
        <CheckCircle2 size={15} aria-hidden />
        {target.label} expresses everything in this design.
      </p>
    )
  return (
    <ul className="cf-export__report">
      {result.diagnostics.map((d, i) => {
        const Icon = icons[d.severity]
        // The exporters' messages name the objects they are about.
        return (
          <li key={i} className={`cf-export__finding cf-export__finding--${d.severity}`}>
            <Icon size={14} aria-hidden />
            <span>{d.message}</span>
          </li>
        )
      })}
    </ul>
  )
}

export function ExportDialog({ target: initial, onClose }: { readonly target?: string; readonly onClose: () => void }) {
  const document = useApp((s) => s.document)
  const [target, setTarget] = useState<ExportTarget>(() => targetById(initial))
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let live = true
    setState((s) => (s.kind === 'done' ? s : { kind: 'loading' }))
    cache.get(document, target).then(
      (result) => live && setState({ kind: 'done', result }),
      (e: Error) => live && setState({ kind: 'failed', message: e.message }),
    )
    return () => {
      live = false
    }
  }, [document, target])
  useEffect(() => setCopied(false), [target, document])

  const text = state.kind === 'done' ? state.result.text : ''
  const status = useMemo(() => (state.kind === 'done' ? describeOutput(text) : ''), [state.kind, text])
  const fileName = exportFileName(document.name, target)
  const ready = state.kind === 'done'

  return (
    <Dialog title="Export" description={`${document.name}, as text for another tool.`} onClose={onClose} size="xl" className="cf-export">
      <Tabs label="Export target" idPrefix="cf-export" value={target.id} onChange={(id) => setTarget(targetById(id))} tabs={exportTargets.map((t) => ({ id: t.id, label: t.label }))} />
      <div role="tabpanel" id={tabPanelId('cf-export', target.id)} aria-labelledby={tabId('cf-export', target.id)} className="cf-export__panel">
        <div className="cf-export__main">
          <div className="cf-export__toolbar">
            <span className="cf-export__file">{fileName}</span>
            <span className="cf-export__status" aria-live="polite">
              {state.kind === 'loading' ? 'Exporting…' : status}
            </span>
            <Button
              size="sm"
              variant="secondary"
              icon={<Copy size={14} aria-hidden />}
              disabled={!ready}
              onClick={async () => {
                const ok = await copyText(text)
                setCopied(ok)
                if (!ok) appStore.getState().notify({ tone: 'error', message: 'The browser did not allow copying; use Download instead.' })
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
            <Button size="sm" variant="primary" icon={<Download size={14} aria-hidden />} disabled={!ready} onClick={() => downloadText(text, fileName, target.mime)}>
              Download
            </Button>
            <Button size="sm" variant="ghost" icon={<Image size={14} aria-hidden />} onClick={() => appStore.getState().openDialog({ kind: 'image' })}>
              Image…
            </Button>
          </div>
          {state.kind === 'failed' ? (
            <p className="cf-export__failed" role="alert">
              The export failed: {state.message}
            </p>
          ) : (
            <div className={state.kind === 'loading' ? 'cf-export__code cf-export__code--stale' : 'cf-export__code'}>
              <CodeView text={text} label={`${target.label} output`} />
            </div>
          )}
        </div>
        <aside className="cf-export__aside" aria-label="What the export leaves out">
          <h3 className="cf-export__heading">Not expressed in {target.label}</h3>
          {state.kind === 'done' ? <Report result={state.result} target={target} /> : null}
        </aside>
      </div>
    </Dialog>
  )
}
