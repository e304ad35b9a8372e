import { type AuthError, isAuthError } from '@payauth/core'
import { type ReactNode, useEffect, useState } from 'react'
import { useAuthClient } from './authContext.ts'

export interface AuthCallbackProps {
  /**
   * Called with the app path the sign-in started from. Pass your router's navigate; by default
   * the page is replaced, which reloads the app.
   */
  readonly onSignedIn?: (returnTo: string) => void
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

/** Render on the redirect URI's route: completes the sign-in, then goes back where it started. */
export function AuthCallback({
  onSignedIn = replacePage,
  children = null,
  renderError = defaultError,
}: AuthCallbackProps): ReactNode {
  const client = useAuthClient()
  // Read once at first render: the core scrubs the code from the address bar as it starts.
  const [callbackUrl] = useState(() => (typeof window === 'undefined' ? undefined : window.location.href))
  const [failure, setFailure] = useState<AuthError>()

  useEffect(() => {
    if (callbackUrl === undefined) return
    let current = true
    client.handleCallback(callbackUrl).then(
      (result) => {
        if (current) onSignedIn(result.returnTo)
      },
      (error: unknown) => {
        if (current && isAuthError(error)) setFailure(error)
      },
    )
    return () => {
      current = false
    }
  }, [client, callbackUrl, onSignedIn])

  return failure ? renderError(failure) : children
}
