/**
 * A mutex shared by every tab of the origin, held around a refresh so that a single-use refresh
 * token is never presented twice.
 */
export interface AuthLock {
  /** Runs `task` while holding the lock `name`, waiting for other holders first. */
  run<T>(name: string, task: () => Promise<T>): Promise<T>
}
