import { AuthCallback } from '@payauth/react'
import { useCallback } from 'react'
import { Link, useNavigate } from 'react-router'
import { describeAuthError } from './describeAuthError.ts'

/**
 * The redirect URI's page: completes the sign-in, then returns to where it started. `start` is the
 * first page of the section the sign-in belongs to, where a failed one offers to go back to.
 */
export function CallbackPage({ start = '/' }: { readonly start?: string }) {
  const navigate = useNavigate()
  const onSignedIn = useCallback((returnTo: string) => navigate(returnTo, { replace: true }), [navigate])
  return (
    <AuthCallback
      onSignedIn={onSignedIn}
      renderError={(error) => (
        <section className="card error" role="alert">
          <h1>Sign-in failed</h1>
          <p>{describeAuthError(error)}</p>
          <p>
            <Link to={start}>Back to the start</Link>
          </p>
        </section>
      )}
    >
      <p>Completing sign-in…</p>
    </AuthCallback>
  )
}
