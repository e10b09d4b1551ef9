/**
 * The top edge of the problems panel: drag it, or focus it and press the arrow keys, to give the
 * list more or less room. It sets the workspace's --cf-problems-height, so nothing else moves.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'

const minHeight = 120
const step = 24
let remembered: number | undefined

export function PanelResizer() {
  const ref = useRef<HTMLDivElement>(null)
  const [height, setHeight] = useState<number | undefined>(remembered)

  const host = () => ref.current?.closest<HTMLElement>('.cf-app__center') ?? undefined
  const maxHeight = () => Math.max(minHeight, (host()?.clientHeight ?? 600) - 160)
  const clamp = (h: number) => Math.round(Math.min(maxHeight(), Math.max(minHeight, h)))

  useEffect(() => {
    const el = host()
    if (!el) return
    if (height === undefined) setHeight(ref.current?.parentElement?.getBoundingClientRect().height ?? 240)
    else el.style.setProperty('--cf-problems-height', `${height}px`)
    remembered = height
  }, [height])

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const panel = ref.current?.parentElement
    if (!panel) return
    event.preventDefault()
    const startY = event.clientY
    const start = panel.getBoundingClientRect().height
    const target = event.currentTarget
    target.setPointerCapture(event.pointerId)
    const move = (e: globalThis.PointerEvent) => setHeight(clamp(start + startY - e.clientY))
    const up = () => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = { ArrowUp: step, ArrowDown: -step, PageUp: step * 4, PageDown: -step * 4 }[event.key]
    if (delta === undefined || height === undefined) return
    event.preventDefault()
    setHeight(clamp(height + delta))
  }

  return (
    <div
      ref={ref}
      className="cf-problems__resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Problems panel height"
      aria-valuemin={minHeight}
      aria-valuemax={height === undefined ? undefined : maxHeight()}
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
