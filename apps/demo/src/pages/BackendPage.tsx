import { isAuthError } from '@payauth/core'
import { useAuth, useAuthClient, useAuthFetch } from '@payauth/react'
import { useState } from 'react'
import { ActionButton } from '../ActionButton.tsx'
import { AuthErrorMessage } from '../AuthErrorMessage.tsx'
import { clearReportedError } from '../clearReportedError.ts'
import { walletBaseUrl } from '../config.ts'
import { userinfoEndpoint } from '../userinfoEndpoint.ts'
import { BackendError } from './BackendError.tsx'
import { ExpiresIn } from './ExpiresIn.tsx'
import { WalletOutcome, type WalletResult, walletResultOf } from './WalletOutcome.tsx'

interface ApiCall {
  readonly number: number
  readonly text: string
}

/**
 * Sign-in through the app's backend-for-frontend: the backend holds PACE's client secret and the
 * refresh token, this page a short-lived access token it asks the backend for (with the session
 * cookie, which scripts cannot read).
 */
export function BackendPage() {
  const { snapshot, login, logout, error } = useAuth()
  const client = useAuthClient()
  const authFetch = useAuthFetch()
  const [call, setCall] = useState<ApiCall>()
  const [statements, setStatements] = useState<WalletResult>()

  /** The wallet's statements need a stronger sign-in: RFC 9470 step-up, through the backend. */
  async function viewStatements() {
    setStatements(undefined)
    try {
      const response = await authFetch(`${walletBaseUrl}/wallet/statements`)
      const body = (await response.json().catch(() => ({}))) as { statements?: unknown }
      const text = response.ok
        ? `Statements: ${JSON.stringify(body.statements)}`
        : `The wallet answered ${response.status}`
      setStatements({ kind: 'answer', text })
    } catch (failure) {
      if (!isAuthError(failure)) throw failure
      setStatements(walletResultOf(failure))
      clearReportedError(client, failure)
    }
  }

  async function callApi() {
    const response = await authFetch(await userinfoEndpoint())
    const text = response.ok
      ? `the API says you are ${((await response.json()) as { name?: string }).name}`
      : `the API answered ${response.status}`
    setCall((previous) => ({ number: (previous?.number ?? 0) + 1, text }))
  }

  return (
    <section className="card">
      <h1>Sign in through the backend (BFF)</h1>
      <p>
        The app's own backend signs you in to PACE with a confidential client: it keeps the client secret and the
        refresh token. This browser keeps an <code>HttpOnly</code> session cookie and short-lived access tokens, which
        the backend renews.
      </p>
      <BackendError />
      {error && <AuthErrorMessage error={error} server="the app's backend" />}
      {snapshot.status === 'loading' && <p>Asking the backend for your session…</p>}
      {(snapshot.status === 'signedOut' || snapshot.status === 'error') && (
        <ActionButton onAction={() => login({ returnTo: '/backend' })} pendingLabel="Signing in…" leavesPage>
          Sign in through the backend
        </ActionButton>
      )}
      {snapshot.status === 'signedIn' && (
        <div data-testid="bff-session">
          <p>
            Signed in as{' '}
            <strong data-testid="bff-user-name">{snapshot.session.user?.name ?? snapshot.session.user?.sub}</strong>.
          </p>
          <p>
            Access token <code data-testid="bff-token">{snapshot.session.accessToken.slice(0, 10)}…</code> expires{' '}
            <ExpiresIn at={snapshot.session.expiresAt} />; the backend renews it.
          </p>
          <div className="actions">
            <ActionButton onAction={callApi} pendingLabel="Calling the API…">
              Call the API with auth.fetch
            </ActionButton>
            <ActionButton onAction={viewStatements} pendingLabel="Asking the wallet…">
              View statements
            </ActionButton>
            <ActionButton className="secondary" onAction={() => logout()} pendingLabel="Signing out…" leavesPage>
              Sign out
            </ActionButton>
          </div>
          {call && (
            <p data-testid="bff-api-result" role="status">
              Call {call.number}: {call.text}.
            </p>
          )}
          <WalletOutcome
            result={statements}
            testId="bff-statements-result"
            onDismiss={() => setStatements(undefined)}
            returnTo="/backend"
          />
        </div>
      )}
    </section>
  )
}
