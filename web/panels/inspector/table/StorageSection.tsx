/** How PostgreSQL stores the table: UNLOGGED, and PARTITION BY with its strategy and key. */
import { useState } from 'react'
import type { PartitionBy, Table } from '@core'
import { setPartitionBy, setTableUnlogged } from '@core'
import { edit } from '../edit.ts'
import { CheckProp, PropGroup, SelectProp, TextProp } from '../fields.tsx'
import { Section } from '../Section.tsx'

type Strategy = PartitionBy['strategy'] | 'none'

const strategies: readonly { value: Strategy; label: string }[] = [
  { value: 'none', label: 'Not partitioned' },
  { value: 'range', label: 'By range' },
  { value: 'list', label: 'By list' },
  { value: 'hash', label: 'By hash' },
]

export function StorageSection({ table }: { readonly table: Table }) {
  // A strategy chosen before its key is typed waits here: a partition needs a key.
  const [pending, setPending] = useState<PartitionBy['strategy']>()
  const strategy: Strategy = pending ?? table.partitionBy?.strategy ?? 'none'
  const key = `partition-key:${table.id}`
  return (
    <Section title="Storage">
      <div className="cf-props">
        <PropGroup label="Logging">
          <CheckProp
            label="UNLOGGED"
            checked={table.unlogged === true}
            onChange={(on) => edit(on ? 'Make table unlogged' : 'Make table logged', (s) => setTableUnlogged(s, table.id, on))}
          />
        </PropGroup>
        {table.unlogged ? <p className="cf-prop-note">Faster writes, but emptied after a crash and not replicated.</p> : null}
        <SelectProp
          label="Partition"
          value={strategy}
          options={strategies}
          onChange={(v) => {
            if (v === 'none') {
              setPending(undefined)
              edit('Remove partitioning', (s) => setPartitionBy(s, table.id, undefined))
            } else if (table.partitionBy) edit('Change partitioning', (s) => setPartitionBy(s, table.id, { strategy: v, key: table.partitionBy!.key }), { coalesce: key })
            else setPending(v)
          }}
        />
        {strategy !== 'none' ? (
          <TextProp
            label="Key"
            draftKey={key}
            value={table.partitionBy?.key ?? ''}
            mono
            placeholder="created_at"
            hint="Columns or expressions, as in PARTITION BY RANGE (created_at)."
            commit={(text) => {
              const r = edit('Partition table', (s) => setPartitionBy(s, table.id, { strategy, key: text }), { coalesce: key })
              if (r.ok) setPending(undefined)
              return r
            }}
          />
        ) : null}
      </div>
    </Section>
  )
}
