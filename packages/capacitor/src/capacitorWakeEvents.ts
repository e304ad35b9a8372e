import type { WakeEvents } from '@payauth/core'
import type { AppPluginLike } from './capacitorPlugins.ts'
import { pluginListener } from './pluginListener.ts'

/**
 * The app came to the foreground (`App`'s `appStateChange` with `isActive`, and `resume`): timers
 * do not run while a native app is in the background, so the session is checked then.
 * @example createAuthClient({ ...options, wakeEvents: capacitorWakeEvents({ App }) })
 */
export function capacitorWakeEvents({ App }: { readonly App: AppPluginLike }): WakeEvents {
  return (onWake) => {
    const listeners = [
      pluginListener(
        App.addListener('appStateChange', ({ isActive }) => {
          if (isActive) onWake()
        }),
      ),
      pluginListener(App.addListener('resume', onWake)),
    ]
    return () => {
      for (const listener of listeners) listener.remove()
    }
  }
}
