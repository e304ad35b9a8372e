import type { AuthNavigator } from './navigation/authNavigator.ts'

/** A navigator for tests of apps built on payauth: records where the user was sent. */
export interface RecordingNavigator extends AuthNavigator {
  /** Every URL passed to `assign`, oldest first. */
  readonly assigned: readonly string[]
  /** Sets what `currentUrl()` returns, as if the browser had landed there. */
  land(url: string): void
}

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
