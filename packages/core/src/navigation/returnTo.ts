import { AuthError, AuthErrorCode } from '../errors.ts'
import { parseUrl } from './parseUrl.ts'

/**
 * Resolves `returnTo` against the app's origin and keeps only its path, query and fragment, so a
 * link such as `/login?returnTo=https://evil.example` can never send the user to another site.
 */
export function toAppPath(returnTo: string, appOrigin: string): string {
  const url = parseUrl(returnTo, appOrigin)
  // A path starting with `//` would read as another host once used as a URL again.
  if (!url || url.origin !== appOrigin || url.pathname.startsWith('//')) {
    throw new AuthError(AuthErrorCode.InvalidReturnTo, `returnTo must stay on ${appOrigin}: ${returnTo}`, {
      cause: { returnTo, appOrigin },
    })
  }
  return `${url.pathname}${url.search}${url.hash}`
}
