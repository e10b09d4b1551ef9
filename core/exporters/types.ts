import type { Diagnostic } from '../diagnostics.ts'
import type { CrowsfootDocument } from '../document/document.ts'
import type { Schema } from '../model/schema.ts'

/** What every exporter returns: the text, and what the target could not express. */
export interface Output {
  readonly text: string
  readonly diagnostics: readonly Diagnostic[]
}

export interface ExportOptions {
  /** The whole document, for targets that carry more than the schema (JSON). */
  readonly document?: CrowsfootDocument
}

export interface Exporter {
  /** The target's name: file name, registry key, CLI flag and UI label key. */
  readonly id: string
  readonly label: string
  readonly fileExtension: string
  export(schema: Schema, options?: ExportOptions): Output
}
