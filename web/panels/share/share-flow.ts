/**
 * Making share links: the address of the review page for a design (and an optional base), or,
 * past the reliable length, the reason and the file to send instead.
 */
import type { CrowsfootDocument, ShareBase } from '@core'
import { encodeShare, serializeDocument, shareLinkLimit } from '@core'
import { downloadText, safeFileName } from '../../persistence/files.ts'

export type ShareLink =
  | { readonly kind: 'link'; readonly url: string; readonly length: number }
  | { readonly kind: 'too-large'; readonly length: number }

/** The page that opens a link: this app's own address, without its query or fragment. */
export function appAddress(): string {
  return `${location.origin}${location.pathname}`
}

export function makeShareLink(document: CrowsfootDocument, base: ShareBase | undefined): ShareLink {
  const encoded = encodeShare({ document, ...(base ? { base } : {}) })
  const url = appAddress() + encoded.fragment
  if (!encoded.fits) return { kind: 'too-large', length: encoded.length }
  return { kind: 'link', url, length: url.length }
}

export function tooLargeMessage(length: number): string {
  return `This design makes a link of ${length.toLocaleString('en-US')} characters. Links longer than ${shareLinkLimit.toLocaleString('en-US')} characters are cut or refused by chat apps, issue trackers and mail, so send the design file instead: it opens the same way with Import.`
}

export function downloadDesignFile(document: CrowsfootDocument): void {
  downloadText(serializeDocument(document), `${safeFileName(document.name)}.crowsfoot.json`, 'application/json')
}

