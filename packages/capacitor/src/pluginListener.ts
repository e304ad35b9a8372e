import type { PluginListenerHandleLike } from './capacitorPlugins.ts'

/** A Capacitor listener that can be removed at once, though its handle arrives asynchronously. */
export interface PluginListener {
  /** Settles once the listener is registered. */
  readonly ready: Promise<void>
  remove(): void
}

/**
 * Wraps `addListener`'s promised handle: `remove()` may run before the handle arrives (a caller
 * that unsubscribes at once), in which case the listener is removed as soon as it does.
 */
export function pluginListener(handle: Promise<PluginListenerHandleLike>): PluginListener {
  let removed = false
  const ready = handle.then((listener) => {
    if (removed) void listener.remove().catch(() => {})
    return listener
  })
  return {
    ready: ready.then(
      () => undefined,
      () => undefined,
    ),
    remove() {
      if (removed) return
      removed = true
      void ready.then((listener) => listener.remove()).catch(() => {})
    },
  }
}
