import { useAuth } from '@payauth/react'
import { Link } from 'react-router'
import { ActionButton } from '../ActionButton.tsx'
import { AuthErrorMessage } from '../AuthErrorMessage.tsx'
import { DemoUsers } from './DemoUsers.tsx'
import { ExpiresIn } from './ExpiresIn.tsx'
import { PopupSignIn } from './PopupSignIn.tsx'
import { providerPages } from './providerPages.ts'

export function HomePage() {
  const { snapshot, login, logout, error } = useAuth()

  return (
    <>
      <section className="card">
        <h1>Sign in to PACE with payauth</h1>
        <p>Authorization code + PKCE against the PACE realm; the session lives in IndexedDB and survives reloads.</p>
        {error && <AuthErrorMessage error={error} />}
        {snapshot.status === 'loading' && <p>Restoring your session…</p>}
        {(snapshot.status === 'signedOut' || snapshot.status === 'error') && (
          <div className="actions">
            <ActionButton onAction={() => login({ returnTo: '/' })} pendingLabel="Signing in…" leavesPage>
              Sign in
            </ActionButton>
            <PopupSignIn />
          </div>
        )}
        {snapshot.status === 'signedIn' && (
          <div data-testid="session">
            <p>
              Signed in as{' '}
              <strong data-testid="user-name">{snapshot.session.user?.name ?? snapshot.session.user?.sub}</strong>
              {snapshot.session.user?.email && <> ({snapshot.session.user.email})</>}
            </p>
            <p>
              Access token expires <ExpiresIn at={snapshot.session.expiresAt} />.
            </p>
            <h2>Granted scopes</h2>
            <ul data-testid="scopes">
              {snapshot.session.scope.map((scope) => (
                <li key={scope}>
                  <code>{scope}</code>
                </li>
              ))}
            </ul>
            <div className="actions">
              <Link to="/account" className="button">
                Payment methods
              </Link>
              <ActionButton className="secondary" onAction={() => logout()} pendingLabel="Signing out…" leavesPage>
                Sign out
              </ActionButton>
            </div>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="through-backend">
        <h2 id="through-backend">Through the app's backend</h2>
        <p>
          Providers that demand a client secret are reached through the demo's backend, which keeps the secrets and the
          refresh tokens; the browser holds an <code>HttpOnly</code> cookie.
        </p>
        <ul>
          <li>
            <Link to="/backend">Sign in through the backend (BFF)</Link>: PACE with a confidential client
          </li>
          {providerPages.map((provider) => (
            <li key={provider.page}>
              <Link to={provider.page}>{provider.name}</Link>: {provider.what}, fetched by the backend
            </li>
          ))}
          <li>
            <Link to="/pay-backend">Pay by bank through the backend</Link>: intents created by the merchant's backend
          </li>
        </ul>
      </section>
      <DemoUsers />
    </>
  )
}
