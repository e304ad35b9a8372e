/** Keys of one client's entries, so two apps or two issuers on one origin never share a session. */
export interface StorageKeys {
  readonly session: string
  readonly dpopKey: string
  readonly loginPrefix: string
  login(state: string): string
}

export function storageKeys(issuer: string, clientId: string): StorageKeys {
  const base = `payauth:${issuer}:${clientId}`
  const loginPrefix = `${base}:login:`
  return {
    session: `${base}:session`,
    dpopKey: `${base}:dpopKey`,
    loginPrefix,
    login: (state) => `${loginPrefix}${state}`,
  }
}
