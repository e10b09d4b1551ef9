/** The native document as an import source, so every command takes every format. */
import { parseDocument } from '../document/document.ts'
import type { Importer } from './types.ts'

export const json: Importer = {
  id: 'json',
  label: 'Crowsfoot JSON',
  extensions: ['.crowsfoot.json', '.json'],
  async import(text) {
    const r = parseDocument(text)
    if (!r.ok) return { ok: false, diagnostics: r.diagnostics }
    const groups = r.document.layout.groups
    return { ok: true, schema: r.document.schema, diagnostics: r.diagnostics, ...(groups ? { groups } : {}) }
  },
}
