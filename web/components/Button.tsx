/** Buttons. Generic UI: no domain words. An icon-only button always carries an accessible name. */
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react'
import './controls.css'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant
  readonly size?: 'sm' | 'md'
  readonly icon?: ReactNode
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', icon, children, className, type = 'button', ...rest },
  ref,
) {
  const classes = ['cf-button', `cf-button--${variant}`, `cf-button--${size}`, className].filter(Boolean).join(' ')
  return (
    <button ref={ref} type={type} className={classes} {...rest}>
      {icon}
      {children === undefined ? null : <span className="cf-button__label">{children}</span>}
    </button>
  )
})

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label'> {
  /** The accessible name, also shown as a tooltip. */
  readonly label: string
  /** A key chord shown in the tooltip ("Ctrl+Z"). */
  readonly shortcut?: string
  readonly size?: 'sm' | 'md'
  readonly pressed?: boolean
  readonly variant?: 'ghost' | 'secondary'
  readonly children: ReactNode
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, shortcut, size = 'md', pressed, variant = 'ghost', children, className, type = 'button', ...rest },
  ref,
) {
  const classes = ['cf-icon-button', `cf-icon-button--${size}`, `cf-icon-button--${variant}`, className].filter(Boolean).join(' ')
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      className={classes}
      {...rest}
    >
      {children}
    </button>
  )
})

export function Kbd({ children }: { readonly children: ReactNode }) {
  return <kbd className="cf-kbd">{children}</kbd>
}
