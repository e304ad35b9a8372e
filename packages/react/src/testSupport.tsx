import {
  type AuthClient,
  type AuthLock,
  createAuthClient,
  memoryLock,
  memoryTokenStore,
  pace,
  type ScaVerifier,
  type SessionChannel,
  type TokenStore,
} from '@payauth/core'
import { type RecordingNavigator, recordingNavigator, sessionChannelHub } from '@payauth/core/testing'
import { browseAuthorization, type Sandbox } from '@payauth/sandbox'

export const appOrigin = 'http://127.0.0.1:5173'
export const redirectUri = `${appOrigin}/callback`

export interface TestClient {
  readonly client: AuthClient
  readonly navigator: RecordingNavigator
  tokenRequests(): number
}

/** What tabs of one browser share; each tab's client gets the same. */
export interface TestBrowser {
  readonly store: TokenStore
  readonly lock: AuthLock
  readonly channels: { channel(): SessionChannel }
  readonly now: () => number
}

export function testBrowser(now: () => number = Date.now): TestBrowser {
  return { store: memoryTokenStore(), lock: memoryLock(), channels: sessionChannelHub(), now }
}

/** A real client against the in-process sandbox; only navigation is recorded instead of performed. */
export function testClient(
  sandbox: Sandbox,
  browser: TestBrowser = testBrowser(),
  scaVerifier?: ScaVerifier,
): TestClient {
  const navigator = recordingNavigator(`${appOrigin}/account`)
  let tokenRequests = 0
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
    ...(scaVerifier ? { scaVerifier } : {}),
    fetch: (input, init) => {
      if (String(input).endsWith('/token')) tokenRequests++
      return fetch(input, init)
    },
  })
  return { client, navigator, tokenRequests: () => tokenRequests }
}

/** Signs in through the sandbox up to the redirect back; the page is then at the callback URL. */
export async function arriveAtCallback(test: TestClient): Promise<string> {
  await test.client.login()
  const callbackUrl = await browseAuthorization(test.navigator.assigned.at(-1) ?? '', {
    username: 'alice',
    redirectUri,
  })
  test.navigator.land(callbackUrl)
  window.history.replaceState(null, '', callbackUrl)
  return callbackUrl
}
