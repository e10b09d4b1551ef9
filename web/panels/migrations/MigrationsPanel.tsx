/**
 * Migrations: choose the base (a saved version, or a file in any importable format, matched to
 * the design by name) and the target (the design as it is, or another version); the worker diffs
 * and plans them. The panel lists the changes by table, the up and down migrations step by step
 * with their locks, transactions and hazards, asks for the values the plan needs (each one
 * re-plans), and downloads both files under the seeds' names. While it is open and the target is
 * the design, the canvas marks what changed.
 */
import { useEffect, useMemo, useState } from 'react'
import { BookmarkPlus, Download, FileUp, X } from 'lucide-react'
import type { Schema } from '@core'
import { clearChangeMarks, showChangeMarks } from '../../canvas/change-marks.ts'
import { Button, IconButton } from '../../components/Button.tsx'
import { SelectField, TextField } from '../../components/Field.tsx'
import { SegmentedControl } from '../../components/SegmentedControl.tsx'
import { Tabs, tabId, tabPanelId } from '../../components/Tabs.tsx'
import { chooseFile, downloadText, readFileText } from '../../persistence/files.ts'
import { openFileAccept } from '../../persistence/open-file.ts'
import { storageClient } from '../../persistence/storage-client.ts'
import { appStore, useApp } from '../../store/index.ts'
import { coreClient } from '../../worker/client.ts'
import type { DiffResult } from '../../worker/diff.ts'
import { CodeView } from '../export/CodeView.tsx'
import { detectFormat } from '../import/import-flow.ts'
import { VersionList } from '../versions/VersionList.tsx'
import { formatVersionTime, listVersions } from '../versions/versions.ts'
import { ChangeList } from './ChangeList.tsx'
import { countMarks, describeMigration, fileNames, inputFields, inputKindLabels, suppliedInputs } from './migration-flow.ts'
import { FindingLine, PlanSteps } from './PlanSteps.tsx'
import '../export/export.css'
import './migrations.css'

type Tab = 'changes' | 'up' | 'down' | 'versions'
type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'done'; readonly result: DiffResult; readonly onDesign: boolean; readonly schema: Schema; readonly base: Schema }
  | { readonly kind: 'failed'; readonly message: string }

const fileBase = 'file'
const tabPrefix = 'cf-mig'

async function readBaseFile(): Promise<{ name: string; schema: Schema } | { error: string } | undefined> {
  const file = await chooseFile(openFileAccept)
  if (!file) return undefined
  const read = await readFileText(file)
  if (read.binary) return { error: `“${read.name}” is binary data, not a schema.` }
  const { format } = detectFormat(read.text.slice(0, 8192), read.name)
  if (!format) return { error: `Cannot tell what format “${read.name}” is in; import files end in .sql, .dbml, .prisma or .json.` }
  if (format === 'json') {
    const parsed = await storageClient().parse(read.text)
    if (!parsed.ok) return { error: `“${read.name}”: ${parsed.diagnostics[0]?.message ?? 'not a Crowsfoot design'}` }
    return { name: read.name, schema: parsed.document.schema }
  }
  const imported = await coreClient().import(format, read.text, read.name)
  if (!imported.ok) return { error: `“${read.name}”: ${imported.diagnostics.find((d) => d.severity === 'error')?.message ?? 'could not be read'}` }
  return { name: read.name, schema: imported.schema }
}

/** "users.nickname" from a prompt that quotes it. */
const subjectOf = (prompt: string) => /"([^"]+)"/.exec(prompt)?.[1]

