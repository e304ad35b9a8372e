import { useAuth } from '@payauth/react'
import { ActionButton } from '../ActionButton.tsx'
import { AuthErrorMessage } from '../AuthErrorMessage.tsx'
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
      {error && <AuthErrorMessage error={error} />}
      {snapshot.status === 'signedIn' ? (
        <>
          <p>
            Token type <strong data-testid="token-type">{snapshot.session.tokenType}</strong>, token{' '}
            <code data-testid="dpop-token">{snapshot.session.accessToken.slice(0, 10)}…</code>, expires{' '}
            <ExpiresIn at={snapshot.session.expiresAt} />.
          </p>
          <ActionButton className="secondary" onAction={() => logout()} pendingLabel="Signing out…" leavesPage>
            Sign out
          </ActionButton>
        </>
      ) : (
        <ActionButton
          disabled={snapshot.status === 'loading'}
          onAction={() => login({ returnTo: '/dpop' })}
          pendingLabel="Signing in…"
          leavesPage
        >
          Sign in with DPoP
        </ActionButton>
      )}
    </section>
  )
}
