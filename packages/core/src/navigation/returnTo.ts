import { authError } from '../errors.ts'
import { appRoot } from './appRoot.ts'
import { parseUrl } from './parseUrl.ts'

/**
 * Resolves `returnTo` within the app (its web origin, or a native app's scheme) and keeps only its
 * path, query and fragment, so a link such as `/login?returnTo=https://evil.example` can never
 * send the user to another site.
 */
export function toAppPath(returnTo: string, root: string): string {
  const url = parseUrl(returnTo, `${root}/`)
  // A path starting with `//` would read as another host once used as a URL again.
  if (!url || appRoot(url) !== root || url.pathname.startsWith('//')) {
    // Without its query and fragment: a page's URL may carry a token there.
    const target = returnTo.split(/[?#]/)[0]
    throw authError('invalid_return_to', `returnTo must stay on ${root}: ${target}`, {
      returnTo: target,
      appOrigin: root,
    })
  }
  return `${url.pathname}${url.search}${url.hash}`
}
