/**
 * The body of the Share dialog, for the editor and the review page alike: pick a base (what the
 * reviewer compares against), get the link, copy it; a design too large for a link gets the
 * file offered instead, with the limit said in plain words.
 */
import { useEffect, useState } from 'react'
import { Check, Copy, Download, Link2 } from 'lucide-react'
import type { CrowsfootDocument, ShareBase } from '@core'
import { shareLinkLimit } from '@core'
import { Button } from '../../components/Button.tsx'
import { SelectField } from '../../components/Field.tsx'
import { copyText } from '../../components/clipboard.ts'
import { downloadDesignFile, makeShareLink, tooLargeMessage, type ShareLink } from './share-flow.ts'
import './share.css'

export interface BaseChoice {
  readonly id: string
  readonly label: string
  readonly base: ShareBase
}

interface Props {
  readonly document: CrowsfootDocument
  readonly bases: readonly BaseChoice[]
  readonly initialBaseId?: string
  readonly onCopied?: (ok: boolean) => void
}

export function SharePanel({ document, bases, initialBaseId, onCopied }: Props) {
  const [baseId, setBaseId] = useState(initialBaseId ?? '')
  const [link, setLink] = useState<ShareLink | undefined>(undefined)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    setLink(undefined)
    setCopied(false)
    // Compressing a large design takes a moment: let the dialog paint first.
    const timer = setTimeout(() => setLink(makeShareLink(document, bases.find((b) => b.id === baseId)?.base)), 0)
    return () => clearTimeout(timer)
  }, [document, baseId, bases])

  const comments = (document.comments ?? []).length
  return (
    <div className="cf-share">
      {bases.length > 0 ? (
        <SelectField
          label="Compare with"
          hint="The reviewer sees what changed since this version."
          value={baseId}
          onChange={(e) => setBaseId(e.currentTarget.value)}
          options={[{ value: '', label: 'Nothing (the design only)' }, ...bases.map((b) => ({ value: b.id, label: b.label }))]}
        />
      ) : (
        <p className="cf-share__hint">Save a version first to let reviewers see what changed since then.</p>
      )}
      <p className="cf-share__note">
        The link holds the whole design{comments ? ` and its ${comments === 1 ? 'comment' : `${comments} comments`}` : ''}, compressed; nothing is uploaded anywhere. Anyone with the link can read the design.
      </p>
      {link === undefined ? (
        <p className="cf-share__status" aria-live="polite">
          Making the link…
        </p>
      ) : link.kind === 'link' ? (
        <div className="cf-share__link">
          <label className="cf-visually-hidden" htmlFor="cf-share-url">
            Share link
          </label>
          <Link2 size={15} aria-hidden className="cf-share__icon" />
          <input id="cf-share-url" className="cf-share__url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          <Button
            variant="primary"
            icon={copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />}
            onClick={async () => {
              const ok = await copyText(link.url)
              setCopied(ok)
              onCopied?.(ok)
            }}
          >
            {copied ? 'Copied' : 'Copy link'}
          </Button>
          <span className="cf-share__size" aria-live="polite">
            {link.length.toLocaleString('en-US')} of {shareLinkLimit.toLocaleString('en-US')} characters
          </span>
        </div>
      ) : (
        <div className="cf-share__too-large" role="alert">
          <p>{tooLargeMessage(link.length)}</p>
          <Button variant="primary" icon={<Download size={14} aria-hidden />} onClick={() => downloadDesignFile(document)}>
            Download design file
          </Button>
        </div>
      )}
    </div>
  )
}
