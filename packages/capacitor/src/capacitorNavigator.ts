import { AuthError } from '@payauth/core'
import type { NativeNavigator } from '@payauth/core/native'
import { isRedirectTo, isWebUrl, linkRouter, stateOf } from '@payauth/core/native'
import type { AppPluginLike, BrowserPluginLike } from './capacitorPlugins.ts'
import { pluginListener } from './pluginListener.ts'

/** Options of `capacitorNavigator()`. */
export interface CapacitorNavigatorOptions {
  /**
   * The app's current URL, for `login()`'s default `returnTo`. A native app has no address bar:
   * without this, sign-ins return to `/` unless `returnTo` is given.
   */
  readonly currentUrl?: () => string
  /**
   * How long a redirect may still arrive after the browser reported closed: Android reports its
   * Custom Tab hidden as the app comes back, sometimes before the link itself. 1 s by default.
   */
  readonly closedGraceMs?: number
  /** Passed to `Browser.open` (`toolbarColor`, `presentationStyle`); the plugin's defaults otherwise. */
  readonly browserOptions?: {
    /** The browser's toolbar colour, as `#RRGGBB`. */
    readonly toolbarColor?: string
    /** iOS: how the browser is presented, `fullscreen` or `popover`. */
    readonly presentationStyle?: 'fullscreen' | 'popover'
  }
}

/** A native app has no page URL; `about:blank` keeps `returnTo` at the app's root. */
const noPage = 'about:blank'

/**
 * Sign-in in the system browser of a Capacitor app (`@capacitor/browser`: SFSafariViewController
 * on iOS, a Custom Tab on Android), back through the app's link (`@capacitor/app`'s `appUrlOpen`),
 * for a private-use scheme or a claimed https link (RFC 8252). `authenticate` (behind
 * `auth.loginWithPopup()`) resolves with the redirect, and rejects with `aborted` when the app
 * cancels (`loginWithPopup`'s `signal`), closing the browser where the system lets it; `assign` (behind `login()` and a logout's
 * end-session page) opens the browser, and the redirect reaches `completeRedirects()`.
 * @example
 * const navigator = capacitorNavigator({ Browser, App })
 * const auth = createAuthClient({ ...options, navigator })
 * completeRedirects(auth, navigator, { redirectUri })
 * @see https://www.rfc-editor.org/rfc/rfc8252
 */
export function capacitorNavigator(
  { Browser, App }: { readonly Browser: BrowserPluginLike; readonly App: AppPluginLike },
  options: CapacitorNavigatorOptions = {},
): NativeNavigator {
  const graceMs = options.closedGraceMs ?? 1_000
  const links = linkRouter((emit) => {
    const listener = pluginListener(App.addListener('appUrlOpen', (event) => emit(event.url)))
    return { ready: listener.ready, stop: listener.remove }
  })
  // iOS keeps SFSafariViewController over the app after the redirect: it is taken away here.
  const closeBrowser = () => void Browser.close().catch(() => {})
  let closeOnReturn: (() => void) | undefined

  async function open(url: string): Promise<void> {
    try {
      await Browser.open({ ...options.browserOptions, url })
    } catch (error) {
      throw new AuthError('popup_blocked', 'The in-app browser could not be opened', { cause: error })
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
      closeOnReturn?.()
      const stop = links.intercept(() => {
        stop()
        closeBrowser()
        return false
      })
      closeOnReturn = stop
      await links.ready()
      await open(url)
    },
    async authenticate(signIn, { redirectUri, signal }) {
      // A native browser needs no click to open: the prepared sign-in can be awaited first.
      const { url, state } = await signIn
      const cancelled = () => new AuthError('aborted', 'The app cancelled the sign-in', { cause: { state } })
      if (signal?.aborted) throw cancelled()
      let settle: { resolve(url: string): void; reject(error: AuthError): void } | undefined
      const result = new Promise<string>((resolve, reject) => {
        settle = { resolve, reject }
      })
      // A cancel while the browser is still opening settles this before anyone awaits it.
      result.catch(() => {})

      let closedTimer: ReturnType<typeof setTimeout> | undefined
      const stopLinks = links.intercept((link) => {
        // Another sign-in's redirect (an old tab of the flow) is left to completeRedirects.
        if (!isRedirectTo(link, redirectUri) || stateOf(link) !== state) return false
        finish()
        closeBrowser()
        settle?.resolve(link)
        return true
      })
      const finished = pluginListener(
        Browser.addListener('browserFinished', () => {
          closedTimer ??= setTimeout(() => {
            finish()
            settle?.reject(new AuthError('popup_closed', 'The sign-in browser was closed', { cause: { state } }))
          }, graceMs)
        }),
      )
      // The app cancelled (loginWithPopup's signal): the browser goes where the system lets an app
      // close it (iOS). Until it is gone, this sign-in's redirect is swallowed, not completed; its
      // browserFinished ends the watch as it ends a sign-in.
      const abort = () => {
        closeBrowser()
        settle?.reject(cancelled())
      }
      signal?.addEventListener('abort', abort, { once: true })
      function finish() {
        stopLinks()
        finished.remove()
        clearTimeout(closedTimer)
        signal?.removeEventListener('abort', abort)
      }
      try {
        await Promise.all([links.ready(), finished.ready])
        await open(url)
        // Cancelled while it opened: it opened all the same.
        if (signal?.aborted) closeBrowser()
      } catch (error) {
        finish()
        throw error
      }
      return result
    },
    launchUrl: async () => (await App.getLaunchUrl())?.url || undefined,
    onRedirect: (listener) => links.subscribe(listener),
  }
}
