import { type AuthError, AuthErrorCode } from '@payauth/core'
import { useAuth } from '@payauth/react'
import { ActionButton } from '../ActionButton.tsx'
import { describeWalletError } from './describeWalletError.ts'

/** How a wallet operation ended: its answer, a failure, or a stronger sign-in it needs first. */
export type WalletResult =
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'error'; readonly error: AuthError }
  | { readonly kind: 'stepUp' }

/** One report per operation, beside it: the answer, what went wrong, or the step-up it needs. */
export function WalletOutcome({
  result,
  testId,
  onDismiss,
  returnTo = '/wallet',
}: {
  readonly result: WalletResult | undefined
  readonly testId: string
  /** The user chose not to sign in more strongly now. */
  readonly onDismiss: () => void
  /** The page to come back to after a step-up. */
  readonly returnTo?: string
}) {
  if (!result) return null
  switch (result.kind) {
    case 'answer':
      return <p data-testid={testId}>{result.text}</p>
    case 'error':
      return (
        <p data-testid={testId} className="error" role="alert">
          {describeWalletError(result.error)}
        </p>
      )
    case 'stepUp':
      return <StepUpNotice onDismiss={onDismiss} returnTo={returnTo} />
  }
}

/** A step-up is a next step to offer, not a failure to show. */
export function walletResultOf(error: AuthError): WalletResult {
  return error.code === AuthErrorCode.StepUpRequired ? { kind: 'stepUp' } : { kind: 'error', error }
}

/** RFC 9470 step-up, explained once: why, what happens next, and the way there. */
function StepUpNotice({ onDismiss, returnTo }: { readonly onDismiss: () => void; readonly returnTo: string }) {
  const { stepUp, snapshot } = useAuth()
  const pending = snapshot.status === 'signedIn' && snapshot.challenge?.kind === 'stepUp'
  return (
    <div className="card step-up" role="alert" aria-labelledby="step-up-title" data-testid="step-up">
      <h2 id="step-up-title">Statements need a stronger sign-in</h2>
      <p>
        Your statements are only shown after a recent sign-in with your password and your wallet PIN. You will sign in
        again and come straight back here.
      </p>
      <div className="actions">
        <ActionButton
          onAction={() => stepUp({ returnTo })}
          pendingLabel="Going to sign-in…"
          leavesPage
          disabled={!pending}
        >
          Confirm with your PIN
        </ActionButton>
        <button type="button" className="secondary" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </div>
  )
}
