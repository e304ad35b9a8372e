import type { WakeEvents } from '@payauth/core'
import type { AppStateLike } from './reactNativeModules.ts'

/**
 * The app came to the foreground (`AppState` turned `active`): timers do not run while a native
 * app is in the background, so the session is checked then.
 * @example createAuthClient({ ...options, wakeEvents: reactNativeWakeEvents({ AppState }) })
 */
export function reactNativeWakeEvents({ AppState }: { readonly AppState: AppStateLike }): WakeEvents {
  return (onWake) => {
    const subscription = AppState.addEventListener('change', (state) => {
      if (state === 'active') onWake()
    })
    return () => subscription.remove()
  }
}
