/**
 * Import: paste a schema or choose a file, see the format it was taken for (and change it), and
 * import it over the open design (one undo entry; re-imported objects keep their ids) or as a new
 * design. Parsing runs in the worker; a text that cannot be read changes nothing and says where.
 */
import { useEffect, useMemo, useState } from 'react'
import { FileText, Upload, X } from 'lucide-react'
import { Button, IconButton } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { SelectField, TextArea } from '../../components/Field.tsx'
import { SegmentedControl } from '../../components/SegmentedControl.tsx'
import { chooseFile, readFileText, type FileText as LoadedFile } from '../../persistence/files.ts'
import { openFileAccept } from '../../persistence/open-file.ts'
import { documentSession } from '../../persistence/session.ts'
import { storageClient } from '../../persistence/storage-client.ts'
import { appStore } from '../../store/index.ts'
import { coreClient } from '../../worker/client.ts'
import { countTables, detectFormat, formatLabel, importFormats, prepareImport, worthShowing, type ImportFormat, type ImportMode, type ImportOutcome, type ImportWorkers } from './import-flow.ts'
import { ImportReport } from './ImportReport.tsx'
import { withVersionBeforeImport } from '../versions/versions.ts'
import './import.css'

const workers: ImportWorkers = {
  importText: (format, text, fileName, previous) => coreClient().import(format, text, fileName, previous),
  parseDocument: (text) => storageClient().parse(text),
}

type Phase =
  | { readonly kind: 'edit' }
  | { readonly kind: 'running' }
  | { readonly kind: 'result'; readonly outcome: ImportOutcome; readonly fileName?: string }
  | { readonly kind: 'applied'; readonly summary: string; readonly outcome: Exclude<ImportOutcome, { kind: 'failed' }>; readonly mode: ImportMode }

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

