/**
 * The left edge of the code panel: drag it, or focus it and press the arrow keys, to give the text
 * more or less room. It sets the workspace's --cf-code-width, so the canvas gives way and nothing
 * else moves. The width is remembered for the next visit.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'

const minWidth = 320
const step = 32
const storageKey = 'crowsfoot.code.width'

function remembered(): number | undefined {
  try {
    const n = Number(localStorage.getItem(storageKey))
    return Number.isFinite(n) && n >= minWidth ? n : undefined
  } catch {
    return undefined
  }
}

export function CodeResizer() {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState<number | undefined>(remembered)

  const host = () => ref.current?.closest<HTMLElement>('.cf-app') ?? undefined
  const maxWidth = () => Math.max(minWidth, (host()?.clientWidth ?? 1200) - 420)
  const clamp = (w: number) => Math.round(Math.min(maxWidth(), Math.max(minWidth, w)))

  useEffect(() => {
    const el = host()
    if (!el) return
    if (width === undefined) {
      setWidth(ref.current?.parentElement?.getBoundingClientRect().width ?? 480)
      return
    }
    el.style.setProperty('--cf-code-width', `${width}px`)
    try {
      localStorage.setItem(storageKey, String(width))
    } catch {
      // Not remembered; the width still applies now.
    }
  }, [width])

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const panel = ref.current?.parentElement
    if (!panel) return
    event.preventDefault()
    const startX = event.clientX
    const start = panel.getBoundingClientRect().width
    const target = event.currentTarget
    target.setPointerCapture(event.pointerId)
    const move = (e: globalThis.PointerEvent) => setWidth(clamp(start + startX - e.clientX))
    const up = () => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = { ArrowLeft: step, ArrowRight: -step, PageUp: step * 4, PageDown: -step * 4 }[event.key]
    if (delta === undefined || width === undefined) return
    event.preventDefault()
    setWidth(clamp(width + delta))
  }

  return (
    <div
      ref={ref}
      className="cf-code-panel__resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Code panel width"
      aria-valuemin={minWidth}
      aria-valuemax={width === undefined ? undefined : maxWidth()}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
