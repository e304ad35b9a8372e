import { useAuth } from '@payauth/react'
import { describeAuthError } from '../describeAuthError.ts'
import { ExpiresIn } from './ExpiresIn.tsx'

/** Signs in with the DPoP registration: its tokens only work with this browser's key. */
export function DpopPage() {
  const { snapshot, login, logout, error } = useAuth()
  return (
    <section className="card">
      <h1>Sender-constrained tokens (DPoP)</h1>
      <p>
        This registration binds every token to a key pair made in this browser. The private key cannot be exported, so a
        stolen token is useless anywhere else.
      </p>
      {error && (
        <p className="error" role="alert">
          {describeAuthError(error)}
        </p>
      )}
      {snapshot.status === 'signedIn' ? (
        <>
          <p>
            Token type <strong data-testid="token-type">{snapshot.session.tokenType}</strong>, token{' '}
            <code data-testid="dpop-token">{snapshot.session.accessToken.slice(0, 10)}…</code>, expires{' '}
            <ExpiresIn at={snapshot.session.expiresAt} />.
          </p>
          <button type="button" className="secondary" onClick={() => logout().catch(() => {})}>
            Sign out
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={snapshot.status === 'loading'}
          onClick={() => login({ returnTo: '/dpop' }).catch(() => {})}
        >
          Sign in with DPoP
        </button>
      )}
    </section>
  )
}
