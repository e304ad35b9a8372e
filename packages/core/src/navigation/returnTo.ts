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
    // Without its query and fragment: a page's URL may carry a token there.
    const target = returnTo.split(/[?#]/)[0]
    throw new AuthError(AuthErrorCode.InvalidReturnTo, `returnTo must stay on ${appOrigin}: ${target}`, {
      cause: { returnTo: target, appOrigin },
    })
  }
  return `${url.pathname}${url.search}${url.hash}`
}
