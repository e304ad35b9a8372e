import fc from 'fast-check'
import * as oauth from 'oauth4webapi'
import { afterEach, describe, expect, it } from 'vitest'
import type { StepUpRequirement } from '../challenge.ts'
import { AuthError, AuthErrorCode } from '../errors.ts'
import { parseScaChallenge } from '../sca/parseScaChallenge.ts'
import { paysafeSca } from '../sca/paysafeSca.ts'
import { stepUp } from '../stepUp/stepUp.ts'
import { challengeCases } from './challenges.cases.ts'
import { expectOutcome, leaks, propertyBudget, rows } from './hostileCase.ts'
import { apiOrigin, secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
})

/** A partner backend that accepts every PIN: these rows are about the challenge, not the user. */
const acceptingVerifier = { verify: async () => ({ outcome: 'VERIFIED' as const }) }

describe('hostile SCA and RFC 9470 challenges, answered to auth.fetch of a signed-in client', () => {
  it.each(rows(challengeCases))('%s', async (_name, { input, expect: expected }) => {
    const features =
      input.features === 'none' ? {} : { sca: paysafeSca({ verifier: acceptingVerifier }), stepUp: stepUp() }
    const current = await signedInWorld(features)
    world = current
    current.server.tokenReply = input.refresh
    current.server.resource = (request) => {
      if (request.headers.has('sca-authorization')) return Response.json({ paid: true })
      const token = request.headers.get('authorization')?.replace(/^\w+ /, '') ?? ''
      return new Response(null, { status: input.status, headers: { 'www-authenticate': input.header(token) } })
    }
    // The user verifies whatever challenge is shown, as soon as it is shown.
    const verifying = current.auth.subscribe(() => {
      const snapshot = current.auth.getSnapshot()
      if (snapshot.status === 'signedIn' && snapshot.challenge?.kind === 'sca' && !snapshot.challenge.busy) {
        void current.auth.verifyChallenge({ method: 'PIN', value: '1234' })
      }
    })
    const pay = () =>
      current.auth.fetch(`${apiOrigin}/wallet/transfers`, { method: 'POST', body: '{"amount":"25.00"}' })
    expectOutcome(await current.outcome(current, pay), expected, secrets)
    verifying()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

/** Headers a hostile or broken API might send: challenge-like text around random content, and a token it repeats. */
function challengeHeader(token: string) {
  const value = fc.oneof(
    fc.string(),
    fc.base64String(),
    fc.jsonValue().map((json) => btoa(JSON.stringify(json) ?? '')),
  )
  const param = fc.tuple(
    fc.constantFrom('realm', 'auth-param1', 'error', 'acr_values', 'max_age', 'scope', 'error_description', 'x'),
    value,
    fc.constantFrom('"', ''),
    fc.constantFrom(', ', ' ', ','),
  )
  const challenge = fc.tuple(
    fc.constantFrom('SCA', 'sca', 'Bearer', 'DPoP', 'Basic', ''),
    fc.array(param, { maxLength: 5 }),
  )
  return fc
    .array(challenge, { minLength: 1, maxLength: 3 })
    .map((challenges) =>
      [
        ...challenges.map(
          ([scheme, params]) =>
            `${scheme} ${params.map(([name, each, quote, separator]) => `${name}=${quote}${each}${quote}${separator}`).join('')}`,
        ),
        `Bearer error_description="token ${token} refused"`,
      ].join(', '),
    )
}

describe('properties of the challenge readers', () => {
  it(
    'parseScaChallenge gives details, nothing, or a typed error without the token, for any header',
    propertyBudget,
    () => {
      fc.assert(
        fc.property(fc.uuid(), fc.uuid().chain(challengeHeader), (_seed, header) => {
          const token = header.match(/token (\S+) refused/)?.[1] ?? ''
          try {
            const parsed = parseScaChallenge(header)
            if (parsed) expect(parsed.expiresAt).toBeGreaterThan(parsed.createdAt)
          } catch (error) {
            expect(error).toBeInstanceOf(AuthError)
            expect((error as AuthError).code).toBe(AuthErrorCode.InvalidScaChallenge)
            expect(leaks(error, [token])).toEqual([])
          }
        }),
        { numRuns: 2_000 },
      )
    },
  )

  it(
    'step-up detection gives a well-formed requirement or nothing, for any status and header',
    propertyBudget,
    async () => {
      const detection = stepUp()({
        login: async () => {},
        grantedScope: () => [],
        clientScope: ['openid'],
        onChange() {},
      })
      const status = fc.constantFrom(200, 400, 401, 403, 500)
      await fc.assert(
        fc.asyncProperty(status, fc.uuid().chain(challengeHeader), async (code, header) => {
          const answer = new Response(null, { status: code, headers: { 'www-authenticate': header } })
          // The challenges exactly as auth.fetch gets them: parsed by oauth4webapi, or none.
          const refused = await oauth
            .protectedResourceRequest('at', 'GET', new URL(apiOrigin), new Headers(), null, {
              [oauth.customFetch]: async () => answer,
            })
            .then(
              (response) => ({ response, challenges: undefined }),
              (error: oauth.WWWAuthenticateChallengeError) => ({ response: error.response, challenges: error.cause }),
            )
          const requirement: StepUpRequirement | undefined = detection.detect(refused)
          if (!requirement) return
          expect([401, 403]).toContain(code)
          for (const words of [requirement.acrValues, requirement.scope]) {
            for (const word of words ?? []) expect(word).toMatch(/^\S+$/)
          }
          if (requirement.maxAge !== undefined)
            expect(Number.isSafeInteger(requirement.maxAge) && requirement.maxAge >= 0).toBe(true)
        }),
        { numRuns: 1_000 },
      )
    },
  )
})