export function ImportDialog({ text: initialText, fileName, size, onClose }: { readonly text?: string; readonly fileName?: string; readonly size?: number; readonly onClose: () => void }) {
  const [file, setFile] = useState<LoadedFile | undefined>(() =>
    fileName !== undefined && initialText !== undefined ? { name: fileName, size: size ?? new Blob([initialText]).size, text: initialText, binary: initialText.slice(0, 65536).includes('\0') } : undefined,
  )
  const [pasted, setPasted] = useState(fileName === undefined ? (initialText ?? '') : '')
  const [choice, setChoice] = useState<ImportFormat | 'auto'>('auto')
  const [mode, setMode] = useState<ImportMode>('replace')
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' })

  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (phase.kind !== 'running') return setSlow(false)
    const timer = setTimeout(() => setSlow(true), 2500)
    return () => clearTimeout(timer)
  }, [phase.kind])

  const text = file ? file.text : pasted
  const detected = useMemo(() => detectFormat(text.slice(0, 8192), file?.name), [text, file?.name])
  const format = choice === 'auto' ? detected.format : choice
  const blocked = file?.binary ? `“${file.name}” is binary data, not a schema: there is nothing to import from it.` : undefined

  const edit = () => phase.kind !== 'edit' && phase.kind !== 'running' && setPhase({ kind: 'edit' })

  async function run(force: boolean) {
    if (!format) return
    let outcome = phase.kind === 'result' && force ? phase.outcome : undefined
    if (!outcome) {
      setPhase({ kind: 'running' })
      try {
        outcome = await prepareImport({ text, ...(file ? { fileName: file.name } : {}), format, mode }, appStore.getState().document, workers)
      } catch (e) {
        outcome = { kind: 'failed', diagnostics: [{ code: 'import-failed', severity: 'error', message: `The import stopped: ${(e as Error).message}` }] }
      }
    }
    if (outcome.kind === 'failed' || (outcome.kind === 'partial' && !force)) {
      setPhase({ kind: 'result', outcome, ...(file ? { fileName: file.name } : {}) })
      return
    }
    const from = file ? ` from “${file.name}”` : ''
    const summary = `Imported ${countTables(outcome.document)}${from}.`
    if (mode === 'replace') {
      // The replaced design stays as a saved version, to compare with or go back to.
      const source = file ? file.name : `pasted ${formatLabel(format)}`
      appStore.getState().replaceDocument(`Import ${formatLabel(format)}`, withVersionBeforeImport(appStore.getState().document, outcome.document, source))
    }
    else await documentSession()?.openNew(outcome.document)
    if (worthShowing(outcome.diagnostics)) {
      setPhase({ kind: 'applied', summary, outcome, mode })
      return
    }
    onClose()
    const undo = mode === 'replace' ? { action: { label: 'Undo', run: () => appStore.getState().undo() } } : {}
    appStore.getState().notify({ tone: 'success', message: summary, ...undo })
  }

  const footer =
    phase.kind === 'applied' ? (
      <>
        {phase.mode === 'replace' ? (
          <Button variant="ghost" onClick={() => (appStore.getState().undo(), onClose())}>
            Undo import
          </Button>
        ) : null}
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </>
    ) : (
      <>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        {phase.kind === 'result' && phase.outcome.kind === 'partial' ? (
          <Button variant="secondary" onClick={() => void run(true)}>
            Import the rest
          </Button>
        ) : null}
        <Button variant="primary" icon={<Upload size={15} aria-hidden />} disabled={!format || !!blocked || phase.kind === 'running' || text.trim() === ''} onClick={() => void run(false)}>
          {phase.kind === 'running' ? 'Importing…' : 'Import schema'}
        </Button>
      </>
    )

  return (
    <Dialog title="Import" description="PostgreSQL DDL, DBML, a Prisma schema or a Crowsfoot file." onClose={onClose} size="lg" className="cf-import" footer={footer}>
      {phase.kind === 'applied' ? (
        <div className="cf-import__outcome cf-import__outcome--success" role="status">
          <p>{phase.summary} What the importer noted:</p>
          <ImportReport diagnostics={phase.outcome.diagnostics} {...(file ? { fileName: file.name } : {})} />
        </div>
      ) : (
        <>
          {file ? (
            <div className="cf-import__file">
              <FileText size={18} aria-hidden />
              <div className="cf-import__file-text">
                <span className="cf-import__file-name">{file.name}</span>
                <span className="cf-import__file-size">{sizeText(file.size)}</span>
              </div>
              <IconButton label="Remove the file" size="sm" onClick={() => (setFile(undefined), edit())}>
                <X size={14} aria-hidden />
              </IconButton>
            </div>
          ) : (
            <TextArea
              label="Schema text"
              mono
              rows={12}
              value={pasted}
              placeholder={'CREATE TABLE users (\n  id uuid PRIMARY KEY,\n  email text NOT NULL UNIQUE\n);'}
              spellCheck={false}
              onChange={(e) => (setPasted(e.target.value), edit())}
              className="cf-import__text"
            />
          )}
          <div className="cf-import__row">
            <Button
              variant="secondary"
              size="sm"
              icon={<FileText size={14} aria-hidden />}
              onClick={async () => {
                const chosen = await chooseFile(openFileAccept)
                if (chosen) (setFile(await readFileText(chosen)), setChoice('auto'), edit())
              }}
            >
              {file ? 'Choose another file…' : 'Choose file…'}
            </Button>
            <SelectField
              label="Format"
              className="cf-import__format"
              value={choice}
              onChange={(e) => (setChoice(e.target.value as ImportFormat | 'auto'), edit())}
              options={[{ value: 'auto', label: detected.format ? `Detected: ${formatLabel(detected.format)}` : 'Detect automatically' }, ...importFormats]}
              hint={choice === 'auto' && !blocked ? (detected.source ? `Detected from the ${detected.source}.` : text.trim() ? 'Could not tell the format: choose one.' : undefined) : undefined}
            />
            <div className="cf-import__mode">
              <span className="cf-field__label" aria-hidden="true">
                Import into
              </span>
              <SegmentedControl<ImportMode>
                label="Import into"
                value={mode}
                onChange={(m) => (setMode(m), edit())}
                options={[
                  { value: 'replace', label: 'This design' },
                  { value: 'new', label: 'A new design' },
                ]}
              />
            </div>
          </div>
          {blocked ? (
            <div className="cf-import__outcome cf-import__outcome--error" role="alert">
              <p>{blocked}</p>
            </div>
          ) : phase.kind === 'result' ? (
            <div className={`cf-import__outcome cf-import__outcome--${phase.outcome.kind === 'failed' ? 'error' : 'warning'}`} role="alert">
              <p>
                {phase.outcome.kind === 'failed'
                  ? 'Nothing was imported; the design is unchanged.'
                  : `Some statements could not be read and would be left out. The design is unchanged until you choose “Import the rest”.`}
              </p>
              <ImportReport diagnostics={phase.outcome.diagnostics} {...(phase.fileName ? { fileName: phase.fileName } : {})} />
            </div>
          ) : slow ? (
            <p className="cf-import__hint" role="status">
              Still reading… The first import of a format loads its parser, which can take a while; so do large files.
            </p>
          ) : mode === 'replace' ? (
            <p className="cf-import__hint">Tables and columns that keep their names keep their place on the diagram; the import is one step to undo.</p>
          ) : (
            <p className="cf-import__hint">The import opens as a design of its own; the open design stays as it is.</p>
          )}
        </>
      )}
    </Dialog>
  )
}
