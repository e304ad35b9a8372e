import type { AuthNavigator } from './navigation/authNavigator.ts'
import type { SessionChannel, SessionMessage } from './session/sessionChannel.ts'

/** A navigator for tests of apps built on payauth: records where the user was sent. */
export interface RecordingNavigator extends AuthNavigator {
  /** Every URL passed to `assign`, oldest first. */
  readonly assigned: readonly string[]
  /** Sets what `currentUrl()` returns, as if the browser had landed there. */
  land(url: string): void
}

/**
 * A navigator that goes nowhere: `assign` records the URL, `replace` and `land` set what
 * `currentUrl()` returns, starting at `initialUrl`. It has no `authenticate`, so
 * `loginWithPopup()` is an `invalid_config` error with it.
 * @example
 * ```ts
 * const navigator = recordingNavigator('https://app.example/cards')
 * const auth = createAuthClient({ ...options, navigator, store: memoryTokenStore() })
 * await auth.login()
 * expect(new URL(navigator.assigned[0]).searchParams.get('code_challenge_method')).toBe('S256')
 * ```
 */
export function recordingNavigator(initialUrl: string): RecordingNavigator {
  let current = initialUrl
  const assigned: string[] = []
  return {
    assigned,
    currentUrl: () => current,
    async assign(url) {
      assigned.push(url)
    },
    replace(url) {
      current = url
    },
    land(url) {
      current = url
    },
  }
}

/**
 * Connected in-memory session channels, as tabs of one browser would share a BroadcastChannel:
 * a message reaches every other channel of the hub, asynchronously, never its sender.
 */
export function sessionChannelHub(): {
  /** A new channel of the hub, for one simulated tab's `createAuthClient({ channel })`. */
  channel(): SessionChannel
} {
  const members = new Set<Set<(message: SessionMessage) => void>>()
  return {
    channel() {
      const listeners = new Set<(message: SessionMessage) => void>()
      members.add(listeners)
      return {
        post(message) {
          for (const member of members) {
            if (member === listeners) continue
            for (const listener of [...member]) setTimeout(() => listener(message), 0)
          }
        },
        subscribe(listener) {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      }
    },
  }
}
