import type { AuthClient, AuthLock, AuthNavigator, SessionChannel, TokenStore, WakeEvents } from '@payauth/core'

/** What an adapter gives `createAuthClient`: the platform-specific half of its options. */
export interface AdapterEnvironment {
  readonly navigator: AuthNavigator
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly channel: SessionChannel
  readonly wakeEvents: WakeEvents
}

/** The browser an adapter opens (a page, a popup, a native auth session), played by a test. */
export interface FakeBrowser {
  /** URLs the adapter showed in it, oldest first. */
  readonly opened: readonly string[]
  /** The browser arrives at `url`, the app's redirect, and the platform hands it back. */
  redirect(url: string): Promise<void>
  /** The user closes the browser before signing in. */
  close(): Promise<void>
}

/** One adapter's storage, as the store contract sees it. */
export interface StoreFixture {
  readonly store: TokenStore
  /** Whether what it holds outlives the process. */
  readonly persistent: boolean
  /** The same storage as a new process sees it (the app killed and started again), when persistent. */
  readonly reopen?: () => TokenStore
}

/** One adapter's navigator, with the browser it opens. */
export interface NavigatorFixture {
  readonly navigator: AuthNavigator
  readonly browser: FakeBrowser
  /** The redirect URI the browser comes back to. */
  readonly redirectUri: string
  /** Native shells hand links into the app to the app (`navigator.onRedirect`). */
  readonly onRedirect?: (listener: (url: string) => void) => () => void
}

/** One adapter's wake events, with the platform's foreground and background. */
export interface WakeFixture {
  readonly wakeEvents: WakeEvents
  foreground(): void
  background(): void
}

/** A device running the app with an adapter, new for each test: each launch is a new process on it. */
export interface AppFixture {
  /** The sandbox's PACE client the app is registered as: the SPA's, or the native app's. */
  readonly native: boolean
  /** The redirect URI the app registered. */
  readonly redirectUri: string
  /** Starts the app (storage kept from earlier launches, memory not), opened by `launchUrl` if given. */
  launch(launchUrl?: string): AppProcess
}

/** One run of the app. */
export interface AppProcess {
  readonly environment: AdapterEnvironment
  readonly browser: FakeBrowser
  /** The app (or page) comes back to the foreground. */
  wake(): void
  /**
   * What the app runs at start so that a sign-in coming back completes: `completeRedirects()` in a
   * native shell, `handleCallback()` on a web app's callback route.
   */
  completeRedirects(auth: AuthClient): void
}
