import type { AuthClient } from '../authClientTypes.ts'
import type { CallbackResult } from '../signIn/signInTypes.ts'
import type { NativeNavigator } from './nativeNavigator.ts'
import { isRedirectTo } from './redirectTarget.ts'

/** Options of `completeRedirects()`. */
export interface CompleteRedirectsOptions {
  /** The redirect URI the client signs in with; other links into the app are left to the app. */
  readonly redirectUri: string
  /** Called once a sign-in that came back is complete, e.g. to route to `result.returnTo`. */
  readonly onSignIn?: (result: CallbackResult) => void
}

/**
 * Completes the sign-ins that come back to the app as a link: a `login()` (the browser was left
 * for the redirect), and on a cold start the one that launched the app, after the system killed
 * it while the user was signing in; the pending sign-in waits in secure storage meanwhile. A
 * failure is recorded in the client's snapshot, as every command's is. Returns the function that
 * stops listening.
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-7
 * @example
 * const stop = completeRedirects(auth, native.navigator, {
 *   redirectUri,
 *   onSignIn: ({ returnTo }) => router.push(returnTo),
 * })
 */
export function completeRedirects(
  auth: Pick<AuthClient, 'handleCallback'>,
  navigator: Pick<NativeNavigator, 'launchUrl' | 'onRedirect'>,
  options: CompleteRedirectsOptions,
): () => void {
  // The launch URL may also arrive as a link event (Capacitor retains it for the first listener).
  const handled = new Set<string>()
  let stopped = false
  const complete = (url: string) => {
    if (stopped || handled.has(url) || !isRedirectTo(url, options.redirectUri)) return
    handled.add(url)
    auth.handleCallback(url).then(options.onSignIn, () => {})
  }
  const unsubscribe = navigator.onRedirect(complete)
  navigator.launchUrl().then(
    (url) => url && complete(url),
    () => {},
  )
  return () => {
    stopped = true
    unsubscribe()
  }
}
