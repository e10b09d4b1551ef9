import { describe, expect, it } from 'vitest'
import { addColumn, addEnum, exportSchema, importSchema, removeEnumValue, renameColumn } from '@core'
import { inputFields, inputKindLabels } from '../panels/migrations/migration-flow.ts'
import { shop } from '../../core/fixtures/shop.ts'
import { columnNamed, tableNamed } from '../../core/testing/by-name.ts'
import { CoreClient, inProcessPort, type WorkerPort } from './client.ts'
import type { WorkerIn } from './protocol.ts'

const text = { kind: 'builtin', name: 'text', arrayDims: 0 } as const
const users = tableNamed(shop, 'users')
const fullName = columnNamed(shop, 'users', 'full_name')
const edited = addColumn(renameColumn(shop, users.id, fullName.id, 'display_name'), users.id, { id: 'co_nick' as never, name: 'nickname', type: text, nullable: false })
const options = { external: false, mode: 'safe', inputs: {}, config: undefined } as const

/** A port that records what was posted, to see what the client sends. */
function recording(): { port: WorkerPort; sent: WorkerIn[] } {
  const inner = inProcessPort()
  const sent: WorkerIn[] = []
  const port: WorkerPort = {
    onmessage: null,
    postMessage(m) {
      sent.push(m)
      inner.postMessage(m)
    },
  }
  inner.onmessage = (e) => port.onmessage?.(e)
  return { port, sent }
}

describe('the diff request', () => {
  it('diffs a saved version against the open design by id, and asks for the backfill a NOT NULL column needs', async () => {
    const client = new CoreClient(inProcessPort())
    const r = await client.diff(edited, shop, 'current', options)
    expect(r.matchedByName).toBe(false)
    // The app has the version already: it does not come back.
    expect(r.aligned).toBeUndefined()
    expect(r.changes.map((c) => c.kind).sort()).toEqual(['columnAdded', 'columnRenamed'])
    const input = r.up.inputs.find((i) => i.changeId === 'columnAdded:co_nick')
    expect(input?.kind).toBe('backfill')
    expect(input?.supplied).toBeUndefined()
    expect(r.up.text).toContain('RENAME COLUMN full_name TO display_name')
    expect(r.down.text).toContain('RENAME COLUMN display_name TO full_name')
    expect(r.up.findings.some((f) => f.rule === 'rename-breaks-clients' && f.stepId !== undefined)).toBe(true)

    const filled = await client.diff(edited, shop, 'current', { ...options, inputs: { 'columnAdded:co_nick': "'none'" } })
    expect(filled.up.inputs.find((i) => i.changeId === 'columnAdded:co_nick')?.supplied).toBe("'none'")
    expect(filled.up.text).toContain("'none'")
    const simple = await client.diff(edited, shop, 'current', { ...options, mode: 'simple' })
    expect(simple.up.text).not.toContain('SET lock_timeout')
    expect(simple.up.text).not.toContain('BEGIN;')
  })

  it('sends a saved version to the worker once, and again after the worker lost it', async () => {
    const { port, sent } = recording()
    const client = new CoreClient(port)
    await client.diff(edited, shop, 'current', options)
    await client.diff(edited, shop, 'current', { ...options, mode: 'simple' })
    const bases = sent.map((m) => (m.request.kind === 'diff' ? m.request.query.base : undefined))
    expect(bases[0]).toMatchObject({ kind: 'stored', schema: shop })
    expect(bases[1]).toEqual({ kind: 'stored', key: (bases[0] as { key: number }).key })

    // A fresh worker behind the same client knows no versions: the client resends.
    const fresh = new CoreClient(port)
    ;(fresh as unknown as { schemaKeys: unknown }).schemaKeys = (client as unknown as { schemaKeys: unknown }).schemaKeys
    ;(fresh as unknown as { sentSchemas: Set<number> }).sentSchemas = new Set([(bases[0] as { key: number }).key])
    const again = await fresh.diff(edited, shop, 'current', options)
    expect(again.changes).toHaveLength(2)
  })

  it('matches a base from another file by name', async () => {
    const sql = exportSchema('postgres', shop).text
    const imported = await importSchema('postgres', sql)
    if (!imported.ok) throw new Error('import failed')
    const client = new CoreClient(inProcessPort())
    const r = await client.diff(edited, imported.schema, 'current', { ...options, external: true })
    expect(r.matchedByName).toBe(true)
    expect(r.aligned?.tables.find((t) => t.name === 'users')?.id).toBe(users.id)
    // By name a rename cannot be seen: full_name goes, display_name comes; nothing else differs.
    expect(r.changes.map((c) => c.kind).sort()).toEqual(['columnAdded', 'columnAdded', 'columnRemoved'])
  })
})

describe('inputs the panel asks for', () => {
  it('asks for a label for the rows that hold a removed enum value, and uses it', async () => {
    let before = addEnum(shop, { id: 'en_mood' as never, name: 'mood', values: [{ id: 'ev_ok' as never, name: 'ok' }, { id: 'ev_meh' as never, name: 'meh' }] })
    before = addColumn(before, users.id, { id: 'co_mood' as never, name: 'mood', type: { kind: 'enum', enumId: 'en_mood' as never, arrayDims: 0 }, nullable: true })
    const after = removeEnumValue(before, 'en_mood' as never, 'ev_meh' as never)
    const client = new CoreClient(inProcessPort())
    const r = await client.diff(after, before, 'current', options)
    const fields = inputFields(r.up.inputs, r.down.inputs)
    const field = fields.find((f) => f.kind === 'enum-replacement')
    expect(field?.direction).toBe('up')
    expect(inputKindLabels[field!.kind]).toBe('Replacement label')
    const filled = await client.diff(after, before, 'current', { ...options, inputs: { [field!.changeId]: 'ok' } })
    expect(filled.up.inputs.find((i) => i.changeId === field!.changeId)?.supplied).toBe('ok')
    expect(filled.up.text).toContain("'ok'")
  })
})
