import { decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import { type BffHarness, readJson, startBffHarness, TestBrowser, testClock } from '../test/bffHarness.ts'
import type { AccessTokenView } from './accessTokenRoute.ts'
import { privateKeyJwt } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'
import { paceProvider } from './paceProvider.ts'

// A BFF without any shared secret: it signs client assertions (RFC 7523) with its own key.
const clock = testClock()
let harness: BffHarness
const tokenRequests: URLSearchParams[] = []

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true })
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'bff-key-1', alg: 'ES256', use: 'sig' }
  harness = await startBffHarness({ paceBffClientJwks: { keys: [publicJwk] } })
  harness.mount(
    createBff({
      baseUrl: `${harness.origin}/bff`,
      provider: paceProvider({
        issuer: harness.sandbox.paceIssuer,
        // The sandbox's private_key_jwt client (apps/sandbox/src/pace/bffClients.ts).
        clientId: 'payauth-bff-jwt',
        clientAuthentication: privateKeyJwt(privateKey, 'bff-key-1'),
      }),
      sessionKeys: [generateSessionKey()],
      now: clock.now,
      fetch: (input, init) => {
        if (String(input).endsWith('/protocol/openid-connect/token')) {
          tokenRequests.push(new URLSearchParams(String(init?.body)))
        }
        return fetch(input, init)
      },
    }),
  )
})
afterAll(() => harness.close())

describe('private_key_jwt', () => {
  it('signs in and refreshes with a client assertion signed by the registered key', async () => {
    const browser = new TestBrowser(harness.origin)
    await browser.signIn()
    const first = await readJson<AccessTokenView>(await browser.call('/bff/access-token'))
    clock.advance(300_000)
    const second = await readJson<AccessTokenView>(await browser.call('/bff/access-token'))
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(tokenRequests.map((request) => request.get('grant_type'))).toEqual(['authorization_code', 'refresh_token'])
    for (const request of tokenRequests) {
      expect(request.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      expect(decodeProtectedHeader(request.get('client_assertion') ?? '')).toMatchObject({
        alg: 'ES256',
        kid: 'bff-key-1',
      })
      expect(request.has('client_secret')).toBe(false)
    }
  })
})
