/**
 * Messages between the app and its storage worker. Serializing a 1,000-table design takes about
 * 90 ms (docs/benchmarks.md, "save document"); in the worker that never blocks a keystroke. The
 * design travels as a delta, as to the core worker: only tables whose object changed.
 */
import type { CrowsfootDocument, ParseResult } from '@core'
import type { Sync } from '../worker/protocol.ts'
import type { SaveResult } from './project-db.ts'

/** Everything of a document but its schema, which travels as a delta. */
export type DocumentMeta = Omit<CrowsfootDocument, 'schema'>

export type StorageRequest =
  | {
      readonly kind: 'save'
      readonly sync: Sync
      readonly meta: DocumentMeta
      readonly id: string
      readonly base: number
      readonly writer: string
      readonly force?: boolean
    }
  | { readonly kind: 'parse'; readonly text: string }

export type SaveReply = SaveResult & { readonly serializeMs?: number }

export type StorageResponseOf<R extends StorageRequest> = R extends { kind: 'save' } ? SaveReply : R extends { kind: 'parse' } ? ParseResult : never

export type StorageIn = { readonly id: number; readonly request: StorageRequest }
export type StorageOut =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly outOfSync?: boolean }
