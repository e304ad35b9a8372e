import type { TokenStore } from '@payauth/core'
import { jsonValue } from '@payauth/core/native'
import type { SecureStoragePluginLike } from './capacitorPlugins.ts'

/** Options of `capacitorSecureStore()`. */
export interface CapacitorSecureStoreOptions {
  /**
   * iOS Keychain accessibility, a `KeychainAccess` value of the plugin. By default
   * `whenUnlockedThisDeviceOnly` (1): tokens are read while the app is in use, and never migrate
   * to another device through a backup.
   */
  readonly keychainAccess?: number
}

/** `KeychainAccess.whenUnlockedThisDeviceOnly` of `@aparajita/capacitor-secure-storage`. */
const whenUnlockedThisDeviceOnly = 1
/** Never the iCloud Keychain: a refresh token on two devices is rotated by both, ending both sessions. */
const sync = false
/** The plugin turns strings that look like ISO dates into `Date`s unless told not to. */
const convertDate = false

/**
 * Sessions and pending sign-ins in `@aparajita/capacitor-secure-storage`: the iOS Keychain, and on
 * Android AES-GCM under a key the Android KeyStore holds. Values are JSON (what JSON would change
 * is refused with `storage_error`); neither platform limits their size or the keys' characters.
 * Its web implementation is plain localStorage: on the web, use the core's defaults instead.
 * @example
 * import { SecureStorage } from '@aparajita/capacitor-secure-storage'
 * const store = capacitorSecureStore({ SecureStorage })
 */
export function capacitorSecureStore(
  { SecureStorage }: { readonly SecureStorage: SecureStoragePluginLike },
  options: CapacitorSecureStoreOptions = {},
): TokenStore {
  const access = options.keychainAccess ?? whenUnlockedThisDeviceOnly
  return {
    async get<T>(key: string) {
      const data = await SecureStorage.get(key, convertDate, sync)
      return (data ?? undefined) as T | undefined
    },
    async set(key, value) {
      await SecureStorage.set(key, jsonValue(value), convertDate, sync, access)
    },
    async delete(key) {
      await SecureStorage.remove(key, sync)
    },
    keys: () => SecureStorage.keys(sync),
  }
}
