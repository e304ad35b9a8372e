import { redirectUri, signInAs, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { onAccessTokenChange } from './accessTokenChanges.ts'
import { AuthErrorCode, type OAuthResponseError } from './errors.ts'
import { TokenTypeUri, tokenExchange } from './exchange/tokenExchange.ts'
import { par } from './par/par.ts'
import { richAuthorization } from './rar/richAuthorization.ts'

setUpSandbox()

describe('pushed authorization requests (RFC 9126)', () => {
  it('pushes the parameters and sends the browser with a request_uri only', async () => {
    const h = testClient(sandbox, { par: par() })
    await h.client.login({ params: { kc_idp_hint: 'google' } })
    const url = new URL(h.navigator.assigned.at(-1) ?? '')
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri'])
    expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/)
    const callbackUrl = await browseAuthorization(url.href, { username: 'alice', redirectUri })
    const { session } = await h.client.handleCallback(callbackUrl)
    expect(session.user?.sub).toBe('alice')
  })
})

describe('rich authorization requests (RFC 9396)', () => {
  const payment = {
    type: 'payment_initiation',
    instructedAmount: { currency: 'EUR', amount: '123.50' },
    creditorName: 'Merchant A',
  }

  it('sends authorization_details as JSON and surfaces what was granted', async () => {
    const h = testClient(sandbox, {
      rar: richAuthorization(),
      // The sandbox's realm has no RAR policy; answer as a RAR server would, at the fetch boundary.
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (!String(input).endsWith('/token')) return response
        return Response.json({ ...((await response.json()) as object), authorization_details: [payment] })
      },
    })
    await h.client.login({ authorizationDetails: [payment] })
    const url = new URL(h.navigator.assigned.at(-1) ?? '')
    expect(JSON.parse(url.searchParams.get('authorization_details') ?? '')).toEqual([payment])
    const { session } = await h.client.handleCallback(
      await browseAuthorization(url.href, { username: 'alice', redirectUri }),
    )
    expect(session.authorizationDetails).toEqual([payment])
  })
})

describe('token exchange (RFC 8693)', () => {
  it('trades the session token for another and keeps the session as it was', async () => {
    const h = testClient(sandbox, { tokenExchange: tokenExchange() })
    await h.client.handleCallback(await signInAs(h))
    const sessionToken = await h.client.getAccessToken()
    const exchanged = await h.client.exchangeToken({ scope: ['openid'], audience: 'payments-api' })
    expect(exchanged.accessToken).not.toBe(sessionToken)
    expect(exchanged.issuedTokenType).toBe(TokenTypeUri.AccessToken)
    expect(exchanged.scope).toEqual(['openid'])
    expect(exchanged.expiresAt).toBeGreaterThan(Date.now())
    expect(await h.client.getAccessToken()).toBe(sessionToken)
    expect(h.grants.at(-1)).toBe('urn:ietf:params:oauth:grant-type:token-exchange')
  })

  it('passes the server refusal through, typed', async () => {
    const h = testClient(sandbox, { tokenExchange: tokenExchange() })
    await h.client.handleCallback(await signInAs(h))
    const error = await rejection(h.client.exchangeToken({ subjectIssuer: 'google' }))
    expect(error.code).toBe(AuthErrorCode.TokenError)
    expect((error as OAuthResponseError).error).toBe('invalid_request')
    expect(h.client.getSnapshot().status).toBe('signedIn')
  })
})

describe('onAccessTokenChange', () => {
  it('tells code outside React about each new token and the sign-out', async () => {
    let time = Date.now()
    const h = testClient(sandbox, { now: () => time })
    const seen: (string | undefined)[] = []
    onAccessTokenChange(h.client, (token) => seen.push(token))
    await h.client.handleCallback(await signInAs(h))
    time += 3_600_000
    const refreshed = await h.client.getAccessToken()
    await h.client.logout({ endSession: false })
    expect(seen).toHaveLength(3)
    expect(seen[1]).toBe(refreshed)
    expect(seen[0]).not.toBe(refreshed)
    expect(seen[2]).toBeUndefined()
  })
})
