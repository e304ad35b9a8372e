import { AuthError } from '@payauth/core'
import type { NativeNavigator } from '@payauth/core/native'
import { isRedirectTo, isWebUrl, linkRouter } from '@payauth/core/native'
import type { AuthSessionOptionsLike, LinkingLike, WebBrowserLike } from './reactNativeModules.ts'

/** Options of `reactNativeNavigator()`. */
export interface ReactNativeNavigatorOptions {
  /**
   * The app's current URL, for `login()`'s default `returnTo` (e.g. from the router's path and
   * `Linking.createURL`). A native app has no address bar: without this, sign-ins return to `/`.
   */
  readonly currentUrl?: () => string
  /**
   * Where the server sends the user back when the URL `assign` opens does not say (a pushed
   * authorization request carries `redirect_uri` in its request, not in the URL).
   */
  readonly redirectUri?: string
  /**
   * How long a redirect may still arrive after the session reported closed: Android's Custom Tabs
   * polyfill sees the app come back before the link, and says `dismiss`. 1 s by default.
   */
  readonly closedGraceMs?: number
  /** Passed to `openAuthSessionAsync` (`preferEphemeralSession`...). */
  readonly sessionOptions?: AuthSessionOptionsLike
}

/** A native app has no page URL; `about:blank` keeps `returnTo` at the app's root. */
const noPage = 'about:blank'

/**
 * Sign-in in the system's auth session (`expo-web-browser`'s `openAuthSessionAsync`:
 * ASWebAuthenticationSession on iOS, Custom Tabs on Android), for a private-use scheme or a claimed
 * https link (RFC 8252). `authenticate` (behind `auth.loginWithPopup()`) resolves with the redirect,
 * or rejects `popup_closed` when the user cancels and `aborted` when the app does (`loginWithPopup`'s
 * `signal`: the sheet closes on iOS; Android's Custom Tab cannot be closed by the app); `assign`
 * (behind `login()`, and a logout's end-session page) runs the same session and hands the redirect
 * to `completeRedirects()`. Links arrive through React Native's `Linking`; nothing here touches
 * `window` or `location`.
 * @example
 * const navigator = reactNativeNavigator({ WebBrowser, Linking })
 * const auth = createAuthClient({ ...options, navigator })
 * completeRedirects(auth, navigator, { redirectUri })
 * @see https://www.rfc-editor.org/rfc/rfc8252
 */
export function reactNativeNavigator(
  { WebBrowser, Linking }: { readonly WebBrowser: WebBrowserLike; readonly Linking: LinkingLike },
  options: ReactNativeNavigatorOptions = {},
): NativeNavigator {
  const graceMs = options.closedGraceMs ?? 1_000
  const links = linkRouter((emit) => {
    const subscription = Linking.addEventListener('url', (event) => emit(event.url))
    return { ready: Promise.resolve(), stop: () => subscription.remove() }
  })

  /**
   * Runs one auth session to its redirect, or undefined when the user closed it. Android's polyfill
   * also receives the redirect as a link: it is held here, not handed to the app a second time.
   */
  async function session(url: string, redirectUri: string | undefined): Promise<string | undefined> {
    let link: string | undefined
    let arrived: (() => void) | undefined
    const stop = links.intercept((incoming) => {
      if (!redirectUri || !isRedirectTo(incoming, redirectUri)) return false
      link ??= incoming
      arrived?.()
      return true
    })
    try {
      let result: { readonly type: string; readonly url?: string }
      try {
        result = await WebBrowser.openAuthSessionAsync(url, redirectUri ?? null, options.sessionOptions)
      } catch (error) {
        throw new AuthError('popup_blocked', 'The auth session could not be opened', { cause: error })
      }
      if (result.type === 'success' && result.url) return result.url
      if (result.type === 'locked') {
        throw new AuthError('popup_blocked', 'Another auth session is open', { cause: result })
      }
      if (link === undefined && graceMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs)
          arrived = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
      return link
    } finally {
      stop()
    }
  }

  return {
    currentUrl: options.currentUrl ?? (() => noPage),
    replace() {},
    async assign(url) {
      if (!isWebUrl(url)) {
        links.deliver(url)
        return
      }
      const redirect = await session(url, redirectTarget(url) ?? options.redirectUri)
      if (redirect) links.deliver(redirect)
    },
    async authenticate(signIn, { redirectUri, signal }) {
      const { url, state } = await signIn
      const cancelled = () => new AuthError('aborted', 'The app cancelled the sign-in', { cause: { state } })
      if (signal?.aborted) throw cancelled()
      const redirect = await untilAborted(session(url, redirectUri), signal, () => {
        // iOS closes the sheet. Android's Custom Tab stays (expo cannot close it) until the user
        // leaves it; a redirect it still brings is held by the session, not handed to the app.
        try {
          WebBrowser.dismissAuthSession?.()
        } catch {}
        return cancelled()
      })
      if (redirect) return redirect
      throw new AuthError('popup_closed', 'The sign-in was cancelled', { cause: { state } })
    },
    launchUrl: async () => (await Linking.getInitialURL()) ?? undefined,
    onRedirect: (listener) => links.subscribe(listener),
  }
}

/** `work`, or the error `onAbort` gives as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, onAbort: () => AuthError): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort())
    signal.addEventListener('abort', abort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort))
  })
}

/** Where the server will send the user back, when the URL says (`redirect_uri`, or a logout's). */
function redirectTarget(url: string): string | undefined {
  const params = new URL(url).searchParams
  return params.get('redirect_uri') ?? params.get('post_logout_redirect_uri') ?? undefined
}
