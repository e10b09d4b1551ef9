/**
 * Keyboard and drag behaviour of an editable row list (columns, enum values), on top of the pure
 * model in row-keys.ts. Rows and their main field register refs; focus requests wait for the row
 * to exist, so "add a row and type its name" works in one key press.
 */
import { useCallback, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import { isMac } from '../../commands/keys.ts'
import { dropIndex, rowKeyAction, type RowAction, type RowKeyOptions, type RowPlace } from './row-keys.ts'

export type ListAction<Id> = Exclude<RowAction, { kind: 'focus-field' | 'focus-row' }> & { readonly id: Id }

interface DragState {
  readonly from: number
  readonly over?: number
  readonly lower?: boolean
}

interface FocusRequest<Id> {
  readonly id: Id
  readonly place: RowPlace
}

function isTextInput(el: EventTarget): boolean {
  return el instanceof HTMLInputElement ? el.type === 'text' || el.type === '' || el.getAttribute('role') === 'combobox' : el instanceof HTMLTextAreaElement
}

export function useRowList<Id extends string>(ids: readonly Id[], onAction: (action: ListAction<Id>) => void, options: RowKeyOptions = {}) {
  const rows = useRef(new Map<Id, HTMLElement>())
  const fields = useRef(new Map<Id, HTMLInputElement>())
  const [request, setRequest] = useState<FocusRequest<Id>>()
  const [drag, setDragState] = useState<DragState>()
  // Drag events can arrive before React re-renders after dragstart: handlers read the ref.
  const dragRef = useRef<DragState | undefined>(undefined)
  const setDrag = useCallback((next: DragState | undefined) => {
    dragRef.current = next
    setDragState(next)
  }, [])
  const latest = useRef({ ids, onAction, options })
  latest.current = { ids, onAction, options }

  useLayoutEffect(() => {
    if (!request) return
    const el = request.place === 'field' ? fields.current.get(request.id) : rows.current.get(request.id)
    if (!el) return
    el.focus()
    if (el instanceof HTMLInputElement) el.select()
    el.scrollIntoView?.({ block: 'nearest' })
    setRequest(undefined)
  })

  const focus = useCallback((id: Id, place: RowPlace) => setRequest({ id, place }), [])

  const rowRef = useCallback(
    (id: Id) => (el: HTMLElement | null) => {
      if (el) rows.current.set(id, el)
      else rows.current.delete(id)
    },
    [],
  )
  const fieldRef = useCallback(
    (id: Id) => (el: HTMLInputElement | null) => {
      if (el) fields.current.set(id, el)
      else fields.current.delete(id)
    },
    [],
  )

  /** The row's keydown: from the row itself, its text fields, or (moves and removal only) its buttons. */
  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return
    const { ids: current, onAction: act, options: opts } = latest.current
    const onRow = event.target === event.currentTarget
    const inField = isTextInput(event.target)
    const place: RowPlace = onRow || !inField ? 'row' : 'field'
    const action = rowKeyAction(
      { key: event.key, shift: event.shiftKey, alt: event.altKey, mod: isMac ? event.metaKey : event.ctrlKey },
      place,
      index,
      current.length,
      opts,
    )
    if (!action) return
    // On a button or checkbox in the row, Enter and Space are the control's own.
    if (!onRow && !inField && action.kind !== 'move' && action.kind !== 'remove' && action.kind !== 'duplicate') return
    event.preventDefault()
    const id = current[action.index]!
    if (action.kind === 'focus-field' || action.kind === 'focus-row') setRequest({ id, place: action.kind === 'focus-field' ? 'field' : 'row' })
    else act({ ...action, id })
  }, [])

  /** Props for a row's drag handle and for the row as a drop target. */
  const dragHandle = useCallback(
    (index: number) => ({
      draggable: true,
      onDragStart(event: DragEvent<HTMLElement>) {
        const row = event.currentTarget.closest('[data-cf-row]')
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', String(index))
        if (row instanceof HTMLElement) event.dataTransfer.setDragImage(row, 12, row.offsetHeight / 2)
        setDrag({ from: index })
      },
      onDragEnd() {
        setDrag(undefined)
      },
    }),
    [setDrag],
  )

  const dropTarget = useCallback(
    (index: number) => ({
      onDragOver(event: DragEvent<HTMLElement>) {
        const drag = dragRef.current
        if (!drag) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        const rect = event.currentTarget.getBoundingClientRect()
        const lower = event.clientY > rect.top + rect.height / 2
        if (drag.over !== index || drag.lower !== lower) setDrag({ ...drag, over: index, lower })
      },
      onDrop(event: DragEvent<HTMLElement>) {
        const drag = dragRef.current
        if (!drag) return
        event.preventDefault()
        const rect = event.currentTarget.getBoundingClientRect()
        const to = dropIndex(drag.from, index, event.clientY > rect.top + rect.height / 2)
        const id = latest.current.ids[drag.from]
        setDrag(undefined)
        if (id !== undefined && to !== drag.from) latest.current.onAction({ kind: 'move', index: drag.from, to, id })
      },
    }),
    [setDrag],
  )

  /** `before` / `after` when a dragged row would land next to row `index`. */
  const dropMarker = (index: number): 'before' | 'after' | undefined =>
    drag?.over === index && drag.from !== index ? (drag.lower ? 'after' : 'before') : undefined

  return { rowRef, fieldRef, focus, onRowKeyDown, dragHandle, dropTarget, dropMarker, dragging: drag?.from }
}
