import { useAuth } from '@payauth/react'
import { type FormEvent, useState } from 'react'
import { ActionButton } from '../ActionButton.tsx'
import { callBackend } from '../backendClients.ts'
import { describeAuthError } from '../describeAuthError.ts'
import { PendingButton } from '../PendingButton.tsx'
import { usePendingAction } from '../usePendingAction.ts'
import { BackendError } from './BackendError.tsx'
import { ExpiresIn } from './ExpiresIn.tsx'

/**
 * Pay by bank with the merchant's backend as a confidential client: the backend creates the
 * intent with its own client-credentials token, starts the sign-in for exactly that intent, and
 * redeems the code with its secret. The browser gets short-lived tokens for the intent only.
 */
export function PayBackendPage() {
  const { snapshot, error, logout } = useAuth()
  const [problem, setProblem] = useState<string>()
  const session = snapshot.status === 'signedIn' ? snapshot.session : undefined

  async function authorize(form: FormData) {
    try {
      const { authorizationUrl } = await callBackend<{ authorizationUrl: string }>('/pay/bff/intents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'payments',
          payee: form.get('payee'),
          amount: form.get('amount'),
          currency: 'EUR',
          returnTo: '/pay-backend',
        }),
      })
      window.location.assign(authorizationUrl)
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure))
      // Offer the button again: the page is staying.
      throw failure
    }
  }
  const authorizing = usePendingAction(authorize, { leavesPage: true })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setProblem(undefined)
    authorizing.run(new FormData(event.currentTarget))
  }

  return (
    <section className="card">
      <h1>Pay by bank through the backend</h1>
      <p>
        The merchant's backend holds the bank API's client secret: it creates the payment intent and completes the
        sign-in for it. This page never sees the secret or a refresh token.
      </p>
      <BackendError />
      {(error || problem) && (
        <p className="error" role="alert">
          {error ? describeAuthError(error, "the merchant's backend") : problem}
        </p>
      )}
      <form onSubmit={submit} className="pay-form">
        <label>
          Payee <input name="payee" defaultValue="Corner Shop" />
        </label>
        <label>
          Amount (EUR) <input name="amount" defaultValue="42.00" inputMode="decimal" />
        </label>
        <PendingButton type="submit" pending={authorizing.pending} pendingLabel="Going to your bank…">
          Authorize with your bank
        </PendingButton>
      </form>
      {session && (
        <div data-testid="pay-backend-session">
          <p>
            Signed in for intent <code data-testid="backend-intent">{session.intent?.id ?? 'none'}</code>; token expires{' '}
            <ExpiresIn at={session.expiresAt} />.
          </p>
          <ActionButton className="secondary" onAction={() => logout()} pendingLabel="Signing out…" leavesPage>
            Sign out
          </ActionButton>
        </div>
      )}
    </section>
  )
}
