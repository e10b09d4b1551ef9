/**
 * What commands outside the canvas need from it (where the user is looking, fitting the view).
 * The canvas registers itself while mounted; without one, callers get sensible defaults, so
 * commands stay testable without React Flow.
 */
import type { TableId } from '@core'
import type { Point } from '../store/document-slice.ts'

export interface CanvasApi {
  /** The centre of the visible part of the diagram, in diagram coordinates. */
  viewportCenter(): Point
  fitView(): void
  /** Brings these tables into view (zooming out if they do not fit). */
  revealTables(ids: readonly TableId[]): void
  /** The drawn size of a table, when it has been measured. */
  measuredSize(id: TableId): { readonly width: number; readonly height: number } | undefined
}

let current: CanvasApi | undefined

export function registerCanvas(api: CanvasApi): () => void {
  current = api
  return () => {
    if (current === api) current = undefined
  }
}

export function canvasApi(): CanvasApi {
  return (
    current ?? {
      viewportCenter: () => ({ x: 0, y: 0 }),
      fitView: () => {},
      revealTables: () => {},
      measuredSize: () => undefined,
    }
  )
}
