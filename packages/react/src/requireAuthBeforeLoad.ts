import type { AuthClient } from '@payauth/core'
import { guardRoute, type RouteGuardOptions } from './guardRoute.ts'

/**
 * What the guard reads of TanStack Router's `beforeLoad` context. Typed structurally, so payauth
 * does not depend on the router.
 */
export interface RouterLocationArgs {
  /** The location being navigated to. */
  readonly location: {
    /** Path, search and hash inside the router (without its `basepath`). */
    readonly href: string
    /** The same as the address bar shows it, `basepath` included (as TanStack Router 1.170 gives it). */
    readonly publicHref?: string
  }
}

/**
 * A TanStack Router `beforeLoad` guard: waits until the session is restored (`auth.ready()`), lets
 * a signed-in user through, and sends a signed-out user to sign in, to come back to the requested
 * path, search and hash. TanStack Router runs `beforeLoad` from parent to child before any
 * loader, so one guard on a layout route protects every route below it. See `requireAuthLoader`
 * for why it signs in itself instead of redirecting to a sign-in route.
 *
 * @example
 * const authenticated = createRoute({
 *   getParentRoute: () => rootRoute,
 *   id: 'authenticated',
 *   beforeLoad: requireAuthBeforeLoad(auth),
 * })
 * const cards = createRoute({ getParentRoute: () => authenticated, path: '/cards', component: Cards })
 */
export function requireAuthBeforeLoad(
  auth: AuthClient,
  options: RouteGuardOptions = {},
): (args: RouterLocationArgs) => Promise<void> {
  // publicHref keeps the basepath the app is mounted at; href is relative to it.
  return ({ location }) => guardRoute(auth, location.publicHref ?? location.href, options)
}
