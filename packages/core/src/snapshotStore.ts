import type { AuthError } from './errors.ts'
import { type AuthSnapshot, loadingSnapshot, nextSnapshot, type SnapshotEvent } from './snapshot.ts'
import { toAuthError } from './toAuthError.ts'

/** The client's observable state: what `subscribe` and `getSnapshot` expose, and how it changes. */
export interface SnapshotStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): AuthSnapshot
  dispatch(event: SnapshotEvent): void
  /** Runs a command so that any failure is both thrown and recorded in the snapshot, as an `AuthError`. */
  run<T>(command: () => Promise<T>, failure: string): Promise<T>
}

export function snapshotStore(): SnapshotStore {
  let snapshot = loadingSnapshot
  const listeners = new Set<() => void>()

  function dispatch(event: SnapshotEvent): void {
    const next = nextSnapshot(snapshot, event)
    if (next === snapshot) return
    snapshot = next
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        // A subscriber's bug must not stop the session's own bookkeeping; report it unhandled.
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    getSnapshot: () => snapshot,
    dispatch,
    async run(command, failure) {
      try {
        return await command()
      } catch (error) {
        const recorded: AuthError = toAuthError(error, 'invalid_response', failure)
        dispatch({ type: 'failed', error: recorded })
        throw recorded
      }
    },
  }
}
