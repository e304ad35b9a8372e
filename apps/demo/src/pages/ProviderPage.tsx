import { useAuth } from '@payauth/react'
import { useState } from 'react'
import { ActionButton } from '../ActionButton.tsx'
import { callBackend } from '../backendClients.ts'
import type { ProviderPageInfo } from './providerPages.ts'

/** What the backend's provider route answers: the provider's data, and which token it used, not the token. */
interface ProviderResult {
  readonly signedInAs: string
  readonly status: number
  readonly body: unknown
  readonly token: { readonly grant: string; readonly scope?: string; readonly expiresAt: number }
}

type Outcome =
  | { readonly kind: 'ok'; readonly result: ProviderResult }
  | { readonly kind: 'error'; readonly message: string }

/**
 * A confidential provider through the demo backend: the backend calls the provider's API with
 * its own token and hands back only the data. Needs a sign-in through the backend first.
 */
export function ProviderPage({ provider }: { readonly provider: ProviderPageInfo }) {
  const { snapshot, login } = useAuth()
  const [outcome, setOutcome] = useState<Outcome>()

  async function fetchThroughBackend() {
    setOutcome(undefined)
    try {
      setOutcome({ kind: 'ok', result: await callBackend<ProviderResult>(provider.backendRoute) })
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <section className="card">
      <h1>{provider.name} through the backend</h1>
      <p>{provider.why}</p>
      <p>The client secret and the {provider.name} token stay on the backend; this page receives the data only.</p>
      {snapshot.status === 'loading' && <p>Asking the backend for your session…</p>}
      {(snapshot.status === 'signedOut' || snapshot.status === 'error') && (
        <ActionButton onAction={() => login({ returnTo: provider.page })} pendingLabel="Signing in…" leavesPage>
          Sign in through the backend
        </ActionButton>
      )}
      {snapshot.status === 'signedIn' && (
        <ActionButton onAction={fetchThroughBackend} pendingLabel="Fetching…">
          Fetch {provider.what} through the backend
        </ActionButton>
      )}
      {outcome?.kind === 'error' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'ok' && (
        <div data-testid="provider-result" role="status">
          <p>
            {provider.name} answered {outcome.result.status} for <strong>{outcome.result.signedInAs}</strong>. The
            backend used a <code>{outcome.result.token.grant}</code> token (scope{' '}
            <code>{outcome.result.token.scope ?? 'default'}</code>) valid until{' '}
            {new Date(outcome.result.token.expiresAt).toLocaleTimeString()}.
          </p>
          <pre>{JSON.stringify(outcome.result.body, null, 2)}</pre>
        </div>
      )}
    </section>
  )
}
