import type { MouseEvent, ReactNode } from 'react'

/** Props of {@link PendingButton}. */
export interface PendingButtonProps {
  /** The action behind the button is under way. */
  readonly pending: boolean
  /** What the button says meanwhile, e.g. "Sending…". */
  readonly pendingLabel: string
  readonly children: ReactNode
  readonly type?: 'button' | 'submit'
  readonly className?: string
  /** Not available for another reason than being under way (the session is still loading...). */
  readonly disabled?: boolean
  readonly onClick?: () => void
}

/**
 * A button that shows its action is under way: it says so ("Sending…"), is busy for assistive
 * technology, and refuses presses. It stays focusable (`aria-disabled`, not `disabled`), so focus
 * is not lost while it works, and a dialog it opened (the SCA challenge) can hand focus back to it.
 */
export function PendingButton({
  pending,
  pendingLabel,
  children,
  type = 'button',
  className,
  disabled,
  onClick,
}: PendingButtonProps) {
  function press(event: MouseEvent<HTMLButtonElement>) {
    // Also stops a form's submission, by click or by Enter in one of its fields.
    if (pending) return event.preventDefault()
    onClick?.()
  }
  return (
    <button
      type={type}
      className={className}
      disabled={disabled}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      onClick={press}
    >
      {pending ? pendingLabel : children}
    </button>
  )
}
