/** Share from the editor: the open design, with one of its saved versions as the base. */
import { useMemo } from 'react'
import { Dialog } from '../../components/Dialog.tsx'
import { appStore, useApp } from '../../store/index.ts'
import { SharePanel, type BaseChoice } from './SharePanel.tsx'

export function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const document = useApp((s) => s.document)
  const bases = useMemo<BaseChoice[]>(
    () =>
      [...(document.versions ?? [])].reverse().map((v) => ({
        id: v.id,
        label: `${v.id}: ${v.message || 'no message'} (${new Date(v.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })})`,
        base: { label: `${v.id}: ${v.message}`, at: v.at, schema: v.schema },
      })),
    [document.versions],
  )
  return (
    <Dialog title="Share for review" description={`A link to a read-only review page of ${document.name}.`} onClose={onClose} size="md">
      <SharePanel
        document={document}
        bases={bases}
        {...(bases[0] ? { initialBaseId: bases[0].id } : {})}
        onCopied={(ok) =>
          appStore.getState().notify(ok ? { tone: 'success', message: 'Link copied.' } : { tone: 'error', message: 'The browser did not allow copying; select the link and copy it.' })
        }
      />
    </Dialog>
  )
}
