'use client'
import type { AuthError, LoginOptions } from '@payauth/core'
import { type ReactNode, useEffect } from 'react'
import { useAuth } from './useAuth.ts'

/** Props of `<RequireAuth>`. */
export interface RequireAuthProps {
  /** Rendered only while someone is signed in. */
  readonly children?: ReactNode
  /**
   * Shown while the session loads, while the user is sent to sign in, and (without `renderError`)
   * when the session could not be determined; nothing by default.
   */
  readonly fallback?: ReactNode
  /** Send signed-out users to sign in (the default), or show `fallback` to them instead. */
  readonly autoLogin?: boolean
  /** Options for that sign-in; `returnTo` defaults to the current page. */
  readonly loginOptions?: LoginOptions
  /** Shown when the session could not be determined (snapshot `error`); `fallback` without it. */
  readonly renderError?: (error: AuthError) => ReactNode
}

/**
 * Renders `children` only for a signed-in user, sending a signed-out one to sign in. It hides UI;
 * it is not access control: protect data where it is served. With a data router, prefer
 * `requireAuthLoader` / `requireAuthBeforeLoad`, which also hold the route's loaders back.
 *
 * @example
 * <RequireAuth fallback={<Spinner />}>
 *   <Cards />
 * </RequireAuth>
 */
export function RequireAuth({
  children = null,
  fallback = null,
  autoLogin = true,
  loginOptions,
  renderError,
}: RequireAuthProps): ReactNode {
  const { snapshot, login } = useAuth()
  const mustSignIn = autoLogin && snapshot.status === 'signedOut'

  useEffect(() => {
    // A failure lands in the snapshot, which renders it below.
    if (mustSignIn) login(loginOptions).catch(() => {})
  }, [mustSignIn, login, loginOptions])

  if (snapshot.status === 'signedIn') return children
  if (snapshot.status === 'error' && renderError) return renderError(snapshot.error)
  return fallback
}
