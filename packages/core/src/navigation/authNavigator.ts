/** How payauth moves the user between the app and the authorization server. */
export interface AuthNavigator {
  /** The page's current URL, read when `handleCallback()` is called without one. */
  currentUrl(): string
  /** Leaves the app for `url` (the authorization or logout endpoint). */
  assign(url: string): Promise<void>
  /** Rewrites the address bar without a navigation, so codes and state do not stay in history. */
  replace(url: string): void
}
