/**
 * A table on the canvas: header with the (schema-qualified) name, then one row per column with
 * name, type and key marks. Every row carries a handle on each side, so relationship edges start
 * and end at the very column they join.
 *
 * Zoomed out, the node draws less (see `detailForZoom`): only the key columns and a count of the
 * others, and further out only the name, large. Edges then end at the key rows, or at the middle
 * of the name.
 */
import { createContext, memo, useContext } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useTableMarks, type Mark } from '../change-marks.ts'
import { estimateTableHeight, type TableDetail } from '../metrics.ts'
import { handleId, type ColumnMark, type ColumnRow, type TableFlowNode } from '../to-flow.ts'

/** The canvas provides the detail for its zoom; one context change re-renders each node once. */
export const TableDetailContext = createContext<TableDetail>('full')

const markTitles: Record<ColumnMark, string> = {
  PK: 'Primary key',
  FK: 'Foreign key',
  UQ: 'Unique',
  NN: 'Not null',
}

function Handles({ column }: { column: ColumnRow }) {
  return (
    <>
      <Handle type="source" position={Position.Left} id={handleId(column.id, 'left')} />
      <Handle type="source" position={Position.Right} id={handleId(column.id, 'right')} />
    </>
  )
}

function Row({ column, change }: { column: ColumnRow; change?: Mark | undefined }) {
  const primary = column.marks.includes('PK')
  return (
    <li className={primary ? 'cf-table__row cf-table__row--pk' : 'cf-table__row'} title={column.comment} data-change={change}>
      <span className="cf-table__column">{column.name}</span>
      <span className="cf-table__type">{column.type}</span>
      <span className="cf-table__marks">
        {column.marks.map((mark) => (
          <abbr key={mark} className={`cf-mark cf-mark--${mark.toLowerCase()}`} title={markTitles[mark]}>
            {mark}
          </abbr>
        ))}
      </span>
      <Handles column={column} />
    </li>
  )
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`

/** Break opportunities after underscores, so a large name wraps between its words. */
function wrappable(name: string) {
  const parts = name.split('_')
  return parts.map((part, i) => (i === parts.length - 1 ? part : <span key={i}>{part}_<wbr /></span>))
}

function Title({ data, large = false }: { data: TableFlowNode['data']; large?: boolean }) {
  return (
    <span className="cf-table__title">
      {data.namespace === undefined ? null : <span className="cf-table__namespace">{data.namespace}.{large ? <wbr /> : null}</span>}
      {large ? wrappable(data.name) : data.name}
    </span>
  )
}

function TableNodeView({ data, selected }: NodeProps<TableFlowNode>) {
  const detail = useContext(TableDetailContext)
  const changes = useTableMarks(data.tableId)
  const classes = `cf-table cf-table--${detail}${selected ? ' cf-table--selected' : ''}`
  if (detail === 'name') {
    const keys = data.columns.filter((c) => c.key)
    // As tall as the full table: zooming out swaps the content, never the boxes the layout spaced.
    return (
      <div className={classes} data-change={changes.table} style={{ height: estimateTableHeight(data.columns.length) }}>
        <div className="cf-table__far" title={data.comment}>
          <Title data={data} large />
          <span className="cf-table__count">{plural(data.columns.length, 'column')}</span>
          {keys.map((column) => (
            <Handles key={column.id} column={column} />
          ))}
        </div>
      </div>
    )
  }
  const shown = detail === 'full' ? data.columns : data.columns.filter((c) => c.key)
  const hidden = data.columns.length - shown.length
  return (
    <div className={classes} data-change={changes.table}>
      <header className="cf-table__header" title={data.comment}>
        <Title data={data} />
        <Handle type="source" position={Position.Right} id="table" className="cf-table__connect" title="Drag onto a table to reference it" />
      </header>
      <ul className="cf-table__rows">
        {shown.map((column) => (
          <Row key={column.id} column={column} change={changes.columns.get(column.id)} />
        ))}
        {hidden > 0 ? (
          <li className="cf-table__more">{shown.length === 0 ? plural(hidden, 'column') : `+ ${plural(hidden, 'more column')}`}</li>
        ) : null}
      </ul>
    </div>
  )
}

export const TableNode = memo(TableNodeView)
