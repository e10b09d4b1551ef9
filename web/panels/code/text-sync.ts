/**
 * Keeps one editable text (DBML or SQL) and the design the same thing, both ways.
 *
 * Text → design: after a pause in typing (or at once, `flush`), the worker parses the text as an
 * edit of the current design (renames keep their ids) and answers with the tables that changed;
 * that becomes one undoable `apply`. Typing in bursts merges into one history entry.
 *
 * Design → text: a change from anywhere else (canvas, inspector, undo) re-renders the text with
 * the smallest edit, so the cursor stays. Keystrokes not yet in the design are never overwritten:
 * while there are any (waiting, or a text that does not parse), the re-render waits.
 */
import type { Diagnostic, Schema } from '@core'
import { hasErrors } from '@core'
import type { AppStore } from '../../store/index.ts'
import type { CoreClient } from '../../worker/client.ts'
import { applySchemaDelta, isEmptyDelta } from '../../worker/schema-delta.ts'
import { replacedLayout } from '../import/import-flow.ts'
import { minimalEdit } from './line-edits.ts'
import type { monaco } from './monaco.ts'
import { readDraft, writeDraft, type CodeViewId } from './views.ts'

type Monaco = typeof monaco

export type SyncStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'synced' }
  | { readonly kind: 'typing' }
  | { readonly kind: 'parsing' }
  /** The diagram changed and its new text is on its way. */
  | { readonly kind: 'rendering' }
  /** The text does not parse: the design is the last one that did. */
  | { readonly kind: 'error'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'failed'; readonly message: string }

/** The pause after the last keystroke before the text is parsed. */
export const parseDelayMs = 400
const markerOwner = 'crowsfoot-parse'

export class TextSync {
  status: SyncStatus = { kind: 'loading' }
  /** Keystrokes not yet in the design (waiting to be parsed, or not parsing). */
  dirty = false
  private timer: ReturnType<typeof setTimeout> | undefined
  /** The design the text stands for: when the store has this schema, nothing needs rendering. */
  private textSchema: Schema | undefined
  /** The text when it last matched the design: what the next parse is compared with. */
  private baseText: string | undefined
  private parseRun = 0
  private renderRun = 0
  private rendering = false
  private disposed = false
  private readonly subscriptions: Array<() => void> = []

  constructor(
    private readonly monaco: Monaco,
    readonly model: ReturnType<Monaco['editor']['createModel']>,
    readonly view: CodeViewId,
    private readonly store: AppStore,
    private readonly client: CoreClient,
    private readonly onStatus: (status: SyncStatus) => void,
  ) {
    const change = model.onDidChangeContent(() => this.onTyped())
    this.subscriptions.push(() => change.dispose())
    // Leaving the page within the draft's pause still keeps every keystroke.
    const leave = () => this.saveDraft()
    addEventListener('pagehide', leave)
    this.subscriptions.push(() => removeEventListener('pagehide', leave))
    this.subscriptions.push(
      store.subscribe((state, prev) => {
        if (state.projectId !== prev.projectId) this.reset()
        else if (state.document.schema !== prev.document.schema) this.onDesignChanged()
      }),
    )
    this.reset()
  }

  dispose(): void {
    this.saveDraft()
    this.disposed = true
    clearTimeout(this.timer)
    for (const off of this.subscriptions) off()
  }

  /** Parses now (Ctrl+Enter), without waiting for the pause. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    return this.parse()
  }

  /** Drops the typed text that is not in the design and shows the design again. */
  discard(): void {
    clearTimeout(this.timer)
    this.parseRun++
    this.dirty = false
    clearTimeout(this.draftTimer)
    writeDraft(this.store.getState().projectId, this.view, undefined)
    this.monaco.editor.setModelMarkers(this.model, markerOwner, [])
    void this.render()
  }

  /** A new design was opened: its own draft if it has one, else its text. */
  private reset(): void {
    clearTimeout(this.timer)
    this.parseRun++
    this.textSchema = undefined
    const draft = readDraft(this.store.getState().projectId, this.view)
    if (draft !== undefined) {
      this.baseText = draft.base
      this.setText(draft.text, false)
      this.dirty = true
      void this.parse()
    } else {
      this.dirty = false
      void this.render()
    }
  }

