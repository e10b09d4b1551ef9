/**
 * Where the inspector came from when it jumped to an enum (the column whose type picker said
 * "New enum…", or whose "Edit enum" was pressed), so the enum view can offer the way back.
 * View state, not document state: kept in memory, never in history.
 */
import type { ColumnId, EnumId, TableId } from '@core'

export interface ReturnTo {
  readonly enumId: EnumId
  readonly tableId: TableId
  readonly columnId: ColumnId
}

let freshEnum: EnumId | undefined

/** A just-created enum opens with its name selected, ready to be typed over (once). */
export function markFresh(enumId: EnumId): void {
  freshEnum = enumId
}

export function takeFresh(enumId: EnumId): boolean {
  if (freshEnum !== enumId) return false
  freshEnum = undefined
  return true
}

let returnTo: ReturnTo | undefined

export function rememberReturn(to: ReturnTo | undefined): void {
  returnTo = to
}

export function findReturn(enumId: EnumId): ReturnTo | undefined {
  return returnTo?.enumId === enumId ? returnTo : undefined
}
