/** The native document (`*.crowsfoot.json`): lossless by definition. */
import { createDocument, serializeDocument } from '../document/document.ts'
import type { Exporter } from './types.ts'

export const json: Exporter = {
  id: 'json',
  label: 'JSON',
  fileExtension: 'crowsfoot.json',
  export(schema, options) {
    const doc = options?.document ? { ...options.document, schema } : createDocument({ name: 'Untitled design', schema })
    return { text: serializeDocument(doc), diagnostics: [] }
  },
}
