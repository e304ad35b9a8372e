import { useSearchParams } from 'react-router'

/**
 * The BFF's callback reports a failed sign-in by coming back with `payauthError` (and the
 * provider's `oauthError`) in the query: say so.
 */
export function BackendError() {
  const [searchParams] = useSearchParams()
  const code = searchParams.get('payauthError')
  if (!code) return null
  const oauthError = searchParams.get('oauthError')
  return (
    <p className="error" role="alert">
      The backend could not complete the sign-in ({code}
      {oauthError ? `: ${oauthError}` : ''}).
    </p>
  )
}
