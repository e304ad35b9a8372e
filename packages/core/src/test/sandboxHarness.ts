import { browseAuthorization, type Sandbox, type SandboxOptions, startSandbox } from '@payauth/sandbox'
import { afterAll, beforeAll, expect } from 'vitest'
import { type AuthClient, createAuthClient } from '../authClient.ts'
import type { AuthClientOptions } from '../authClientOptions.ts'
import { AuthError } from '../errors.ts'
import { pace } from '../providers/pace.ts'
import { memoryLock } from '../session/memoryLock.ts'
import type { TokenSet } from '../session/tokenSet.ts'
import { memoryTokenStore } from '../storage/memoryTokenStore.ts'
import type { TokenStore } from '../storage/tokenStore.ts'
import { type RecordingNavigator, recordingNavigator } from '../testing.ts'

export const appOrigin = 'http://127.0.0.1:5173'
export const redirectUri = `${appOrigin}/callback`
export let sandbox: Sandbox

/** Starts the sandbox for the calling test file. */
export function useSandbox(options: Omit<SandboxOptions, 'port' | 'appOrigins'> = {}): void {
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], ...options })
  })
  afterAll(() => sandbox.close())
}

export interface Harness {
  client: AuthClient
  navigator: RecordingNavigator
  store: TokenStore
  tokenRequests: () => number
  /** Token requests by grant type, as this client sent them. */
  grants: string[]
}

export function harness(overrides: Partial<AuthClientOptions> = {}): Harness {
  const navigator = recordingNavigator(`${appOrigin}/wallet?tab=cards`)
  const store = overrides.store ?? memoryTokenStore()
  let tokenRequests = 0
  const grants: string[] = []
  const client = createAuthClient({
    provider: pace({ issuer: sandbox.paceIssuer }),
    clientId: sandbox.paceClientId,
    redirectUri,
    scope: ['openid', 'profile', 'payment:payment-methods:read:authenticated'],
    navigator,
    store,
    lock: memoryLock(),
    channel: { post() {}, subscribe: () => () => {} },
    wakeEvents: () => () => {},
    fetch: (input, init) => {
      if (String(input).endsWith('/protocol/openid-connect/token')) {
        tokenRequests++
        grants.push(new URLSearchParams(String(init?.body)).get('grant_type') ?? '')
      }
      return fetch(input, init)
    },
    ...overrides,
  })
  return { client, navigator, store, tokenRequests: () => tokenRequests, grants }
}

/** Starts a sign-in and plays the user through the sandbox; returns the callback URL. */
export async function signInAs(h: Harness, username = 'alice', decision: 'allow' | 'deny' = 'allow'): Promise<string> {
  await h.client.login()
  const authorizationUrl = h.navigator.assigned.at(-1)
  if (!authorizationUrl) throw new Error('login did not navigate')
  const callbackUrl = await browseAuthorization(authorizationUrl, { username, redirectUri, decision })
  h.navigator.land(callbackUrl)
  return callbackUrl
}

export async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AuthError)
  return error as AuthError
}

export const sessionKey = (): string => `payauth:${sandbox.paceIssuer}:${sandbox.paceClientId}:session`

export async function storedSession(store: TokenStore): Promise<TokenSet | undefined> {
  return store.get<TokenSet>(sessionKey())
}

export type { AuthClient }
