import type { AuthNavigator } from '../navigation/authNavigator.ts'

/**
 * A navigator of a native shell: the core's `AuthNavigator`, plus the links that open the app,
 * which `completeRedirects()` hands to the client.
 */
export interface NativeNavigator extends AuthNavigator {
  /** The URL that launched the app, when a link did (a cold start: the app was killed meanwhile). */
  launchUrl(): Promise<string | undefined>
  /**
   * Calls `listener` with every link into the app that no `authenticate()` took for itself, and with
   * in-app URLs the core navigates to (a logout's landing). Returns the unsubscribe function.
   */
  onRedirect(listener: (url: string) => void): () => void
}
