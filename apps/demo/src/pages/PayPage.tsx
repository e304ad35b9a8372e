import { useAuth } from '@payauth/react'
import { type FormEvent, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ActionButton } from '../ActionButton.tsx'
import { payApiBaseUrl } from '../config.ts'
import { describeAuthError } from '../describeAuthError.ts'
import { PendingButton } from '../PendingButton.tsx'
import { payAuthClient, payImplicitClient } from '../payClients.ts'
import { usePendingAction } from '../usePendingAction.ts'
import { ExpiresIn } from './ExpiresIn.tsx'

interface IntentView {
  readonly id: string
  readonly type: 'payments'
  readonly status: string
  readonly expiresAt: string
  readonly payee?: string
  readonly amount?: string
  readonly currency?: string
}

/**
 * Pay by bank: the merchant's backend creates a payment intent, the user authorizes exactly that
 * intent at the bank, and comes back signed in for it. The intent id rides in the page URL.
 */
export function PayPage() {
  const { snapshot, error, logout } = useAuth()
  const [searchParams, setSearchParams] = useSearchParams()
  const intentId = searchParams.get('intent')
  const [intent, setIntent] = useState<IntentView>()
  const [legacyImplicit, setLegacyImplicit] = useState(false)
  const [problem, setProblem] = useState<string>()
  const session = snapshot.status === 'signedIn' ? snapshot.session : undefined

  useEffect(() => {
    if (!intentId) return
    const headers: Record<string, string> = session ? { authorization: `Bearer ${session.accessToken}` } : {}
    const url =
      session?.intent?.id === intentId
        ? `${payApiBaseUrl}/oauth20/intents/${intentId}`
        : `${payApiBaseUrl}/merchant/intents/${intentId}`
    fetch(url, { headers })
      .then((response) => (response.ok ? (response.json() as Promise<IntentView>) : undefined))
      .then(setIntent)
      .catch(() => setProblem('The intent could not be read.'))
  }, [intentId, session])

  async function createIntent(form: FormData) {
    const response = await fetch(`${payApiBaseUrl}/merchant/intents`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'payments',
        payee: form.get('payee'),
        amount: form.get('amount'),
        currency: 'EUR',
        ttlSeconds: Number(form.get('ttl')),
      }),
    }).catch(() => undefined)
    if (!response) return setProblem("The merchant's backend could not be reached. Please try again shortly.")
    if (!response.ok) return setProblem('The merchant backend could not create the intent.')
    const created = (await response.json()) as IntentView
    setSearchParams({ intent: created.id })
  }
  const creating = usePendingAction(createIntent)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setProblem(undefined)
    creating.run(new FormData(event.currentTarget))
  }

  function authorize(id: string) {
    const client = legacyImplicit ? payImplicitClient() : payAuthClient
    return client.login({ intent: { id, type: 'payments' }, returnTo: `/pay?intent=${id}` })
  }

  // An intent is authorized once: after that (or once this page is signed in for it) only a new one will do.
  const consumed = intent?.status !== undefined && intent.status !== 'CREATED'
  const signedInForIt = session?.intent?.id !== undefined && session.intent.id === intentId

  return (
    <section className="card">
      <h1>Pay by bank</h1>
      {(error || problem) && (
        <p className="error" role="alert">
          {error ? describeAuthError(error, "the bank's server") : problem}
        </p>
      )}
      <form onSubmit={submit} className="pay-form">
        <label>
          Payee <input name="payee" defaultValue="Corner Shop" />
        </label>
        <label>
          Amount (EUR) <input name="amount" defaultValue="42.00" inputMode="decimal" />
        </label>
        <label>
          Intent valid for (s) <input name="ttl" defaultValue="600" inputMode="numeric" />
        </label>
        <PendingButton type="submit" pending={creating.pending} pendingLabel="Creating the intent…">
          Create payment intent
        </PendingButton>
      </form>
      {intent && (
        <p data-testid="intent">
          Intent <code>{intent.id.slice(0, 8)}</code>: {intent.amount} {intent.currency} to {intent.payee}, status{' '}
          <strong data-testid="intent-status">{intent.status}</strong>
        </p>
      )}
      {intentId && (consumed || signedInForIt) && (
        <p data-testid="intent-used">
          This intent has been authorized and used: a bank approves each intent once. Create a new intent to pay again.
        </p>
      )}
      {intentId && !consumed && !signedInForIt && (
        <div className="actions">
          <label>
            <input
              type="checkbox"
              checked={legacyImplicit}
              onChange={(event) => setLegacyImplicit(event.target.checked)}
            />{' '}
            Legacy implicit mode (not recommended)
          </label>
          <ActionButton onAction={() => authorize(intentId)} pendingLabel="Going to your bank…" leavesPage>
            Authorize with your bank
          </ActionButton>
        </div>
      )}
      {session && (
        <div data-testid="pay-session">
          <p>
            Signed in for intent <code data-testid="session-intent">{session.intent?.id ?? 'none'}</code>; token expires{' '}
            <ExpiresIn at={session.expiresAt} />.{' '}
            {session.renewable ? (
              'It renews itself.'
            ) : (
              <strong data-testid="not-renewable">It cannot be renewed: you will sign in again when it expires.</strong>
            )}
          </p>
          <ActionButton
            className="secondary"
            onAction={() => logout({ returnTo: '/pay' })}
            pendingLabel="Signing out…"
            leavesPage
          >
            Sign out
          </ActionButton>
        </div>
      )}
    </section>
  )
}
