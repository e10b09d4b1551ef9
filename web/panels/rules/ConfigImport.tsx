/**
 * Replacing the design's rule configuration with a crowsfoot.config.json, pasted or opened from a
 * file. The core reads it (parseLintConfig); every mistake comes back with its line and column,
 * and nothing changes until the whole file is right.
 */
import { useRef, useState } from 'react'
import { ArrowLeft, FolderOpen } from 'lucide-react'
import type { Diagnostic } from '@core'
import { parseLintConfig, rules } from '@core'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { TextArea } from '../../components/Field.tsx'
import { appStore } from '../../store/index.ts'
import { applyLintConfig } from './apply-config.ts'
import { configFileText } from './rule-config.ts'

/** Config files are small; anything bigger than this is not one. */
const maxBytes = 1_000_000

export function ConfigImport({ onBack, onClose }: { readonly onBack: () => void; readonly onClose: () => void }) {
  const [text, setText] = useState(() => configFileText(appStore.getState().document.lint))
  const [fileName, setFileName] = useState<string | undefined>()
  const [errors, setErrors] = useState<readonly Diagnostic[]>([])
  const [fileError, setFileError] = useState<string | undefined>()
  const fileInput = useRef<HTMLInputElement>(null)

  const apply = () => {
    const parsed = parseLintConfig(text, rules)
    if (!parsed.ok) {
      setErrors(parsed.diagnostics)
      return
    }
    const next = { preset: parsed.config.preset ?? 'recommended', rules: parsed.config.rules ?? {} }
    const problems = applyLintConfig(appStore, fileName ? `Import rule configuration (${fileName})` : 'Import rule configuration', next)
    if (problems.length > 0) {
      setErrors(problems.map((message) => ({ code: 'invalid-config', severity: 'error', message })))
      return
    }
    appStore.getState().notify({ tone: 'success', message: 'Rule configuration imported; the design is being checked again.' })
    onBack()
  }

  const open = async (file: File | undefined) => {
    setFileError(undefined)
    if (!file) return
    if (file.size > maxBytes) {
      setFileError(`"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; a rule configuration is a small JSON file.`)
      return
    }
    setText(await file.text())
    setFileName(file.name)
    setErrors([])
  }

  return (
    <Dialog
      title="Import a rule configuration"
      description="Paste a crowsfoot.config.json or open one. It replaces this design's preset and rule settings; Undo brings them back."
      size="lg"
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" icon={<ArrowLeft size={14} aria-hidden />} onClick={onBack}>
            Back to rules
          </Button>
          <span className="cf-rules__footer-gap" />
          <Button variant="primary" onClick={apply} disabled={text.trim() === ''}>
            Apply config
          </Button>
        </>
      }
    >
      <div className="cf-config-import">
        <div className="cf-config-import__file">
          <Button variant="secondary" icon={<FolderOpen size={14} aria-hidden />} onClick={() => fileInput.current?.click()}>
            Open file…
          </Button>
          <span className="cf-config-import__name">{fileName ?? 'or paste the text below'}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="cf-visually-hidden"
            tabIndex={-1}
            aria-label="Config file"
            onChange={(e) => void open(e.target.files?.[0])}
          />
        </div>
        {fileError ? (
          <p className="cf-field__error" role="alert">
            {fileError}
          </p>
        ) : null}
        <TextArea
          label="Config text"
          mono
          rows={14}
          value={text}
          spellCheck={false}
          error={errors.length > 0 ? `${errors.length === 1 ? 'This config has a problem' : `This config has ${errors.length} problems`}; nothing was changed.` : undefined}
          onChange={(e) => {
            setText(e.target.value)
            setErrors([])
          }}
        />
        {errors.length > 0 ? (
          <ul className="cf-config-import__errors" aria-label="Problems in the config">
            {errors.map((d, i) => (
              <li key={i}>
                {d.location && d.location.line > 0 ? <span className="cf-config-import__at">Line {d.location.line}, column {d.location.column}</span> : null}
                <span>{d.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  )
}
