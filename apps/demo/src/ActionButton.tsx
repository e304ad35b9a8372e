import type { ReactNode } from 'react'
import { PendingButton } from './PendingButton.tsx'
import { usePendingAction } from './usePendingAction.ts'

/** Props of {@link ActionButton}. */
export interface ActionButtonProps {
  /** What the button does; it shows as pending until this settles. */
  readonly onAction: () => Promise<unknown>
  /** What the button says while the action is under way, e.g. "Signing in…". */
  readonly pendingLabel: string
  /** The action sends the browser elsewhere: stay pending until the page has gone. */
  readonly leavesPage?: boolean
  readonly children: ReactNode
  readonly className?: string
  readonly disabled?: boolean
}

/** A button for one async action, pending while it works (see {@link PendingButton}). */
export function ActionButton({ onAction, pendingLabel, leavesPage, children, className, disabled }: ActionButtonProps) {
  const { pending, run } = usePendingAction(onAction, { leavesPage })
  return (
    <PendingButton
      pending={pending}
      pendingLabel={pendingLabel}
      className={className}
      disabled={disabled}
      onClick={() => run()}
    >
      {children}
    </PendingButton>
  )
}
