/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the page behind
 * it inert and closes it on Escape, so keyboard users can never get lost behind it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { X } from 'lucide-react'
import { IconButton } from './Button.tsx'
import './overlays.css'

interface DialogProps {
  readonly title: string
  readonly description?: ReactNode
  readonly onClose: () => void
  readonly footer?: ReactNode
  readonly size?: 'sm' | 'md' | 'lg' | 'xl'
  /** Where the palette-like dialogs sit: near the top rather than centred. */
  readonly placement?: 'center' | 'top'
  readonly children: ReactNode
  readonly className?: string
}

export function Dialog({ title, description, onClose, footer, size = 'md', placement = 'center', children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const onCancel = (event: Event) => {
      event.preventDefault()
      closeRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={['cf-dialog', `cf-dialog--${size}`, `cf-dialog--${placement}`, className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div className="cf-dialog__panel">
        <header className="cf-dialog__header">
          <div>
            <h2 id={titleId} className="cf-dialog__title">
              {title}
            </h2>
            {description ? (
              <p id={descriptionId} className="cf-dialog__description">
                {description}
              </p>
            ) : null}
          </div>
          <IconButton label="Close" size="sm" onClick={onClose}>
            <X size={16} aria-hidden />
          </IconButton>
        </header>
        <div className="cf-dialog__body">{children}</div>
        {footer ? <footer className="cf-dialog__footer">{footer}</footer> : null}
      </div>
    </dialog>
  )
}
