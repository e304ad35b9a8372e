import { AuthError, type TokenSet, type TokenStore } from '@payauth/core'
import { type Sandbox, type SandboxOptions, startSandbox } from '@payauth/sandbox'
import { afterAll, beforeAll, expect } from 'vitest'
import { appOrigin } from './testClient.ts'

/** The sandbox of the calling test file, once `setUpSandbox()` has started it. */
export let sandbox: Sandbox

/** Starts the sandbox on a free port for the calling test file and stops it after. */
export function setUpSandbox(options: Omit<SandboxOptions, 'port' | 'appOrigins'> = {}): void {
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], ...options })
  })
  afterAll(() => sandbox.close())
}

/** What `promise` rejects with, checked to be an `AuthError`. */
export async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AuthError)
  return error as AuthError
}

/** The store key of the sandbox PACE client's session. */
export const sessionKey = (clientId = sandbox.paceClientId): string =>
  `payauth:${sandbox.paceIssuer}:${clientId}:session`

/** The session the store holds for the sandbox PACE client. */
export function storedSession(store: TokenStore, clientId?: string): Promise<TokenSet | undefined> {
  return store.get<TokenSet>(sessionKey(clientId))
}
