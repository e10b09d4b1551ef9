/**
 * Pan and zoom over a drawing, without re-rendering it: the drawing sits in one element moved by a
 * CSS transform. Drag to pan, wheel to zoom at the pointer, arrow keys and +/- from the keyboard.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode } from 'react'
import { Maximize, Minus, Plus } from 'lucide-react'
import { IconButton } from '../components/Button.tsx'

export interface ViewportApi {
  fit(): void
  /** Centres a box of the drawing, zooming in to at least `minScale`. */
  reveal(box: { x: number; y: number; width: number; height: number }): void
}

interface Props {
  readonly width: number
  readonly height: number
  readonly children: ReactNode
  /** A press that did not move: the element pressed, for picking objects. */
  readonly onPick?: (target: Element) => void
  readonly label: string
  readonly controls?: boolean
  /** The zoom after every change, so the drawing can choose its level of detail. */
  readonly onScale?: (k: number) => void
}

interface View {
  readonly x: number
  readonly y: number
  readonly k: number
}

const minK = 0.05
const maxK = 3

export const Viewport = forwardRef<ViewportApi, Props>(function Viewport({ width, height, children, onPick, label, controls = true, onScale }, ref) {
  const outer = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 })
  const drag = useRef<{ x: number; y: number; vx: number; vy: number; moved: boolean; id: number } | undefined>(undefined)

  const fit = useCallback(() => {
    const el = outer.current
    if (!el) return
    const w = el.clientWidth
    const h = el.clientHeight
    const k = Math.min(1, Math.max(minK, Math.min(w / width, h / height)))
    setView({ k, x: (w - width * k) / 2, y: (h - height * k) / 2 })
  }, [width, height])

  useImperativeHandle(
    ref,
    () => ({
      fit,
      reveal(box) {
        const el = outer.current
        if (!el) return
        const w = el.clientWidth
        const h = el.clientHeight
        setView((v) => {
          const k = Math.max(v.k, Math.min(1, (w * 0.8) / box.width, (h * 0.8) / box.height))
          return { k, x: w / 2 - (box.x + box.width / 2) * k, y: h / 2 - (box.y + box.height / 2) * k }
        })
      },
    }),
    [fit],
  )

  useEffect(() => onScale?.(view.k), [view.k, onScale])

  useEffect(() => {
    fit()
    const el = outer.current
    if (!el) return
    const observer = new ResizeObserver(() => fit())
    observer.observe(el)
    return () => observer.disconnect()
  }, [fit])

  // Wheel needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = outer.current
    if (!el) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = el.getBoundingClientRect()
      const px = event.clientX - rect.left
      const py = event.clientY - rect.top
      setView((v) => zoomAt(v, px, py, Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015))))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [])

  const zoomBy = (factor: number) => {
    const el = outer.current
    if (!el) return
    setView((v) => zoomAt(v, el.clientWidth / 2, el.clientHeight / 2, factor))
  }

  return (
    <div
      ref={outer}
      className="cf-viewport"
      tabIndex={0}
      aria-label={label}
      role="region"
      onPointerDown={(e) => {
        if (e.button !== 0 || (e.target instanceof Element && e.target.closest('.cf-viewport__controls'))) return
        drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, id: e.pointerId }
      }}
      onPointerMove={(e) => {
        const d = drag.current
        if (!d || d.id !== e.pointerId) return
        const dx = e.clientX - d.x
        const dy = e.clientY - d.y
        if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return
        if (!d.moved) outer.current?.setPointerCapture(e.pointerId)
        d.moved = true
        setView((v) => ({ ...v, x: d.vx + dx, y: d.vy + dy }))
      }}
      onPointerUp={(e) => {
        const d = drag.current
        drag.current = undefined
        if (d && !d.moved && e.target instanceof Element) onPick?.(e.target)
      }}
      onPointerCancel={() => (drag.current = undefined)}
      onKeyDown={(e) => {
        const step = 60
        const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }
        const move = moves[e.key]
        if (move) {
          e.preventDefault()
          setView((v) => ({ ...v, x: v.x + move[0], y: v.y + move[1] }))
        } else if (e.key === '+' || e.key === '=') zoomBy(1.2)
        else if (e.key === '-') zoomBy(1 / 1.2)
        else if (e.key === '0') fit()
      }}
    >
      <div className="cf-viewport__content" style={{ width, height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})` }}>
        {children}
      </div>
      {controls ? (
        <div className="cf-viewport__controls" role="group" aria-label="Zoom">
          <IconButton label="Zoom in" size="sm" variant="secondary" onClick={() => zoomBy(1.25)}>
            <Plus size={15} aria-hidden />
          </IconButton>
          <IconButton label="Zoom out" size="sm" variant="secondary" onClick={() => zoomBy(0.8)}>
            <Minus size={15} aria-hidden />
          </IconButton>
          <IconButton label="Zoom to fit" size="sm" variant="secondary" onClick={fit}>
            <Maximize size={14} aria-hidden />
          </IconButton>
        </div>
      ) : null}
    </div>
  )
})

function zoomAt(v: View, px: number, py: number, factor: number): View {
  const k = Math.min(maxK, Math.max(minK, v.k * factor))
  const f = k / v.k
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f }
}
