import type { SecureStorage } from '@aparajita/capacitor-secure-storage'
import type { App } from '@capacitor/app'
import type { Browser } from '@capacitor/browser'
import { expectTypeOf } from 'vitest'
import type { AppPluginLike, BrowserPluginLike, CapacitorPlugins, SecureStoragePluginLike } from './capacitorPlugins.ts'

// The plugins' own types fit the shapes the adapters ask for, so apps pass them as they import them.
expectTypeOf<typeof Browser>().toExtend<BrowserPluginLike>()
expectTypeOf<typeof App>().toExtend<AppPluginLike>()
expectTypeOf<typeof SecureStorage>().toExtend<SecureStoragePluginLike>()
expectTypeOf<{
  Browser: typeof Browser
  App: typeof App
  SecureStorage: typeof SecureStorage
}>().toExtend<CapacitorPlugins>()
