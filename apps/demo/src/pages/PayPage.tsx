import { useAuth } from '@payauth/react'
import { type FormEvent, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { payApiBaseUrl } from '../config.ts'
import { describeAuthError } from '../describeAuthError.ts'
import { payAuthClient, payImplicitClient } from '../payClients.ts'
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

  async function createIntent(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const response = await fetch(`${payApiBaseUrl}/merchant/intents`, {
      method: 'POST',
      body: JSON.stringify({
        type: 'payments',
        payee: form.get('payee'),
        amount: form.get('amount'),
        currency: 'EUR',
        ttlSeconds: Number(form.get('ttl')),
      }),
    })
    if (!response.ok) return setProblem('The merchant backend could not create the intent.')
    const created = (await response.json()) as IntentView
    setSearchParams({ intent: created.id })
  }

  function authorize() {
    if (!intentId) return
    const client = legacyImplicit ? payImplicitClient() : payAuthClient
    client.login({ intent: { id: intentId, type: 'payments' }, returnTo: `/pay?intent=${intentId}` }).catch(() => {})
  }

  return (
    <section className="card">
      <h1>Pay by bank</h1>
      {(error || problem) && (
        <p className="error" role="alert">
          {error ? describeAuthError(error) : problem}
        </p>
      )}
      <form onSubmit={(event) => void createIntent(event)} className="pay-form">
        <label>
          Payee <input name="payee" defaultValue="Corner Shop" />
        </label>
        <label>
          Amount (EUR) <input name="amount" defaultValue="42.00" inputMode="decimal" />
        </label>
        <label>
          Intent valid for (s) <input name="ttl" defaultValue="600" inputMode="numeric" />
        </label>
        <button type="submit">Create payment intent</button>
      </form>
      {intent && (
        <p data-testid="intent">
          Intent <code>{intent.id.slice(0, 8)}</code>: {intent.amount} {intent.currency} to {intent.payee}, status{' '}
          <strong data-testid="intent-status">{intent.status}</strong>
        </p>
      )}
      {intentId && (
        <div className="actions">
          <label>
            <input
              type="checkbox"
              checked={legacyImplicit}
              onChange={(event) => setLegacyImplicit(event.target.checked)}
            />{' '}
            Legacy implicit mode (not recommended)
          </label>
          <button type="button" onClick={authorize}>
            {session?.intent?.id === intentId ? 'Authorize this intent again' : 'Authorize with your bank'}
          </button>
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
          <button type="button" className="secondary" onClick={() => logout({ returnTo: '/pay' }).catch(() => {})}>
            Sign out
          </button>
        </div>
      )}
    </section>
  )
}
