/** The code panel's views: two texts that edit the design, and read-only previews of the rest. */
import { targetById, type ExportTarget } from '../export/export-flow.ts'

export type CodeViewId = ExportTarget['id']

export interface CodeViewDef {
  readonly id: CodeViewId
  readonly label: string
  /** Monaco's language id. */
  readonly language: string
  /** Typed text becomes the design (through the importer of the same id). */
  readonly editable: boolean
  readonly target: ExportTarget
}

const view = (id: CodeViewId, label: string, language: string, editable = false): CodeViewDef => ({ id, label, language, editable, target: targetById(id) })

export const codeViews: readonly CodeViewDef[] = [
  view('dbml', 'DBML', 'dbml', true),
  view('postgres', 'SQL', 'pgsql', true),
  view('prisma', 'Prisma', 'plaintext'),
  view('drizzle', 'Drizzle', 'typescript'),
  view('mermaid', 'Mermaid', 'plaintext'),
  view('markdown', 'Markdown', 'markdown'),
  // JSON is an expression in JavaScript: its highlighting fits without JSON's own worker.
  view('json', 'JSON', 'javascript'),
]

export const codeViewById = (id: string | null | undefined): CodeViewDef => codeViews.find((v) => v.id === id) ?? codeViews[0]!

const viewKey = 'crowsfoot.code.view'
export function storedView(): CodeViewDef {
  try {
    return codeViewById(localStorage.getItem(viewKey))
  } catch {
    return codeViews[0]!
  }
}
export function storeView(id: CodeViewId): void {
  try {
    localStorage.setItem(viewKey, id)
  } catch {
    // Only the choice of view is not remembered.
  }
}

/**
 * Text typed but not yet part of the design (waiting, or not parsing), per design and view, for
 * this tab's session: a reload or a switch of views mid-error loses nothing. Session storage,
 * not the saved design: an unparsed text is not the design, and other tabs must not see it.
 */
const draftKey = (projectId: string | undefined, view: CodeViewId) => `crowsfoot.code.draft:${projectId ?? 'unsaved'}:${view}`

export interface Draft {
  readonly text: string
  /** The text it was typed over (what the design was), to tell what the typing changed. */
  readonly base?: string | undefined
}

export function readDraft(projectId: string | undefined, view: CodeViewId): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(draftKey(projectId, view))
    if (raw === null) return undefined
    const value = JSON.parse(raw) as unknown
    if (typeof value !== 'object' || value === null || typeof (value as Draft).text !== 'string') return undefined
    const { text, base } = value as Draft
    return { text, base: typeof base === 'string' ? base : undefined }
  } catch {
    return undefined
  }
}

export function writeDraft(projectId: string | undefined, view: CodeViewId, draft: Draft | undefined): void {
  try {
    if (draft === undefined) sessionStorage.removeItem(draftKey(projectId, view))
    else sessionStorage.setItem(draftKey(projectId, view), JSON.stringify(draft))
  } catch {
    // Storage full or blocked: the text stays in the editor for as long as the tab lives.
  }
}
