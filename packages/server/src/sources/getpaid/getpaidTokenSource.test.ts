import { getpaidDemoClient } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { ServerErrorCode } from '../../errors.ts'
import { manualClock, recordingFetch, tokenRequests, useSandbox } from '../../test/sandboxFixture.ts'
import { type GetpaidTokenSourceOptions, getpaidAudiences, getpaidTokenSource } from './getpaidTokenSource.ts'

const sandbox = useSandbox({ getpaidAccessTokenTtl: 3600 })

function source(overrides: Partial<GetpaidTokenSourceOptions> = {}) {
  return getpaidTokenSource({
    environment: 'sandbox',
    baseUrl: sandbox().getpaidBaseUrl,
    ...getpaidDemoClient,
    scope: ['accounts:read_write', 'invoices:read_write'],
    ...overrides,
  })
}

describe('getpaidTokenSource', () => {
  it("posts getpaid's JSON body with the sandbox audience, and the API takes the JWT", async () => {
    const recorder = recordingFetch()
    const token = await source({ fetch: recorder.fetch }).getToken()
    const [request] = recorder.sent
    expect(request?.url).toBe(`${sandbox().getpaidBaseUrl}/oauth/token`)
    expect(new Headers(request?.init.headers).get('content-type')).toBe('application/json')
    expect(JSON.parse(String(request?.init.body))).toEqual({
      client_id: getpaidDemoClient.clientId,
      client_secret: getpaidDemoClient.clientSecret,
      audience: 'https://api.sandbox.getpaid.io',
      grant_type: 'client_credentials',
      scope: 'accounts:read_write invoices:read_write',
    })
    expect(token).toMatchObject({
      tokenType: 'Bearer',
      audience: getpaidAudiences.sandbox,
      scope: 'accounts:read_write invoices:read_write',
    })
    const accounts = await fetch(`${sandbox().getpaidBaseUrl}/accounts`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    })
    expect(accounts.status).toBe(200)
  })

  it('asks for the live API with the live preset (which this sandbox tenant refuses)', async () => {
    const live = await source({ environment: 'live' })
      .getToken()
      .catch((error: unknown) => error)
    expect(live).toMatchObject({ code: ServerErrorCode.TokenError, status: 403, error: 'access_denied' })
    expect((live as { errorDescription: string }).errorDescription).toContain('https://api.getpaid.io')
  })

  it('renews an hour-long token a minute before it expires', async () => {
    const clock = manualClock()
    const tokens = source({ now: clock.now })
    const first = await tokens.getAccessToken()
    clock.advance(3_539_000)
    expect(await tokens.getAccessToken()).toBe(first)
    expect((await tokenRequests(sandbox(), 'getpaid', getpaidDemoClient.clientId)).total).toBe(1)
    clock.advance(62_000)
    expect(await tokens.getAccessToken()).not.toBe(first)
  })

  it('needs a scope and a known environment', () => {
    expect(() => source({ scope: [] })).toThrow(expect.objectContaining({ code: ServerErrorCode.InvalidConfig }))
    expect(() => source({ environment: 'staging' as 'live' })).toThrow(
      expect.objectContaining({ code: ServerErrorCode.InvalidConfig }),
    )
  })
})
