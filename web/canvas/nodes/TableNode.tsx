/**
 * A table on the canvas: header with the (schema-qualified) name, then one row per column with
 * name, type and key marks. Every row carries a handle on each side, so relationship edges start
 * and end at the very column they join.
 */
import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { handleId, type ColumnMark, type ColumnRow, type TableFlowNode } from '../to-flow.ts'

const markTitles: Record<ColumnMark, string> = {
  PK: 'Primary key',
  FK: 'Foreign key',
  UQ: 'Unique',
  NN: 'Not null',
}

function Row({ column }: { column: ColumnRow }) {
  const primary = column.marks.includes('PK')
  return (
    <li className={primary ? 'cf-table__row cf-table__row--pk' : 'cf-table__row'} title={column.comment}>
      <Handle type="source" position={Position.Left} id={handleId(column.id, 'left')} />
      <span className="cf-table__column">{column.name}</span>
      <span className="cf-table__type">{column.type}</span>
      <span className="cf-table__marks">
        {column.marks.map((mark) => (
          <abbr key={mark} className={`cf-mark cf-mark--${mark.toLowerCase()}`} title={markTitles[mark]}>
            {mark}
          </abbr>
        ))}
      </span>
      <Handle type="source" position={Position.Right} id={handleId(column.id, 'right')} />
    </li>
  )
}

function TableNodeView({ data, selected }: NodeProps<TableFlowNode>) {
  return (
    <div className={selected ? 'cf-table cf-table--selected' : 'cf-table'}>
      <header className="cf-table__header" title={data.comment}>
        <span className="cf-table__title">
          {data.namespace === undefined ? null : <span className="cf-table__namespace">{data.namespace}.</span>}
          {data.name}
        </span>
        <Handle type="source" position={Position.Right} id="table" className="cf-table__connect" title="Drag onto a table to reference it" />
      </header>
      <ul className="cf-table__rows">
        {data.columns.map((column) => (
          <Row key={column.id} column={column} />
        ))}
      </ul>
    </div>
  )
}

export const TableNode = memo(TableNodeView)
