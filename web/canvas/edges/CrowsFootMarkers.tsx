/**
 * The crow's-foot ends as SVG markers, defined once for the whole canvas and referenced by id
 * from every edge (1,000 edges, six markers). Each marker is drawn with the entity at x = 24 and
 * the line arriving from x = 0; `auto-start-reverse` turns the same drawing round for the start
 * of a path, so both ends of an edge face their table.
 */
import type { ChildEnd, ParentEnd } from '@core'

export type End = ParentEnd | ChildEnd

const ends: readonly End[] = ['exactly-one', 'zero-or-one', 'zero-or-many']

export function markerId(end: End, active: boolean): string {
  return `cf-end-${end}${active ? '-active' : ''}`
}

function Glyph({ end }: { end: End }) {
  switch (end) {
    case 'exactly-one':
      return <path d="M12 5v14M17 5v14" />
    case 'zero-or-one':
      return (
        <>
          <path d="M17 5v14" />
          <circle cx="7.5" cy="12" r="3.5" />
        </>
      )
    case 'zero-or-many':
      return (
        <>
          <path d="M13 12 24 4.5M13 12 24 19.5" />
          <circle cx="7.5" cy="12" r="3.5" />
        </>
      )
  }
}

export function CrowsFootMarkers() {
  return (
    <svg className="cf-markers" aria-hidden="true" focusable="false">
      <defs>
        {[false, true].flatMap((active) =>
          ends.map((end) => (
            <marker
              key={markerId(end, active)}
              id={markerId(end, active)}
              className={active ? 'cf-marker cf-marker--active' : 'cf-marker'}
              viewBox="0 0 24 24"
              refX={24}
              refY={12}
              markerWidth={24}
              markerHeight={24}
              // In the edge's own units, so ends scale with zoom exactly as the line does.
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
              overflow="visible"
            >
              <Glyph end={end} />
            </marker>
          )),
        )}
      </defs>
    </svg>
  )
}
