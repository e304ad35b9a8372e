import { authError, isAuthError } from '../errors.ts'
import type { AuthNavigator } from '../navigation/authNavigator.ts'
import { callbackState, withoutCallbackParams } from './callbackUrl.ts'
import type { CallbackResult } from './signInTypes.ts'

export interface CallbackHandlerDeps {
  readonly navigator: AuthNavigator
  /** Runs a command so that its failure is thrown and recorded in the snapshot. */
  readonly run: <T>(command: () => Promise<T>, failure: string) => Promise<T>
  /** Completes the sign-in a callback URL returns from, with its `state`. */
  readonly complete: (url: URL, state: string) => Promise<CallbackResult>
}

/**
 * `handleCallback`, idempotent per `state`: React StrictMode's double effects and a callback URL
 * handled twice make one token request. The response leaves the address bar before anything else.
 */
export function callbackHandler(deps: CallbackHandlerDeps): (url?: string | URL) => Promise<CallbackResult> {
  const callbacks = new Map<string, Promise<CallbackResult>>()
  let last: Promise<CallbackResult> | undefined
  const failure = 'Completing the sign-in failed'

  function scrubAddressBar(url: URL): void {
    let current: string
    try {
      current = deps.navigator.currentUrl()
    } catch {
      return
    }
    if (current === url.href) deps.navigator.replace(withoutCallbackParams(url).href)
  }

  return (url) => {
    let callbackUrl: URL
    try {
      callbackUrl = new URL(String(url ?? deps.navigator.currentUrl()))
    } catch (error) {
      // Not the parser's error: its message or `input` repeats the string, and so any code or token in it.
      const unreadable = isAuthError(error)
        ? error
        : authError('invalid_response', 'The callback URL is not a valid URL', {
            name: (error as Error).name,
          })
      return deps.run(() => Promise.reject(unreadable), 'Reading the callback URL failed')
    }
    const state = callbackState(callbackUrl)
    if (state === undefined) {
      // React StrictMode runs effects twice; the second run sees the already scrubbed URL.
      if (last && url === undefined) return last
      // The page only: a URL that is no callback may still carry a token (a server that put one in the query).
      const notACallback = authError('not_a_callback', 'This URL carries no authorization response', {
        url: callbackUrl.origin + callbackUrl.pathname,
      })
      return deps.run(() => Promise.reject(notACallback), failure)
    }
    const key = state || callbackUrl.href
    let result = callbacks.get(key)
    if (!result) {
      result = deps.run(() => {
        scrubAddressBar(callbackUrl)
        return deps.complete(callbackUrl, state)
      }, failure)
      callbacks.set(key, result)
    }
    last = result
    return result
  }
}
