'use client'
import type { AuthError, CallbackResult } from '@payauth/core'
import { type ReactNode, useEffect } from 'react'
import { useAuthClient } from './authContext.ts'
import { useAuthSnapshot } from './useAuthSnapshot.ts'

/** Props of `<AuthCallback>`. */
export interface AuthCallbackProps {
  /**
   * Called with the app path the sign-in started from, and the whole result (its `appState`, the
   * session). Pass your router's navigate (a stable function: a new one re-runs the effect); by
   * default the page is replaced, which reloads the app.
   */
  readonly onSignedIn?: (returnTo: string, result: CallbackResult) => void
  /** Shown while the sign-in completes. */
  readonly children?: ReactNode
  /** Shown when it fails; a plain message with the error code by default. */
  readonly renderError?: (error: AuthError) => ReactNode
}

function replacePage(returnTo: string): void {
  window.location.replace(returnTo)
}

function defaultError(error: AuthError): ReactNode {
  return (
    <p role="alert">
      Sign-in failed: {error.message} ({error.code})
    </p>
  )
}

/**
 * Render on the redirect URI's route: completes the sign-in, then goes back where it started.
 * It keeps no state: the core reads the callback from its navigator (and is idempotent per
 * `state`, so StrictMode's double effect makes one token request), and a failure is what the
 * snapshot recorded.
 *
 * @example
 * function CallbackPage() {
 *   const navigate = useNavigate()
 *   const back = useCallback((returnTo: string) => navigate(returnTo, { replace: true }), [navigate])
 *   return <AuthCallback onSignedIn={back}>Signing you in…</AuthCallback>
 * }
 */
export function AuthCallback({
  onSignedIn = replacePage,
  children = null,
  renderError = defaultError,
}: AuthCallbackProps): ReactNode {
  const client = useAuthClient()
  const snapshot = useAuthSnapshot()

  useEffect(() => {
    let current = true
    client.handleCallback().then(
      (result) => {
        if (current) onSignedIn(result.returnTo, result)
      },
      // The snapshot records the failure, which renders below.
      () => {},
    )
    return () => {
      current = false
    }
  }, [client, onSignedIn])

  const failure = snapshot.status === 'error' || snapshot.status === 'signedIn' ? snapshot.error : undefined
  return failure ? renderError(failure) : children
}
