/**
 * Where payauth keeps sessions and pending sign-ins. Values are structured-cloneable objects.
 * Implement it to keep tokens somewhere else (an encrypted store, a native bridge); never back it
 * with localStorage or sessionStorage, which every script on the page can read.
 */
export interface TokenStore {
  /** The value stored under `key`, or undefined when there is none. */
  get<T>(key: string): Promise<T | undefined>
  /**
   * Stores `value` under `key`, replacing what was there: a session, a pending sign-in, or (with
   * `dpop()`) a `CryptoKeyPair` that must come back as it went in.
   */
  set(key: string, value: unknown): Promise<void>
  /** Removes what is stored under `key`; resolves all the same when there was nothing. */
  delete(key: string): Promise<void>
  /** Every key in the store, so expired entries can be swept. */
  keys(): Promise<string[]>
  /** Whether what is stored survives a reload; `session.persisted` shows it. True unless said false. */
  readonly persistent?: boolean
}
