import {
  type AuthClient,
  type ClientOptions,
  createAuthClient,
  type OAuthProvider,
  pace,
  type TokenStore,
} from '@payauth/core'
import { type RecordingNavigator, recordingNavigator } from '@payauth/core/testing'
import type { Sandbox } from '@payauth/sandbox'
import { type TestBrowser, testBrowser } from './testBrowser.ts'

export const appOrigin = 'http://127.0.0.1:5173'
export const redirectUri = `${appOrigin}/callback`

export interface TestClient {
  readonly client: AuthClient
  readonly navigator: RecordingNavigator
  readonly store: TokenStore
  readonly redirectUri: string
  /** Token requests this client sent. */
  tokenRequests(): number
  /** Their grant types, oldest first. */
  readonly grants: string[]
}

export interface TestClientOptions extends ClientOptions {
  /** The sandbox's PACE realm by default. */
  readonly provider?: OAuthProvider
  /** The sandbox's public PACE client by default. */
  readonly clientId?: string
  readonly redirectUri?: string
  /** The tab's browser; a new one by default. */
  readonly browser?: TestBrowser
  /** The app path the tab shows when the test starts. */
  readonly at?: string
}

/**
 * A real client of the sandbox's PACE realm, as one browser tab: only navigation is recorded instead
 * of performed, and no wake events fire unless the test fires them.
 */
export function testClient(sandbox: Sandbox, options: TestClientOptions = {}): TestClient {
  const { browser = testBrowser(), at = '/wallet?tab=cards', ...overrides } = options
  const navigator = recordingNavigator(`${appOrigin}${at}`)
  const grants: string[] = []
  const client = createAuthClient({
    provider: pace({ issuer: sandbox.paceIssuer }),
    clientId: sandbox.paceClientId,
    redirectUri,
    scope: ['openid', 'profile', 'payment:payment-methods:read:authenticated'],
    navigator,
    store: browser.store,
    lock: browser.lock,
    channel: browser.channels.channel(),
    now: browser.now,
    wakeEvents: () => () => {},
    // The sandbox serves the APIs the tests call with auth.fetch.
    resourceOrigins: [sandbox.origin],
    fetch: (input, init) => {
      const url = String(input instanceof Request ? input.url : input)
      if (url.endsWith('/token')) grants.push(new URLSearchParams(String(init?.body)).get('grant_type') ?? '')
      return fetch(input, init)
    },
    ...overrides,
  })
  return {
    client,
    navigator,
    store: overrides.store ?? browser.store,
    redirectUri: overrides.redirectUri ?? redirectUri,
    tokenRequests: () => grants.length,
    grants,
  }
}
