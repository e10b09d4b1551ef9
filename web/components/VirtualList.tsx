/**
 * A list that renders only the rows in view, so a list of 1,000 tables or 10,000 findings costs
 * the DOM of one screenful. Rows have one fixed height; the list is a WAI-ARIA listbox when given
 * a label, and keeps an `activeIndex` in view for keyboard navigation.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react'

interface VirtualListProps<T> {
  readonly items: readonly T[]
  readonly rowHeight: number
  readonly renderRow: (item: T, index: number) => ReactNode
  readonly getKey: (item: T, index: number) => string
  readonly className?: string
  /** Rows drawn beyond the visible ones, so fast scrolling shows no gaps. */
  readonly overscan?: number
  readonly activeIndex?: number
  readonly role?: string
  readonly ariaLabel?: string
}

export function VirtualList<T>({ items, rowHeight, renderRow, getKey, className, overscan = 8, activeIndex, role, ariaLabel }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    setHeight(el.clientHeight)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const el = ref.current
    if (!el || activeIndex === undefined || activeIndex < 0) return
    const top = activeIndex * rowHeight
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight
  }, [activeIndex, rowHeight])

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan)
  const rows: ReactNode[] = []
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={getKey(items[i]!, i)} style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(items[i]!, i)}
      </div>,
    )
  }
  return (
    <div ref={ref} className={className} style={{ overflowY: 'auto', position: 'relative' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} role={role} aria-label={ariaLabel}>
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  )
}
