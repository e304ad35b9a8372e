import type {
  AppPluginLike,
  BrowserPluginLike,
  CapacitorPlugins,
  PluginListenerHandleLike,
  SecureStorageData,
  SecureStoragePluginLike,
} from '../capacitorPlugins.ts'

/** What survives the app being killed: the Keychain (local and iCloud), as the plugin writes it. */
export interface FakeKeychains {
  readonly local: Map<string, string>
  readonly iCloud: Map<string, string>
  /** The keychain accessibility each key was last written with. */
  readonly access: Map<string, number | undefined>
}

/**
 * Capacitor's Browser, App and SecureStorage plugins replaced at their documented JavaScript API,
 * with what the OS and the user do around them: links into the app, the browser closed, the app
 * coming to the foreground. `relaunch` is the app killed and started again on the same device.
 */
export interface FakeCapacitor extends CapacitorPlugins {
  readonly keychains: FakeKeychains
  /** URLs the app showed in the browser, oldest first. */
  readonly opened: string[]
  /** Calls of `Browser.close()`. */
  readonly closes: number
  /** `SecureStorage.setSynchronize(true)`: the app syncs its own data through iCloud. */
  syncByDefault: boolean
  /** Whether `Browser.open` fails (no browser on the device). */
  browserMissing: boolean
  /** The OS opens the app with `url` (`appUrlOpen`). */
  openLink(url: string): void
  /** The user closes the browser (`browserFinished`). */
  closeBrowser(): void
  /** The app comes to the foreground (`appStateChange` active, then `resume`) or leaves it. */
  foreground(): void
  background(): void
  /** Listeners now registered for `event`. */
  listeners(event: string): number
  relaunch(launchUrl?: string): FakeCapacitor
}

/** The plugin's prefix, and its check for ISO dates it turns into `Date`s unless told not to. */
const prefix = 'capacitor-storage_'
const isoDate = /^"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}).(\d{3})Z"$/u

export function fakeCapacitor(
  launchUrl?: string,
  keychains: FakeKeychains = { local: new Map(), iCloud: new Map(), access: new Map() },
): FakeCapacitor {
  const listeners = new Map<string, Set<(event: never) => void>>()
  const opened: string[] = []
  let closes = 0
  const emit = (name: string, event?: unknown) => {
    for (const listener of [...(listeners.get(name) ?? [])]) (listener as (event: unknown) => void)(event)
  }
  const addListener = async (name: string, listener: (event: never) => void): Promise<PluginListenerHandleLike> => {
    const set = listeners.get(name) ?? new Set()
    listeners.set(name, set)
    set.add(listener)
    return {
      async remove() {
        set.delete(listener)
      },
    }
  }

  const Browser: BrowserPluginLike = {
    async open({ url }) {
      if (device.browserMissing) throw new Error('No browser can open the URL')
      opened.push(url)
    },
    async close() {
      closes++
    },
    addListener: (name, listener) => addListener(name, listener),
  }
  const App = {
    getLaunchUrl: async () => (launchUrl === undefined ? undefined : { url: launchUrl }),
    addListener,
  } as AppPluginLike

  const keychain = (sync: boolean | undefined) => ((sync ?? device.syncByDefault) ? keychains.iCloud : keychains.local)
  const requireKey = (key: string) => {
    if (!key) throw Object.assign(new Error('Empty key'), { code: 'missingKey' })
  }
  const SecureStorage: SecureStoragePluginLike = {
    async get(key, convertDate = true, sync) {
      requireKey(key)
      const data = keychain(sync).get(prefix + key)
      if (data === undefined) return null
      const date = convertDate ? isoDate.exec(data) : null
      return date ? new Date(JSON.parse(data)) : JSON.parse(data)
    },
    async set(key, data: SecureStorageData | Date, convertDate = true, sync, access) {
      requireKey(key)
      keychains.access.set(key, access)
      keychain(sync).set(prefix + key, JSON.stringify(convertDate && data instanceof Date ? data.toISOString() : data))
    },
    async remove(key, sync) {
      requireKey(key)
      return keychain(sync).delete(prefix + key)
    },
    async keys(sync) {
      return [...keychain(sync).keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length))
    },
  }

  const device: FakeCapacitor = {
    Browser,
    App,
    SecureStorage,
    keychains,
    opened,
    get closes() {
      return closes
    },
    syncByDefault: false,
    browserMissing: false,
    openLink: (url) => emit('appUrlOpen', { url }),
    closeBrowser: () => emit('browserFinished'),
    foreground() {
      emit('appStateChange', { isActive: true })
      emit('resume')
    },
    background() {
      emit('appStateChange', { isActive: false })
      emit('pause')
    },
    listeners: (event) => listeners.get(event)?.size ?? 0,
    relaunch: (url) => fakeCapacitor(url, keychains),
  }
  return device
}
