/**
 * Moments when a page should check its session: background tabs' timers are throttled for
 * minutes, so a refresh timer alone lets the session lapse. Returns the unsubscribe function.
 */
export type WakeEvents = (onWake: () => void) => () => void

/** The tab became visible, the device came back online, or the window got focus. */
export const browserWakeEvents: WakeEvents = (onWake) => {
  if (typeof document === 'undefined' || typeof window === 'undefined') return () => {}
  const onVisibility = () => {
    if (document.visibilityState === 'visible') onWake()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('online', onWake)
  window.addEventListener('focus', onWake)
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('online', onWake)
    window.removeEventListener('focus', onWake)
  }
}
