import { describe, expect, it } from 'vitest'
import type { Schema } from '@core'
import { addEnum, ensureNamespace, emptySchema } from '@core'
import { parseTypeIn } from '../names.ts'
import { searchTypes, splitTypeText, typeCatalog, type TypeOption } from './type-search.ts'

function design(): Schema {
  let s = addEnum(emptySchema, { name: 'order_status', values: [{ id: 'ev_1' as never, name: 'new' }] })
  const [withBilling, billing] = ensureNamespace(s, 'billing')
  s = addEnum(withBilling, { name: 'invoice_state', values: [], namespaceId: billing })
  return s
}

const schema = design()
const search = (text: string) => searchTypes(typeCatalog(schema), text, (t) => parseTypeIn(schema, t))
const texts = (options: readonly TypeOption[]) =>
  options.map((o) => (o.kind === 'new-enum' ? `new-enum:${o.name ?? ''}` : o.kind === 'custom' ? `custom:${o.text}` : o.text))

describe('type search', () => {
  it('lists the design enums first, then every builtin, then "New enum…"', () => {
    const all = texts(search('').options)
    expect(all.slice(0, 3)).toEqual(['order_status', 'billing.invoice_state', 'text'])
    expect(all.at(-1)).toBe('new-enum:')
    expect(all).toContain('int4multirange')
  })

  it('ranks an alias typed in full as the type itself', () => {
    expect(texts(search('int').options)[0]).toBe('integer')
    expect(texts(search('float').options)[0]).toBe('double precision')
    expect(texts(search('bool').options)[0]).toBe('boolean')
    expect(texts(search('character varying').options)[0]).toBe('varchar')
  })

  it('prefers exact, then prefix, then word, then substring matches, common types first among equals', () => {
    const time = texts(search('time').options)
    expect(time[0]).toBe('time')
    expect(time.indexOf('timestamptz')).toBeLessThan(time.indexOf('timestamp'))
    expect(texts(search('status').options)[0]).toBe('order_status')
    // A subsequence still finds what a hurried typist means.
    expect(texts(search('tmstz').options)).toContain('timestamptz')
  })

  it('keeps typed modifiers and array brackets on the picked type', () => {
    expect(splitTypeText(' Character Varying (255) [] ')).toEqual({ base: 'character varying', suffix: '(255)[]' })
    expect(texts(search('varchar(255)[]').options)[0]).toBe('varchar(255)[]')
    expect(texts(search('numeric(10, 2)').options)[0]).toBe('numeric(10,2)')
  })

  it('offers what is typed as a custom type, first when nothing known starts with it', () => {
    const citext = search('citext')
    expect(texts(citext.options)[0]).toBe('custom:citext')
    expect(citext.error).toBeUndefined()
    const vector = texts(search('vector(1536)').options)
    expect(vector[0]).toBe('custom:vector(1536)')
    // No custom entry for a name PostgreSQL knows.
    expect(texts(search('uuid').options)).not.toContain('custom:uuid')
  })

  it('says why a text is not a type, and offers no custom type for it', () => {
    const broken = search('varchar(25')
    expect(broken.error).toMatch(/parentheses/)
    expect(texts(broken.options).some((t) => t.startsWith('custom:'))).toBe(false)
    expect(search('varchar(0)').error).toMatch(/out of range/)
  })

  it('suggests a new enum named as typed, unless one has that name', () => {
    expect(texts(search('mood').options).at(-1)).toBe('new-enum:mood')
    expect(texts(search('order_status').options).at(-1)).toBe('new-enum:')
    expect(texts(search('Has Space').options).at(-1)).toBe('new-enum:')
  })
})
