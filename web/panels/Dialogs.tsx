/**
 * Every dialog of the app, loaded on first use so the first paint does not wait for them. Each
 * kind of `Dialog` in the store maps to one component here.
 */
import { assertNever } from '@core'
import { appStore } from '../store/index.ts'
import type { Dialog } from '../store/ui-slice.ts'
import { CommandPalette } from './palette/CommandPalette.tsx'
import { ShortcutsDialog } from './palette/ShortcutsDialog.tsx'
import { ExportDialog } from './export/ExportDialog.tsx'
import { ImageDialog } from './image/ImageDialog.tsx'
import { CommentsDialog } from './share/CommentsDialog.tsx'
import { ShareDialog } from './share/ShareDialog.tsx'
import { ImportDialog } from './import/ImportDialog.tsx'
import { ProjectsDialog } from './projects/ProjectsDialog.tsx'
import { TabsDialog } from './projects/TabsDialog.tsx'
import { RulesDialog } from './rules/RulesDialog.tsx'
import { SaveVersionDialog } from './versions/SaveVersionDialog.tsx'

export default function Dialogs({ dialog }: { readonly dialog: Exclude<Dialog, { kind: 'none' }> }) {
  const close = () => appStore.getState().closeDialog()
  switch (dialog.kind) {
    case 'palette':
      return <CommandPalette onClose={close} />
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />
    case 'projects':
      return <ProjectsDialog {...(dialog.view ? { view: dialog.view } : {})} onClose={close} />
    case 'tabs':
      return <TabsDialog reason={dialog.reason} onClose={close} />
    case 'import':
      // A new file (dropped while the dialog is open) starts the dialog afresh.
      return <ImportDialog key={`${dialog.fileName ?? ''}:${dialog.text?.length ?? 0}`} {...(dialog.text !== undefined ? { text: dialog.text } : {})} {...(dialog.fileName ? { fileName: dialog.fileName } : {})} {...(dialog.size !== undefined ? { size: dialog.size } : {})} onClose={close} />
    case 'export':
      return <ExportDialog {...(dialog.target ? { target: dialog.target } : {})} onClose={close} />
    case 'image':
      return <ImageDialog onClose={close} />
    case 'share':
      return <ShareDialog onClose={close} />
    case 'comments':
      return <CommentsDialog onClose={close} />
    case 'rules':
      return <RulesDialog initialRuleId={dialog.ruleId} onClose={close} />
    case 'saveVersion':
      return <SaveVersionDialog onClose={close} />
    default:
      return assertNever(dialog, 'dialog')
  }
}
