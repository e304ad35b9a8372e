import type { TokenStore } from '@payauth/core'
import { jsonValue } from '@payauth/core/native'
import type { SecureStoreLike } from './reactNativeModules.ts'
import { secureStoreEntries } from './secureStoreEntries.ts'
import { secureStoreKeys } from './secureStoreKeys.ts'
import { serialQueue } from './serialQueue.ts'

/** Options of `expoSecureStore()`. */
export interface ExpoSecureStoreOptions {
  /** Prefix of every entry, `[A-Za-z0-9-]`; `payauth` by default. */
  readonly namespace?: string
  /**
   * expo-secure-store's `keychainService`: the iOS Keychain item's service, the alias of the
   * Android Keystore key pair; the module's default when undefined. Values written under one are
   * read back only under the same.
   */
  readonly keychainService?: string
  /**
   * iOS accessibility (`keychainAccessible`); by default the module's
   * `WHEN_UNLOCKED_THIS_DEVICE_ONLY`: readable while the app is in use, never migrated through a
   * backup to another device.
   */
  readonly keychainAccessible?: number
  /** Bytes one entry may hold: expo-secure-store's documented 2048 by default. */
  readonly entryBytes?: number
  /** The most one value may take; larger ones are refused with `storage_error`. 64 KiB by default. */
  readonly maxValueBytes?: number
}

/**
 * Sessions and pending sign-ins in `expo-secure-store` (the iOS Keychain; on Android, values
 * encrypted with a Keystore key). Its limits are met here: keys are escaped into the allowed
 * `[A-Za-z0-9._-]`, values larger than one entry (a PACE session is about 3.4 kB) are spread over
 * several with a manifest, never truncated, and an index entry lists the keys, which the store
 * cannot. Values are JSON; what JSON would change is refused with `storage_error`.
 * @example
 * import * as SecureStore from 'expo-secure-store'
 * const store = expoSecureStore({ SecureStore })
 */
export function expoSecureStore(
  { SecureStore }: { readonly SecureStore: SecureStoreLike },
  options: ExpoSecureStoreOptions = {},
): TokenStore {
  const keys = secureStoreKeys(options.namespace ?? 'payauth')
  const keychainAccessible = options.keychainAccessible ?? SecureStore.WHEN_UNLOCKED_THIS_DEVICE_ONLY
  const entries = secureStoreEntries(SecureStore, {
    keys,
    storeOptions: {
      ...(options.keychainService === undefined ? {} : { keychainService: options.keychainService }),
      ...(keychainAccessible === undefined ? {} : { keychainAccessible }),
    },
    entryBytes: options.entryBytes ?? 2_048,
    maxValueBytes: options.maxValueBytes ?? 64 * 1_024,
  })
  const queue = serialQueue()

  async function listed(): Promise<string[]> {
    const index = await entries.read(keys.index)
    return Array.isArray(index) ? index.filter((key): key is string => typeof key === 'string') : []
  }

  return {
    get: <T>(key: string) => queue(async () => (await entries.read(keys.entry(key))) as T | undefined),
    set: (key, value) =>
      queue(async () => {
        const checked = jsonValue(value)
        // Listed first: a crash before the value is written leaves a key that reads as nothing,
        // which the core sweeps, rather than a value nobody can find.
        const index = await listed()
        if (!index.includes(key)) await entries.write(keys.index, [...index, key])
        await entries.write(keys.entry(key), checked)
      }),
    delete: (key) =>
      queue(async () => {
        await entries.remove(keys.entry(key))
        const index = await listed()
        if (index.includes(key))
          await entries.write(
            keys.index,
            index.filter((listedKey) => listedKey !== key),
          )
      }),
    keys: () => queue(listed),
  }
}
