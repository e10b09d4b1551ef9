/**
 * Read-only code with line numbers. Short outputs are one <pre>, selectable like any text; long
 * ones (a 1,000-table schema is tens of thousands of lines) draw only the lines in view, so the
 * dialog stays quick. Monaco replaces this with the code panel.
 */
import { useEffect, useMemo, useRef, useState } from 'react'

const lineHeight = 19
/** Up to this many lines the whole text is in the DOM. */
const plainLimit = 3000

interface Props {
  readonly text: string
  readonly label: string
}

export function CodeView({ text, label }: Props) {
  const lines = useMemo(() => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'), [text])
  const gutter = String(lines.length).length
  if (lines.length <= plainLimit) {
    return (
      <div className="cf-code" role="region" aria-label={label} tabIndex={0} style={{ ['--cf-gutter' as string]: `${gutter + 1}ch` }}>
        <pre className="cf-code__gutter" aria-hidden="true">
          {lines.map((_, i) => i + 1).join('\n')}
        </pre>
        <pre className="cf-code__text">{lines.join('\n')}</pre>
      </div>
    )
  }
  return <WindowedCode lines={lines} label={label} gutter={gutter} />
}

function WindowedCode({ lines, label, gutter }: { readonly lines: readonly string[]; readonly label: string; readonly gutter: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  const [height, setHeight] = useState(600)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  useEffect(() => {
    ref.current?.scrollTo({ top: 0 })
    setTop(0)
  }, [lines])
  const width = useMemo(() => lines.reduce((w, l) => Math.max(w, l.length), 0), [lines])
  const first = Math.max(0, Math.floor(top / lineHeight) - 20)
  const last = Math.min(lines.length, Math.ceil((top + height) / lineHeight) + 20)
  const shown = lines.slice(first, last)
  return (
    <div
      ref={ref}
      className="cf-code cf-code--windowed"
      role="region"
      aria-label={`${label} (${lines.length.toLocaleString('en-US')} lines; use Copy or Download for all of it)`}
      tabIndex={0}
      style={{ ['--cf-gutter' as string]: `${gutter + 1}ch` }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div className="cf-code__sizer" style={{ height: lines.length * lineHeight + 16, width: `calc(var(--cf-gutter) + ${width + 4}ch)` }}>
        <div className="cf-code__window" style={{ transform: `translateY(${first * lineHeight}px)` }}>
          <pre className="cf-code__gutter" aria-hidden="true">
            {shown.map((_, i) => first + i + 1).join('\n')}
          </pre>
          <pre className="cf-code__text">{shown.join('\n')}</pre>
        </div>
      </div>
    </div>
  )
}
