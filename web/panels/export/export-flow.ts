/**
 * The Export dialog's logic, free of React: the targets in the order and with the names the
 * product promises, the download name of each, and one export per design version and target
 * (switching tabs back and forth does not export again).
 */
import type { CrowsfootDocument } from '@core'
import { safeFileName } from '../../persistence/files.ts'
import type { ExportResult } from '../../worker/protocol.ts'

export interface ExportTarget {
  /** The core exporter's id. */
  readonly id: 'postgres' | 'prisma' | 'drizzle' | 'mermaid' | 'dbml' | 'markdown' | 'json'
  readonly label: string
  readonly extension: string
  readonly mime: string
}

export const exportTargets: readonly ExportTarget[] = [
  { id: 'postgres', label: 'PostgreSQL', extension: 'sql', mime: 'application/sql' },
  { id: 'prisma', label: 'Prisma', extension: 'prisma', mime: 'text/plain' },
  { id: 'drizzle', label: 'Drizzle', extension: 'ts', mime: 'text/typescript' },
  { id: 'mermaid', label: 'Mermaid', extension: 'mmd', mime: 'text/plain' },
  { id: 'dbml', label: 'DBML', extension: 'dbml', mime: 'text/plain' },
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
  { id: 'json', label: 'JSON', extension: 'crowsfoot.json', mime: 'application/json' },
]

export function targetById(id: string | undefined): ExportTarget {
  return exportTargets.find((t) => t.id === id) ?? exportTargets[0]!
}

/** `<design-name>.<ext>`, with the characters file systems refuse replaced. */
export function exportFileName(designName: string, target: ExportTarget): string {
  return `${safeFileName(designName)}.${target.extension}`
}

export type Exporter = (document: CrowsfootDocument, target: ExportTarget) => Promise<ExportResult>

/**
 * Remembers each export of a document version. The schema alone decides every target but JSON,
 * which also carries the layout and the name: those are keyed by the whole document.
 */
export class ExportCache {
  private bySchema = new WeakMap<object, Map<string, Promise<ExportResult>>>()

  constructor(private readonly run: Exporter) {}

  get(document: CrowsfootDocument, target: ExportTarget): Promise<ExportResult> {
    const key = target.id === 'json' ? document : document.schema
    let map = this.bySchema.get(key)
    if (!map) this.bySchema.set(key, (map = new Map()))
    let result = map.get(target.id)
    if (!result) {
      result = this.run(document, target)
      // A failure is not remembered: the next look tries again.
      result.catch(() => map!.delete(target.id))
      map.set(target.id, result)
    }
    return result
  }
}

/** What the status line under the code says: lines and size. */
export function describeOutput(text: string): string {
  let lines = text.length === 0 ? 0 : 1
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) lines++
  const bytes = new TextEncoder().encode(text).length
  const size = bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${lines.toLocaleString('en-US')} ${lines === 1 ? 'line' : 'lines'} · ${size}`
}