  private onTyped(): void {
    if (this.rendering || this.disposed) return
    this.dirty = true
    this.scheduleDraft()
    this.setStatus({ kind: 'typing' })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.parse(), parseDelayMs)
  }

  /** The text in progress, kept for this tab's session; written after a short pause in typing. */
  private draftTimer: ReturnType<typeof setTimeout> | undefined
  private scheduleDraft(): void {
    clearTimeout(this.draftTimer)
    this.draftTimer = setTimeout(() => this.saveDraft(), 200)
  }
  saveDraft(): void {
    clearTimeout(this.draftTimer)
    this.draftTimer = undefined
    if (this.dirty) writeDraft(this.store.getState().projectId, this.view, { text: this.model.getValue(), base: this.baseText })
  }

  private onDesignChanged(): void {
    if (this.store.getState().document.schema === this.textSchema) return
    // Unparsed keystrokes are kept: they are merged with this change when they are parsed.
    if (this.dirty) return
    this.setStatus({ kind: 'rendering' })
    void this.render()
  }

  private async parse(): Promise<void> {
    const run = ++this.parseRun
    const text = this.model.getValue()
    const current = this.store.getState().document.schema
    // The text describes the design it was written from; a canvas edit since then is not in it.
    // Parsed against that design, the delta holds only what was typed, and applied to the current
    // design it keeps the canvas edit (a table edited on both sides takes the text's version).
    const base = this.textSchema ?? current
    this.setStatus({ kind: 'parsing' })
    let result: Awaited<ReturnType<CoreClient['parseText']>>
    try {
      result = await this.client.parseText(this.view, text, base, this.baseText)
    } catch (e) {
      if (run === this.parseRun) this.setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) })
      return
    }
    if (run !== this.parseRun || this.disposed) return
    // The design moved while the worker parsed (a canvas edit): parse again against it.
    if (this.store.getState().document.schema !== current) return void this.parse()
    this.showMarkers(result.diagnostics)
    if (!result.ok || hasErrors(result.diagnostics)) {
      this.setStatus({ kind: 'error', diagnostics: result.diagnostics.filter((d) => d.severity === 'error') })
      return
    }
    const { delta, groups } = result
    if (!isEmptyDelta(delta) || groups) {
      this.store.getState().apply(
        this.view === 'dbml' ? 'Edit DBML' : 'Edit SQL',
        (doc) => {
          const schema = applySchemaDelta(doc.schema, delta)
          const layout = replacedLayout(doc.layout, schema, groups)
          const groupsChanged = !sameGroups(layout, doc.layout)
          if (schema === doc.schema && !groupsChanged) return doc
          return { ...doc, schema, layout: groupsChanged ? layout : doc.layout }
        },
        { coalesce: `code:${this.view}` },
      )
    }
    this.textSchema = this.store.getState().document.schema
    this.baseText = text
    // Typed again while this parse ran: the newer text is still waiting for its own parse.
    if (this.model.getValue() !== text) return
    this.dirty = false
    clearTimeout(this.draftTimer)
    writeDraft(this.store.getState().projectId, this.view, undefined)
    // Merged with a canvas edit the text did not have: show the design as it now is.
    if (base !== current) {
      this.setStatus({ kind: 'rendering' })
      return void this.render()
    }
    this.setStatus({ kind: 'synced' })
  }

  private async render(): Promise<void> {
    const run = ++this.renderRun
    const schema = this.store.getState().document.schema
    let text: string
    try {
      // With the design's name and notes, so the DBML Project block names this design.
      const { schema: _, ...meta } = this.store.getState().document
      text = (await this.client.export(schema, this.view, meta)).text
    } catch (e) {
      if (run === this.renderRun) this.setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) })
      return
    }
    // Newer design, newer render, or the user started typing meanwhile: this text is stale.
    if (run !== this.renderRun || this.disposed || this.dirty || this.store.getState().document.schema !== schema) return
    this.setText(text, true)
    this.textSchema = schema
    this.baseText = text
    this.monaco.editor.setModelMarkers(this.model, markerOwner, [])
    this.setStatus({ kind: 'synced' })
    // Parsed once now, while nobody waits: the parser is loaded and this text is the baseline the
    // first keystroke is compared with, so that keystroke costs one parse, not a cold start and two.
    void this.client.parseText(this.view, text, schema).catch(() => undefined)
  }

  /** Replaces the text with the smallest edit, on Monaco's undo stack, cursor kept. */
  private setText(text: string, minimal: boolean): void {
    const before = this.model.getValue()
    const edit = minimal ? minimalEdit(before, text) : before === text ? undefined : { start: 0, end: before.length, text }
    if (!edit) return
    const range = this.monaco.Range.fromPositions(this.model.getPositionAt(edit.start), this.model.getPositionAt(edit.end))
    this.rendering = true
    try {
      this.model.pushEditOperations([], [{ range, text: edit.text }], () => null)
    } finally {
      this.rendering = false
    }
  }

  private showMarkers(diagnostics: readonly Diagnostic[]): void {
    const { MarkerSeverity } = this.monaco
    const lines = this.model.getLineCount()
    const markers = diagnostics.flatMap((d) => {
      if (!d.location) return []
      const line = Math.min(Math.max(1, d.location.line), lines)
      const column = Math.max(1, d.location.column)
      const word = this.model.getWordAtPosition({ lineNumber: line, column })
      const endLine = d.location.endLine ?? line
      const endColumn = d.location.endColumn ?? (word && word.startColumn <= column ? word.endColumn : Math.max(column + 1, this.model.getLineMaxColumn(line)))
      const severity = d.severity === 'error' ? MarkerSeverity.Error : d.severity === 'warning' ? MarkerSeverity.Warning : MarkerSeverity.Info
      return [{ severity, message: d.message, startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn, source: d.code }]
    })
    this.monaco.editor.setModelMarkers(this.model, markerOwner, markers)
  }

  private setStatus(status: SyncStatus): void {
    this.status = status
    if (!this.disposed) this.onStatus(status)
  }
}

function sameGroups(a: { groups?: unknown }, b: { groups?: unknown }): boolean {
  return JSON.stringify(a.groups ?? []) === JSON.stringify(b.groups ?? [])
}
