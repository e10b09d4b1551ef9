/**
 * Mermaid `erDiagram` (Mermaid 11), proven by `mermaid.parse` and by reading its ER database back.
 *
 * | construct                                    | exported |
 * |----------------------------------------------|----------|
 * | tables (schema-qualified outside public)      | entities; names Mermaid cannot take bare become `id["real name"]` |
 * | columns: name, type                           | yes; types made bare words (`double_precision`), names kept exact (backticks) |
 * | primary keys, foreign keys, single-column uniques | `PK`, `FK`, `UK` markers |
 * | column comments                               | quoted attribute comments |
 * | foreign keys                                  | relationships labelled with the constraint name; ends from nullability and uniqueness; solid when identifying |
 * | NOT NULL, defaults, identity, generated, collations | reported (info for NOT NULL, warnings otherwise) |
 * | composite uniques, checks, indexes, FK actions, enum values, partitioning | reported, one warning per kind |
 * | comments other than on columns, extensions    | reported (info) |
 * | diagrams over Mermaid's 50,000-character default limit | exported whole, reported (info) |
 */
import type { Diagnostic } from '../diagnostics.ts'
import { mapMermaid } from './mermaid/map.ts'
import { mermaidMaxText, printMermaid } from './mermaid/print.ts'
import type { Exporter } from './types.ts'

export const mermaid: Exporter = {
  id: 'mermaid',
  label: 'Mermaid',
  fileExtension: 'mmd',
  export(schema) {
    const { diagram, diagnostics } = mapMermaid(schema)
    const text = printMermaid(diagram)
    if (text.length <= mermaidMaxText) return { text, diagnostics }
    const tooLarge: Diagnostic = {
      code: 'diagram-too-large',
      severity: 'info',
      message: `The diagram is ${text.length} characters; Mermaid draws at most ${mermaidMaxText} unless its maxTextSize is raised where it is rendered.`,
    }
    return { text, diagnostics: [...diagnostics, tooLarge] }
  },
}
