import type {
  AppStateLike,
  AuthSessionOptionsLike,
  AuthSessionResultLike,
  LinkingLike,
  ReactNativeModules,
  SecureStoreLike,
  SecureStoreOptionsLike,
  WebBrowserLike,
} from '../reactNativeModules.ts'

/** One call of `openAuthSessionAsync`. */
export interface FakeSession {
  readonly url: string
  readonly redirectUrl: string | null | undefined
  readonly options: AuthSessionOptionsLike | undefined
  finish(result: AuthSessionResultLike): void
}

/** What survives the app being killed: the Keychain entries, with the options each was written with. */
export type FakeKeychain = Map<string, { readonly value: string; readonly options: SecureStoreOptionsLike }>

/**
 * expo-web-browser, expo-secure-store and React Native's AppState and Linking, replaced at their
 * documented JavaScript API, with what the OS and the user do around them. `ios` sessions hand the
 * redirect back themselves; Android's Custom Tabs polyfill learns it from a `Linking` event, and may
 * report `dismiss` first (`dismissBeforeLink`). `relaunch` is the app killed and started again.
 */
export interface FakeReactNative extends ReactNativeModules {
  readonly keychain: FakeKeychain
  readonly sessions: FakeSession[]
  /** URLs shown in an auth session, oldest first. */
  readonly opened: string[]
  platform: 'ios' | 'android'
  dismissBeforeLink: boolean
  /** `setItemAsync` calls that still succeed before the device fails every write; unlimited if undefined. */
  writesLeft: number | undefined
  /** The browser goes to `url`, the app's redirect. */
  redirect(url: string): void
  /** The user closes the auth session. */
  closeBrowser(): void
  foreground(): void
  background(): void
  relaunch(launchUrl?: string): FakeReactNative
}

/** expo-secure-store's documented rules: keys of `[A-Za-z0-9._-]`, values of 2048 bytes at most. */
const validKey = /^[\w.-]+$/
const valueBytesLimit = 2_048

export function fakeReactNative(launchUrl?: string, keychain: FakeKeychain = new Map()): FakeReactNative {
  const urlListeners = new Set<(event: { url: string }) => void>()
  const stateListeners = new Set<(state: string) => void>()
  const sessions: FakeSession[] = []
  const opened: string[] = []
  const open = () => sessions.filter((session) => !finished.has(session))
  const finished = new Set<FakeSession>()
  const link = (url: string) => {
    for (const listener of [...urlListeners]) listener({ url })
  }

  const WebBrowser: WebBrowserLike = {
    openAuthSessionAsync(url, redirectUrl, options) {
      if (open().length > 0) return Promise.reject(new Error('The auth session is in an invalid state'))
      opened.push(url)
      return new Promise((resolve) => {
        const session: FakeSession = {
          url,
          redirectUrl,
          options,
          finish(result) {
            finished.add(session)
            resolve(result)
          },
        }
        sessions.push(session)
      })
    },
    dismissAuthSession() {
      // As expo-web-browser: iOS closes the session; Android's Custom Tabs cannot be closed by the app.
      if (device.platform === 'android')
        throw new Error('The method or property WebBrowser.dismissBrowser is not available on android')
      open()[0]?.finish({ type: 'dismiss' })
    },
  }
  const SecureStore: SecureStoreLike = {
    WHEN_UNLOCKED_THIS_DEVICE_ONLY: 6,
    async getItemAsync(key) {
      if (!validKey.test(key)) throw new Error(`Invalid key provided to SecureStore: ${key}`)
      return keychain.get(key)?.value ?? null
    },
    async setItemAsync(key, value, options = {}) {
      if (!validKey.test(key)) throw new Error(`Invalid key provided to SecureStore: ${key}`)
      if (typeof value !== 'string') throw new Error('Invalid value provided to SecureStore')
      if (new TextEncoder().encode(value).length > valueBytesLimit) throw new Error('Value is over 2048 bytes')
      if (device.writesLeft !== undefined && device.writesLeft-- <= 0) throw new Error('The Keychain refused the write')
      keychain.set(key, { value, options })
    },
    async deleteItemAsync(key) {
      if (!validKey.test(key)) throw new Error(`Invalid key provided to SecureStore: ${key}`)
      keychain.delete(key)
    },
  }
  const AppState: AppStateLike = {
    addEventListener(_type, listener) {
      stateListeners.add(listener)
      return { remove: () => stateListeners.delete(listener) }
    },
  }
  const Linking: LinkingLike = {
    getInitialURL: async () => launchUrl ?? null,
    addEventListener(_type, listener) {
      urlListeners.add(listener)
      return { remove: () => urlListeners.delete(listener) }
    },
  }

  const device: FakeReactNative = {
    WebBrowser,
    SecureStore,
    AppState,
    Linking,
    keychain,
    sessions,
    opened,
    platform: 'ios',
    dismissBeforeLink: false,
    writesLeft: undefined,
    redirect(url) {
      const [session] = open()
      const scheme = (target: string | null | undefined) => (target ? new URL(target).protocol : undefined)
      if (!session || scheme(session.redirectUrl) !== new URL(url).protocol) return link(url)
      if (device.platform === 'ios') return session.finish({ type: 'success', url })
      if (device.dismissBeforeLink) {
        // The app came back to the front first: the polyfill says dismiss, and the link follows.
        session.finish({ type: 'dismiss' })
        setTimeout(() => link(url), 0)
        return
      }
      link(url)
      session.finish({ type: 'success', url })
    },
    closeBrowser: () => open()[0]?.finish({ type: 'cancel' }),
    foreground() {
      for (const listener of [...stateListeners]) listener('active')
    },
    background() {
      for (const listener of [...stateListeners]) listener('background')
    },
    relaunch: (url) => fakeReactNative(url, keychain),
  }
  return device
}
