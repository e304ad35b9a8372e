/** How payauth moves the user between the app and the authorization server. */
export interface AuthNavigator {
  /** The page's current URL, read when `handleCallback()` is called without one. */
  currentUrl(): string
  /**
   * Leaves the app for `url` (the authorization or end-session endpoint), or, after a logout with a
   * `returnTo` and no end-session endpoint, goes to that page of the app.
   */
  assign(url: string): Promise<void>
  /** Rewrites the address bar without a navigation, so codes and state do not stay in history. */
  replace(url: string): void
  /**
   * Runs a sign-in in a window of its own (a popup, a native auth session) and resolves with the
   * URL it came back to; rejects with `popup_blocked` or `popup_closed`. It is called at once, with
   * the sign-in still being prepared: a browser opens its popup before awaiting it, while the
   * user's click still allows one. Without it, `loginWithPopup()` is an `invalid_config` error.
   * It honours `signal`: when it aborts, it closes its window where it can and rejects with
   * `aborted` at once (`popupNavigator()` and the native adapters do; Android's Custom Tabs cannot
   * be closed by an app, and the sign-in's redirect, if it still comes, completes nothing).
   */
  authenticate?(
    signIn: Promise<{ readonly url: string; readonly state: string }>,
    options: { readonly redirectUri: string; readonly signal?: AbortSignal | undefined },
  ): Promise<string>
  /**
   * In the window that `authenticate` opened: hands its callback to the window that opened it,
   * and closes this one. False when it cannot.
   */
  relayCallback?(url: string, state: string): boolean
}
