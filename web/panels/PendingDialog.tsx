/** Placeholder for dialogs whose panels land in later commits of the editor issue. */
import { Dialog } from '../components/Dialog.tsx'

const titles = { import: 'Import', export: 'Export', projects: 'Projects', rules: 'Rules' } as const

export function PendingDialog({ kind, onClose }: { readonly kind: keyof typeof titles; readonly onClose: () => void }) {
  return (
    <Dialog title={titles[kind]} onClose={onClose} size="sm">
      <p>This dialog is not built yet.</p>
    </Dialog>
  )
}
