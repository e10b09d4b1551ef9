/**
 * Share links: the whole design, compressed into the URL fragment, so nothing is sent to any
 * server (browsers never send the fragment). A link can carry a base version too, so a reviewer
 * sees the change and not just the result.
 *
 * The format is versioned (`#review=1.<data>`): every later app keeps a decoder for every link
 * version it ever wrote, and the document inside goes through the same loader (and file-format
 * migrations) as an opened file, so a link made today opens in every later version.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate'
import type { CrowsfootDocument } from '../document/document.ts'
import { parseDocumentValue, serializeDocument } from '../document/document.ts'
import type { Schema } from '../model/schema.ts'
import { decodeBase64url, encodeBase64url } from './base64url.ts'

/** The link format this app writes. Decoders for every version ever written stay. */
export const shareLinkVersion = 1
/** The fragment parameter holding the payload. */
export const shareLinkParameter = 'review'
/**
 * The longest link we call reliable, in characters. Browsers take far longer URLs (Chromium about
 * 2 MB), but chat apps, issue trackers and mail clients cut or refuse links well before that; past
 * this length the app offers the design as a file instead.
 */
export const shareLinkLimit = 32_000
/** A decompressed payload larger than this is refused rather than inflated (a zip bomb). */
const maxPayloadBytes = 64 * 1024 * 1024

export interface ShareBase {
  /** How the author names the base ("v3: before billing", "main"). */
  readonly label: string
  /** When the base was saved, ISO 8601, if known. */
  readonly at?: string
  readonly schema: Schema
}

export interface ShareContent {
  readonly document: CrowsfootDocument
  readonly base?: ShareBase
}

export interface EncodedShare {
  /** The fragment, with its `#`: append it to the app's address. */
  readonly fragment: string
  /** Characters of the fragment. */
  readonly length: number
  /** Whether the link stays within `shareLinkLimit`. */
  readonly fits: boolean
}

export type DecodedShare = { readonly ok: true; readonly content: ShareContent } | { readonly ok: false; readonly message: string }

/** The fragment that carries `content`. Named versions stay home: a link shows one change. */
export function encodeShare(content: ShareContent): EncodedShare {
  const documentValue = JSON.parse(serializeDocument(content.document)) as Record<string, unknown>
  delete documentValue.versions
  const payload = {
    document: documentValue,
    ...(content.base ? { base: { label: content.base.label, ...(content.base.at ? { at: content.base.at } : {}), schema: content.base.schema } } : {}),
  }
  const bytes = deflateSync(strToU8(JSON.stringify(payload)), { level: 9 })
  const fragment = `#${shareLinkParameter}=${shareLinkVersion}.${encodeBase64url(bytes)}`
  return { fragment, length: fragment.length, fits: fragment.length <= shareLinkLimit }
}

/** Whether a location hash is a share link at all (so the app opens the review page). */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${shareLinkParameter}=`)
}

/** Reads a share link's fragment (with or without `#`). Never throws: a bad link says why. */
export function decodeShare(hash: string): DecodedShare {
  const body = hash.replace(/^#/, '')
  const prefix = `${shareLinkParameter}=`
  if (!body.startsWith(prefix)) return fail('This address holds no shared design.')
  const rest = decodeURIComponent(body.slice(prefix.length).split('&')[0]!)
  const dot = rest.indexOf('.')
  const version = Number(dot < 0 ? NaN : rest.slice(0, dot))
  if (!Number.isInteger(version) || version < 1) return fail('This share link is damaged: its format version is missing.')
  if (version > shareLinkVersion) return fail(`This link was made by a newer Crowsfoot (link format ${version}); this one reads up to format ${shareLinkVersion}.`)
  return decodeVersion1(rest.slice(dot + 1))
}

function decodeVersion1(data: string): DecodedShare {
  const bytes = decodeBase64url(data)
  if (!bytes || bytes.length === 0) return fail('This share link is damaged: it holds characters a link cannot carry, or it was cut off. Ask for the link again, or for the file.')
  let text: string
  try {
    text = strFromU8(inflateBounded(bytes))
  } catch (e) {
    return fail(e instanceof TooLarge ? e.message : 'This share link is damaged or cut off (the data does not unpack). Ask for the link again, or for the file.')
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return fail('This share link is damaged: the design inside is not readable.')
  }
  if (typeof raw !== 'object' || raw === null || !('document' in raw)) return fail('This share link holds no design.')
  const { document, base } = raw as { document: unknown; base?: unknown }
  const parsed = parseDocumentValue(document)
  if (!parsed.ok) return fail(`The design in this link is not valid: ${parsed.diagnostics[0]?.message ?? 'unknown problem'}`)
  if (base === undefined) return { ok: true, content: { document: parsed.document } }
  const b = base as { label?: unknown; at?: unknown; schema?: unknown }
  if (typeof b !== 'object' || b === null || typeof b.label !== 'string') return fail('The base version in this link is not valid.')
  const baseDoc = parseDocumentValue({ version: parsed.document.version, name: b.label, schema: b.schema, layout: { tables: {} } })
  if (!baseDoc.ok) return fail(`The base version in this link is not valid: ${baseDoc.diagnostics[0]?.message ?? 'unknown problem'}`)
  return {
    ok: true,
    content: { document: parsed.document, base: { label: b.label, ...(typeof b.at === 'string' ? { at: b.at } : {}), schema: baseDoc.document.schema } },
  }
}

class TooLarge extends Error {}

function inflateBounded(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let done = false
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > maxPayloadBytes) throw new TooLarge('This share link unpacks to more than 64 MB; it is refused. Ask for the file instead.')
    chunks.push(chunk)
    if (final) done = true
  })
  inflate.push(bytes, true)
  if (!done) throw new Error('truncated')
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

function fail(message: string): DecodedShare {
  return { ok: false, message }
}
