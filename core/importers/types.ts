import type { Diagnostic } from '../diagnostics.ts'
import type { TableGroup } from '../document/document.ts'
import type { IdGenerator } from '../model/ids.ts'
import type { Schema } from '../model/schema.ts'

export interface ImportOptions {
  /** Ids for new objects (default: deterministic sequential ids). */
  readonly ids?: IdGenerator
  /**
   * The design this text replaces, if any: objects that keep their name keep their id, so a
   * re-import is an edit of the same design, not a new one (see `reattachIds`).
   */
  readonly previous?: Schema
  /** With `previous`: also match renamed objects by their place and shape (see `reattachIds`). */
  readonly renamesByPosition?: boolean
  /** For positions in messages: the file name shown as `file:line:col`. */
  readonly fileName?: string
}

/**
 * An import either yields a schema (with diagnostics for everything skipped or approximated,
 * each with a line and column) or fails as a whole with located diagnostics. It never throws on
 * bad input.
 */
export type ImportResult =
  | {
      readonly ok: true
      readonly schema: Schema
      readonly diagnostics: readonly Diagnostic[]
      /** Diagram extras some formats carry (DBML table groups). */
      readonly groups?: readonly TableGroup[]
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }

export interface Importer {
  /** The format's name: file name, registry key, CLI `--from` and UI label key. */
  readonly id: string
  readonly label: string
  /** File name endings this importer reads, e.g. `['.sql']`. */
  readonly extensions: readonly string[]
  import(text: string, options?: ImportOptions): Promise<ImportResult>
}
