import { useAuth } from '@payauth/react'
import { Link } from 'react-router'
import { describeAuthError } from '../describeAuthError.ts'
import { DemoUsers } from './DemoUsers.tsx'
import { ExpiresIn } from './ExpiresIn.tsx'

export function HomePage() {
  const { snapshot, login, logout, error } = useAuth()

  return (
    <>
      <section className="card">
        <h1>Sign in to PACE with payauth</h1>
        <p>Authorization code + PKCE against the PACE realm; the session lives in IndexedDB and survives reloads.</p>
        {error && (
          <p className="error" role="alert">
            {describeAuthError(error)}
          </p>
        )}
        {snapshot.status === 'loading' && <p>Restoring your session…</p>}
        {(snapshot.status === 'signedOut' || snapshot.status === 'error') && (
          <button type="button" onClick={() => login({ returnTo: '/' }).catch(() => {})}>
            Sign in
          </button>
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
              <button type="button" className="secondary" onClick={() => logout().catch(() => {})}>
                Sign out
              </button>
            </div>
          </div>
        )}
      </section>
      <DemoUsers />
    </>
  )
}
