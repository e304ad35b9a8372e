import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { AuthError, AuthErrorCode } from '../errors.ts'
import { protocolClient } from '../oauth/protocolClient.ts'
import { retryAfterSeconds } from '../oauth/serverError.ts'
import { expectOutcome, leaks, propertyBudget, rows } from './hostileCase.ts'
import { clientId, issuer, scriptedServer, secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'
import { tokenResponseCases } from './tokenResponses.cases.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
})

describe('hostile token responses, through a signed-in client', () => {
  it.each(rows(tokenResponseCases))('%s', async (_name, { input, expect: expected }) => {
    const current = await signedInWorld()
    world = current
    if (input.during === 'signIn') {
      const { callback } = await current.pendingSignIn(current)
      current.server.tokenReply = input.reply
      expectOutcome(await current.outcome(current, () => current.auth.handleCallback(callback)), expected, secrets)
      return
    }
    // An hour on, the access token has expired: the client must refresh before it can hand one out.
    current.advance(61)
    current.server.tokenReply = input.reply
    expectOutcome(await current.outcome(current, () => current.auth.getAccessToken()), expected, secrets)
  })

  it('keeps the Retry-After of a JSON 503, so the kept session waits as long as asked', async () => {
    const current = await signedInWorld()
    world = current
    current.advance(61)
    current.server.tokenReply = () =>
      Response.json({ error: 'temporarily_unavailable' }, { status: 503, headers: { 'retry-after': '600' } })
    const error = await current.auth.getAccessToken().catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: AuthErrorCode.ServerError, retryAfter: 600 })
  })
})

describe('properties of the token endpoint readers', () => {
  it('retryAfterSeconds reads any header as whole seconds within a day, or nothing', propertyBudget, () => {
    const header = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.double().map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.constantFrom('1e9', '-5', ' 12 ', '0x10', '١٢', 'Infinity', 'Wed, 21 Oct 2015 07:28:00 GMT'),
    )
    fc.assert(
      fc.property(header, fc.integer({ min: 0, max: 4_000_000_000_000 }), (value, now) => {
        let response: Response
        try {
          response = new Response(null, { status: 503, headers: { 'retry-after': value } })
        } catch {
          // Not a value a header can hold: no server can send it.
          return
        }
        const seconds = retryAfterSeconds(response, now)
        if (seconds !== undefined) {
          expect(Number.isInteger(seconds)).toBe(true)
          expect(seconds).toBeGreaterThanOrEqual(0)
          expect(seconds).toBeLessThanOrEqual(86_400)
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it(
    'a refresh gives tokens or a typed error, never a token in it, whatever the endpoint answers',
    propertyBudget,
    async () => {
      const server = scriptedServer()
      const protocol = protocolClient({
        issuer: new URL(issuer),
        issuerId: issuer,
        clientId,
        endpoints: undefined,
        scopeSeparator: ' ',
        fetch: server.fetch,
        now: () => 1_000_000,
        dpop: undefined,
        grantedDetails: undefined,
      })
      const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue())
      const body = fc.record(
        {
          access_token: field,
          token_type: fc.oneof(field, fc.constantFrom('Bearer', 'bearer', 'DPoP', 'mac')),
          expires_in: field,
          refresh_token: field,
          scope: field,
          error: fc.oneof(field, fc.constantFrom('invalid_grant', 'invalid_request')),
          error_description: fc.string(),
        },
        { requiredKeys: [] },
      )
      const status = fc.constantFrom(200, 400, 401, 429, 500, 503)
      const contentType = fc.constantFrom('application/json', 'text/html', 'application/json; charset=utf-8')
      await fc.assert(
        fc.asyncProperty(body, status, contentType, async (answer, code, type) => {
          const token = `AT-${crypto.randomUUID()}`
          const refreshToken = `RT-${crypto.randomUUID()}`
          // The tokens the answer carries, wherever the generator put a string.
          const marked = Object.fromEntries(
            Object.entries(answer).map(([name, value]) => [
              name,
              typeof value === 'string' && name.endsWith('token') ? `${value}${token}` : value,
            ]),
          )
          server.tokenReply = () =>
            new Response(JSON.stringify(marked), { status: code, headers: { 'content-type': type } })
          const current = { accessToken: 'at', tokenType: 'Bearer', issuedAt: 0, expiresAt: 1, scope: [], refreshToken }
          try {
            const renewed = await protocol.refresh(current)
            expect(renewed.expiresAt).toBeGreaterThan(1_000_000)
            expect(renewed.expiresAt).toBeLessThanOrEqual(1_000_000 + 86_400_000)
          } catch (error) {
            expect(error).toBeInstanceOf(AuthError)
            expect(leaks(error, [token, refreshToken])).toEqual([])
          }
        }),
        { numRuns: 500 },
      )
    },
  )
})
