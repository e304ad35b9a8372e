import { picpayDemoClient, picpayDisabledClient } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { ServerAuthError, ServerErrorCode } from '../../errors.ts'
import { manualClock, recordingFetch, tokenRequests, useSandbox } from '../../test/sandboxFixture.ts'
import { ProviderTokenError } from '../providerTokenError.ts'
import { isPicpayTokenError, picpayTokenSource } from './picpayTokenSource.ts'

const sandbox = useSandbox()

function source(overrides: Partial<Parameters<typeof picpayTokenSource>[0]> = {}) {
  return picpayTokenSource({ baseUrl: sandbox().picpayBaseUrl, ...picpayDemoClient, ...overrides })
}

const requests = () => tokenRequests(sandbox(), 'picpay', picpayDemoClient.clientId)

describe('picpayTokenSource', () => {
  it("gets a 5-minute token with PicPay's extras typed, and PicPay's API takes it", async () => {
    const clock = manualClock()
    const token = await source({ now: clock.now }).getToken()
    expect(token.expiresAt - token.issuedAt).toBe(300_000)
    expect(token).toMatchObject({
      tokenType: 'Bearer',
      scope: 'p2b.paymentlink.transactional credential.client_secret.rotate',
      refreshExpiresIn: 0,
      notBeforePolicy: 1640873903,
      coreSellerId: '000000',
      merchantDocument: '22896431000110',
      sellerAcquirerId: '0000000005968341',
      authorizationDetails: [
        {
          type: 'authorized_account',
          accountId: '28a1586b-c810-48df-99ba-f1d304ba00f9',
          fingerprint: '28a1586b-c810-48df-99ba-f1d304ba00f9',
          displayName: 'PicPay Wallet',
        },
      ],
    })
    const api = await fetch(`${sandbox().picpayBaseUrl}/v1/paymentlinks`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    })
    expect(api.status).toBe(200)
  })

  it('posts the JSON body of the seed, nothing else', async () => {
    const recorder = recordingFetch()
    await source({ fetch: recorder.fetch }).getToken()
    const [request] = recorder.sent
    expect(request?.url).toBe(`${sandbox().picpayBaseUrl}/oauth2/token`)
    expect(new Headers(request?.init.headers).get('content-type')).toBe('application/json')
    expect(JSON.parse(String(request?.init.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: picpayDemoClient.clientId,
      client_secret: picpayDemoClient.clientSecret,
    })
  })

  it('hands out the cached token until 30 s before expiry, then renews it', async () => {
    const clock = manualClock()
    const tokens = source({ now: clock.now })
    const first = await tokens.getToken()
    clock.advance(269_000)
    expect((await tokens.getToken()).accessToken).toBe(first.accessToken)
    expect((await requests()).total).toBe(1)
    clock.advance(2_000)
    // Stale but valid: handed out at once while one renewal runs behind it.
    expect((await tokens.getToken()).accessToken).toBe(first.accessToken)
    clock.advance(30_000)
    const renewed = await tokens.getToken()
    expect(renewed.accessToken).not.toBe(first.accessToken)
    expect((await requests()).total).toBe(2)
  })

  it('makes one request for many concurrent callers', async () => {
    const tokens = source()
    const all = await Promise.all(Array.from({ length: 12 }, () => tokens.getAccessToken()))
    expect(new Set(all).size).toBe(1)
    expect((await requests()).total).toBe(1)
  })

  it('asks again after invalidate()', async () => {
    const tokens = source()
    const first = await tokens.getAccessToken()
    tokens.invalidate()
    expect(await tokens.getAccessToken()).not.toBe(first)
    expect((await requests()).total).toBe(2)
  })

  it("rejects with PicPay's documented errors, typed, without retrying them", async () => {
    const wrongSecret = await source({ clientSecret: 'not_the_secret' })
      .getToken()
      .catch((error: unknown) => error)
    expect(wrongSecret).toBeInstanceOf(ProviderTokenError)
    expect(wrongSecret).toMatchObject({
      code: ServerErrorCode.TokenError,
      status: 401,
      error: 'unauthorized_client',
      errorDescription: 'Invalid client or Invalid client credentials',
    })
    expect(isPicpayTokenError(wrongSecret)).toBe(true)
    expect((await requests()).total).toBe(1)
    const disabled = await source(picpayDisabledClient)
      .getToken()
      .catch((error: unknown) => error)
    expect(disabled).toMatchObject({ status: 400, error: 'unauthorized_client' })
    const unknown = await source({ clientId: 'nobody' })
      .getToken()
      .catch((error: unknown) => error)
    expect(unknown).toMatchObject({ status: 401, error: 'invalid_client' })
  })

  it('refuses credentials PicPay could never accept, and plain HTTP to anything but loopback', () => {
    const config = (build: () => unknown) => {
      try {
        build()
      } catch (error) {
        return error instanceof ServerAuthError ? error.code : error
      }
      return 'accepted'
    }
    expect(config(() => source({ clientSecret: 'has-a-dash' }))).toBe(ServerErrorCode.InvalidConfig)
    expect(config(() => source({ clientId: 'has space' }))).toBe(ServerErrorCode.InvalidConfig)
    expect(config(() => source({ baseUrl: 'http://picpay.example' }))).toBe(ServerErrorCode.InvalidConfig)
    expect(config(() => source({ baseUrl: 'https://picpay.example' }))).toBe('accepted')
  })
})