export function MigrationsPanel() {
  const document = useApp((s) => s.document)
  const versions = useMemo(() => listVersions(document), [document])
  const latest = versions[versions.length - 1]?.id
  const [baseChoice, setBaseChoice] = useState<string | undefined>(undefined)
  const [targetChoice, setTargetChoice] = useState('current')
  const [external, setExternal] = useState<{ name: string; schema: Schema } | undefined>(undefined)
  const [fileError, setFileError] = useState<string | undefined>(undefined)
  const [mode, setMode] = useState<'safe' | 'simple'>('safe')
  const [values, setValues] = useState<Record<string, string>>({})
  const [inputs, setInputs] = useState<Record<string, string>>({})
  const [tab, setTab] = useState<Tab>('changes')
  const [view, setView] = useState<'steps' | 'file'>('steps')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const [running, setRunning] = useState(false)
  const [description, setDescription] = useState<string | undefined>(undefined)

  // A deleted version falls back to the newest one.
  const baseId = baseChoice === fileBase && external ? fileBase : baseChoice !== undefined && versions.some((v) => v.id === baseChoice) ? baseChoice : latest
  const targetId = targetChoice === 'current' || versions.some((v) => v.id === targetChoice) ? targetChoice : 'current'
  const base = baseId === fileBase ? external?.schema : document.versions?.find((v) => v.id === baseId)?.schema
  const target: Schema | 'current' | undefined = targetId === 'current' ? 'current' : document.versions?.find((v) => v.id === targetId)?.schema

  // Typing a value re-plans after a pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setInputs(suppliedInputs(values)), 350)
    return () => clearTimeout(timer)
  }, [values])

  const schema = document.schema
  const config = document.lint
  useEffect(() => {
    if (!base || !target) return setOutcome({ kind: 'idle' })
    let stale = false
    const timer = setTimeout(() => {
      setRunning(true)
      coreClient()
        .diff(schema, base, target, { external: baseId === fileBase, mode, inputs, config })
        .then(
          (result) => !stale && setOutcome({ kind: 'done', result, onDesign: target === 'current', schema, base: result.aligned ?? base }),
          (e: unknown) => !stale && setOutcome({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
        )
        .finally(() => !stale && setRunning(false))
    }, 120)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [schema, base, target, baseId, mode, inputs, config])

  useEffect(() => {
    if (outcome.kind === 'done' && outcome.onDesign) showChangeMarks(outcome.result.changes, outcome.base, outcome.schema)
    else clearChangeMarks()
  }, [outcome])
  useEffect(() => () => clearChangeMarks(), [])

  const result = outcome.kind === 'done' ? outcome.result : undefined
  const fields = useMemo(() => (result ? inputFields(result.up.inputs, result.down.inputs) : []), [result])
  const counts = result ? countMarks(result.changes) : undefined
  const missing = fields.filter((f) => (values[f.changeId] ?? '').trim() === '').length
  const blocked = result ? [...result.up.diagnostics, ...result.down.diagnostics].filter((d) => d.severity === 'error') : []
  const name = description ?? (result ? describeMigration(result.changes) : '')
  const preview = fileNames(new Date(), name)

  const baseOptions = [
    ...[...versions].reverse().map((v) => ({ value: v.id, label: `${v.message} · ${formatVersionTime(v.at)}` })),
    ...(external ? [{ value: fileBase, label: `File: ${external.name}` }] : []),
  ]
  const targetOptions = [{ value: 'current', label: 'The design as it is now' }, ...[...versions].reverse().map((v) => ({ value: v.id, label: `${v.message} · ${formatVersionTime(v.at)}` }))]

  async function chooseBase() {
    setFileError(undefined)
    try {
      const r = await readBaseFile()
      if (!r) return
      if ('error' in r) return setFileError(r.error)
      setExternal(r)
      setBaseChoice(fileBase)
    } catch (e) {
      setFileError(`The file could not be read: ${(e as Error).message}`)
    }
  }

  function download() {
    if (!result) return
    const names = fileNames(new Date(), name)
    downloadText(result.up.text, names.up, 'application/sql')
    downloadText(result.down.text, names.down, 'application/sql')
    appStore.getState().notify({ tone: 'success', message: `Downloaded “${names.up}” and “${names.down}”.` })
  }

  const close = () => appStore.getState().setPanel('migrations', false)
  const saveVersion = () => appStore.getState().openDialog({ kind: 'saveVersion' })

  const head = (
    <div className="cf-mig__head">
      <h2 className="cf-mig__title">Migrations</h2>
      <span className="cf-mig__status" role="status">
        {running ? 'Planning…' : ''}
      </span>
      <IconButton size="sm" label="Save version" onClick={saveVersion}>
        <BookmarkPlus size={15} aria-hidden />
      </IconButton>
      <IconButton size="sm" label="Close migrations" onClick={close}>
        <X size={15} aria-hidden />
      </IconButton>
    </div>
  )

  if (versions.length === 0 && !external)
    return (
      <aside className="cf-mig" aria-label="Migrations">
        {head}
        <div className="cf-mig__intro">
          <p>
            Save a version, change the design, and the migration from that version appears here: the changes, the up and down SQL with its hazards, and both
            files to download.
          </p>
          <div className="cf-mig__intro-actions">
            <Button variant="primary" icon={<BookmarkPlus size={15} aria-hidden />} onClick={saveVersion}>
              Save version
            </Button>
            <Button icon={<FileUp size={15} aria-hidden />} onClick={() => void chooseBase()}>
              Compare with a file…
            </Button>
          </div>
          {fileError ? (
            <p className="cf-mig__error" role="alert">
              {fileError}
            </p>
          ) : null}
        </div>
      </aside>
    )

  const planTab = (which: 'up' | 'down') => {
    if (!result) return null
    const plan = result[which]
    const general = plan.findings.filter((f) => f.stepId === undefined)
    return (
      <>
        <div className="cf-mig__bar">
          <SegmentedControl
            label="Show"
            value={view}
            onChange={setView}
            options={[
              { value: 'steps', label: 'Steps' },
              { value: 'file', label: 'File' },
            ]}
          />
          <span className="cf-mig__counts">
            {plan.steps.length} {plan.steps.length === 1 ? 'step' : 'steps'}
          </span>
        </div>
        {which === 'down' ? <p className="cf-mig__note">A down migration restores the schema, not the data: what the up migration dropped comes back empty.</p> : null}
        {plan.diagnostics.length > 0 || general.length > 0 ? (
          <ul className="cf-mig__findings" aria-label={`Notes on the ${which} migration`}>
            {plan.diagnostics.map((d, i) => (
              <FindingLine key={`d${i}`} finding={{ rule: d.code, severity: d.severity, message: d.message, target: d.target ?? {} }} />
            ))}
            {general.map((f, i) => (
              <FindingLine key={`g${i}`} finding={f} />
            ))}
          </ul>
        ) : null}
        {view === 'steps' ? (
          <PlanSteps plan={plan} label={`Steps of the ${which} migration`} simple={mode === 'simple'} />
        ) : (
          <div className="cf-mig__file">
            <CodeView text={plan.text} label={`${which === 'up' ? 'Up' : 'Down'} migration SQL`} />
          </div>
        )}
      </>
    )
  }

  const errors = result ? result.up.findings.filter((f) => f.severity === 'error').length : 0
  const warnings = result ? result.up.findings.filter((f) => f.severity === 'warning').length : 0

  return (
    <aside className="cf-mig" aria-label="Migrations">
      {head}
      <div className="cf-mig__scroll">
        <div className="cf-mig__choose">
          <div className="cf-mig__pair">
            <SelectField label="From" value={baseId ?? ''} options={baseOptions} onChange={(e) => setBaseChoice(e.target.value)} />
            <Button size="sm" variant="ghost" icon={<FileUp size={14} aria-hidden />} onClick={() => void chooseBase()} title="Compare with a file in any importable format">
              File…
            </Button>
          </div>
          <SelectField label="To" value={targetId} options={targetOptions} onChange={(e) => setTargetChoice(e.target.value)} />
          <SegmentedControl
            label="Migration mode"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'safe', label: 'Safe (zero-downtime)' },
              { value: 'simple', label: 'Simple (development)' },
            ]}
          />
          {fileError ? (
            <p className="cf-mig__error" role="alert">
              {fileError}
            </p>
          ) : null}
          {result?.matchedByName ? <p className="cf-mig__note">The file shares no ids with the design: its objects are matched by name, so a rename reads as a removal and an addition.</p> : null}
          {outcome.kind === 'failed' ? (
            <p className="cf-mig__error" role="alert">
              The migration could not be planned: {outcome.message}
            </p>
          ) : null}
          {outcome.kind === 'done' && !outcome.onDesign ? <p className="cf-mig__note">The diagram shows the design as it is now; its marks appear when the target is the design.</p> : null}
        </div>

        {result && counts ? (
          <p className="cf-mig__summary">
            {result.changes.length === 0
              ? 'No changes: both hold the same schema.'
              : `${result.changes.length} ${result.changes.length === 1 ? 'change' : 'changes'}: ${(['added', 'removed', 'renamed', 'changed'] as const)
                  .filter((m) => counts[m] > 0)
                  .map((m) => `${counts[m]} ${m}`)
                  .join(', ')}. ${result.up.steps.length} ${result.up.steps.length === 1 ? 'step' : 'steps'}; ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`}
          </p>
        ) : null}

        {fields.length > 0 ? (
          <fieldset className="cf-mig__inputs">
            <legend>Values the migration needs</legend>
            {fields.map((f) => {
              const subject = subjectOf(f.prompt)
              return (
                <div key={f.changeId} className="cf-mig__input">
                  <TextField
                    label={`${inputKindLabels[f.kind]}${subject ? ` for ${subject}` : ''}`}
                    mono
                    value={values[f.changeId] ?? ''}
                    placeholder={f.suggestion}
                    onChange={(e) => setValues((v) => ({ ...v, [f.changeId]: e.target.value }))}
                    hint={`${f.prompt}${f.direction === 'both' ? '' : f.direction === 'up' ? ' (up migration)' : ' (down migration)'}`}
                  />
                  {f.suggestion !== undefined && (values[f.changeId] ?? '') === '' ? (
                    <Button size="sm" variant="ghost" onClick={() => setValues((v) => ({ ...v, [f.changeId]: f.suggestion! }))}>
                      Use {f.suggestion}
                    </Button>
                  ) : null}
                </div>
              )
            })}
          </fieldset>
        ) : null}

        <Tabs
          label="Migration views"
          idPrefix={tabPrefix}
          value={tab}
          onChange={setTab}
          tabs={[
            { id: 'changes', label: 'Changes', badge: result ? <span className="cf-mig__badge">{result.changes.length}</span> : undefined },
            { id: 'up', label: 'Up' },
            { id: 'down', label: 'Down' },
            { id: 'versions', label: 'Versions', badge: <span className="cf-mig__badge">{versions.length}</span> },
          ]}
        />
        <div className="cf-mig__panel" role="tabpanel" id={tabPanelId(tabPrefix, tab)} aria-labelledby={tabId(tabPrefix, tab)}>
          {tab === 'changes' ? (
            result ? (
              result.changes.length === 0 ? (
                <p className="cf-mig-empty">Nothing changed.</p>
              ) : (
                <ChangeList changes={result.changes} />
              )
            ) : (
              <p className="cf-mig-empty">{base ? 'Comparing…' : 'Choose what to compare.'}</p>
            )
          ) : tab === 'versions' ? (
            <>
              <div className="cf-mig__bar">
                <Button size="sm" icon={<BookmarkPlus size={14} aria-hidden />} onClick={saveVersion}>
                  Save version
                </Button>
              </div>
              {versions.length === 0 ? (
                <p className="cf-mig-empty">No saved versions yet.</p>
              ) : (
                <VersionList
                  versions={versions}
                  onCompare={(id) => {
                    setBaseChoice(id)
                    setTargetChoice('current')
                    setTab('changes')
                  }}
                />
              )}
            </>
          ) : (
            planTab(tab)
          )}
        </div>
      </div>

      <div className="cf-mig__foot">
        <TextField label="Migration name" value={name} maxLength={80} onChange={(e) => setDescription(e.target.value)} hint={`${preview.up} and .down.sql`} />
        <Button variant="primary" icon={<Download size={15} aria-hidden />} disabled={!result || result.changes.length === 0 || blocked.length > 0} onClick={download} title={missing > 0 ? `${missing} value(s) still needed` : 'Download the up and down files'}>
          Download
        </Button>
        {missing > 0 && result ? <p className="cf-mig__warn">{missing === 1 ? 'One value is' : `${missing} values are`} still needed: the files say where.</p> : null}
      </div>
    </aside>
  )
}
