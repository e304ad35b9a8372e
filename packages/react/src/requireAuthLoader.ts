import type { AuthClient } from '@payauth/core'
import { guardRoute, type RouteGuardOptions } from './guardRoute.ts'

/**
 * What the guard reads of a React Router loader's (or middleware's) arguments. Typed
 * structurally, so payauth does not depend on the router.
 */
export interface RouterRequestArgs {
  /** The request the route loads for; its URL is the page to come back to after sign-in. */
  readonly request: Request
}

/**
 * The page a loader runs for. React Router strips the fragment from a loader's request, as a
 * server never sees one; when the loader runs for the page in the address bar (a deep link, a
 * reload: how signed-out users arrive), the fragment is taken from there.
 */
function requestedPath(request: Request): string {
  const url = new URL(request.url)
  const path = url.pathname + url.search
  const page = globalThis.location as Location | undefined
  const samePage = page !== undefined && page.origin === url.origin && page.pathname + page.search === path
  return samePage ? path + page.hash : path
}

/**
 * A React Router 7 data-router guard: waits until the session is restored (`auth.ready()`), lets
 * a signed-in user through (resolving `null`), and sends a signed-out user to sign in, to come back
 * to the requested path, search and hash.
 *
 * It starts the sign-in itself rather than redirecting to a sign-in route: the authorization
 * server is a full-page redirect anyway, and the page to return to travels in the core's pending
 * sign-in (checked to be on the app's origin), never in a `?returnTo=` parameter that anyone
 * could point elsewhere. Meanwhile the route neither renders nor loads.
 *
 * Use it as a route's `loader`, or, with `future.v8_middleware`, as `middleware` of a layout
 * route: React Router runs sibling and child loaders in parallel with a parent's loader, but
 * after its middleware. In framework mode, use it as a `clientLoader` (or client middleware): the
 * browser holds the session.
 *
 * @example
 * const router = createBrowserRouter([
 *   { path: '/', element: <Home /> },
 *   { path: '/cards', loader: requireAuthLoader(auth), element: <Cards /> },
 *   {
 *     middleware: [requireAuthLoader(auth, { params: { kc_idp_hint: 'google' } })],
 *     children: [{ path: '/wallet', loader: walletLoader, element: <Wallet /> }],
 *   },
 * ], { future: { v8_middleware: true } })
 */
export function requireAuthLoader(
  auth: AuthClient,
  options: RouteGuardOptions = {},
): (args: RouterRequestArgs) => Promise<null> {
  return async ({ request }) => {
    await guardRoute(auth, requestedPath(request), options)
    return null
  }
}
