import type { AuthClient, LoginOptions } from '@payauth/core'

/** Options of the router guards: the sign-in's (`params`, `scope`, `appState`...), except `returnTo`, which is the requested page. */
export type RouteGuardOptions = Omit<LoginOptions, 'returnTo'>

/**
 * Resolves once the session is restored with someone signed in. For a signed-out user it starts
 * the sign-in, to come back to `returnTo`, and never settles: the page is leaving, and the route
 * must not render (nor its data load) meanwhile. A session that could not be determined throws its
 * `AuthError`, for the route's error boundary, as `<RequireAuth renderError>` shows it.
 */
export async function guardRoute(auth: AuthClient, returnTo: string, options: RouteGuardOptions): Promise<void> {
  const snapshot = await auth.ready()
  if (snapshot.status === 'signedIn') return
  if (snapshot.status === 'error') throw snapshot.error
  await auth.login({ ...options, returnTo })
  return new Promise<never>(() => {})
}
