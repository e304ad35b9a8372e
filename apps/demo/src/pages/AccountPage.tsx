import { useAuth, useToken } from '@payauth/react'

/** A page only signed-in users reach; a later issue calls PACE's payment API from here. */
export function AccountPage() {
  const { user, snapshot } = useAuth()
  const token = useToken()
  const scopes = snapshot.status === 'signedIn' ? snapshot.session.scope : []
  return (
    <section className="card">
      <h1>Payment methods</h1>
      <p data-testid="protected">
        This page is protected: only signed-in users see it. Hello, {user?.name ?? user?.sub}.
      </p>
      <p>
        Reading payment methods is {scopes.includes('payment:payment-methods:read:authenticated') ? '' : 'not '}
        allowed by the granted scopes.
      </p>
      <p>
        Bearer token: <code>{token ? `${token.slice(0, 8)}…` : 'none'}</code>
      </p>
    </section>
  )
}
