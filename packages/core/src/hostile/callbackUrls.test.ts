import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthError, AuthErrorCode } from '../errors.ts'
import { legacyImplicit } from '../implicit/legacyImplicit.ts'
import { toAppPath } from '../navigation/returnTo.ts'
import { callbackState, withoutCallbackParams } from '../signIn/callbackUrl.ts'
import { callbackCases, type LiveSignIn } from './callbackUrls.cases.ts'
import { expectOutcome, leaks, propertyBudget, rows } from './hostileCase.ts'
import { returnToCases } from './returnTos.cases.ts'
import { appOrigin, bankOrigin, issuer, secrets } from './scriptedServer.ts'
import { signedInWorld, type Tab, type World } from './signedInWorld.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
  vi.restoreAllMocks()
})

/** Starts a second sign-in in the signed-in page, as a step-up or a re-login would. */
async function liveSignIn(current: World): Promise<LiveSignIn> {
  const { authorization, callback, state } = await current.pendingSignIn(current)
  const response = new URL(callback)
  const params = response.hash ? new URLSearchParams(response.hash.slice(1)) : response.searchParams
  const otherChallenge = new URL(authorization)
  otherChallenge.searchParams.set('code_challenge', 'another-verifier-s-challenge-xxxxxxxxxxxxxxx')
  const foreignCode = new URL(current.server.callbackFor(otherChallenge.href)).searchParams.get('code') ?? ''
  return { callback, state, code: params.get('code') ?? params.get('access_token') ?? '', foreignCode }
}

describe('hostile callback URLs, through a signed-in client', () => {
  it.each(rows(callbackCases))('%s', async (_name, { input, expect: expected }) => {
    world = await signedInWorld(input.implicit ? { flavour: 'implicit' } : {})
    const live = await liveSignIn(world)
    let page: Tab = world
    if (input.before === 'completedHere') await world.auth.handleCallback(live.callback)
    if (input.before === 'completedInAnotherPage') {
      await world.auth.handleCallback(live.callback)
      page = world.tab()
      await page.auth.start()
    }
    if (input.before === 'elevenMinutes') world.advance(11)
    const outcome = await world.outcome(page, () => page.auth.handleCallback(input.url(live)))
    expectOutcome(outcome, expected, secrets)
  })
})

describe('hostile returnTo targets, through a signed-in client', () => {
  it.each(rows(returnToCases))('%s', async (_name, { input, expect: expected }) => {
    const current = await signedInWorld()
    world = current
    const sentBefore = current.navigator.assigned.length
    const outcome = await current.outcome(current, () =>
      input.via === 'login'
        ? current.auth.login({ returnTo: input.returnTo })
        : current.auth.logout({ returnTo: input.returnTo }),
    )
    expectOutcome(outcome, expected, secrets)
    const sent = current.navigator.assigned.slice(sentBefore)
    // Refused: nobody is sent anywhere. Accepted: only to the server, which brings the user back to the app.
    if (expected.code !== 'ok') expect(sent).toEqual([])
    for (const url of sent) {
      expect(url.startsWith(`${issuer}/`)).toBe(true)
      const back = new URL(url).searchParams
      for (const target of [back.get('redirect_uri'), back.get('post_logout_redirect_uri')]) {
        if (target !== null) expect(new URL(target).origin).toBe(appOrigin)
      }
    }
  })
})

const tokenParams = ['code', 'access_token', 'id_token', 'refresh_token'] as const
const responseParam = fc.constantFrom(
  ...tokenParams,
  'state',
  'iss',
  'error',
  'error_description',
  'token_type',
  'expires_in',
  'scope',
  'session_state',
  'tab',
)
/** Parameters as a hostile or broken redirect might carry them: OAuth names, repeats, any values. */
const params = fc.array(fc.tuple(responseParam, fc.oneof(fc.string(), fc.constant(''), fc.webSegment())), {
  maxLength: 8,
})

describe('properties of the callback URL readers', () => {
  it(
    'callbackState and withoutCallbackParams take any URL, and leave no token in what they keep',
    propertyBudget,
    () => {
      fc.assert(
        fc.property(params, params, fc.webPath(), (query, fragment, path) => {
          const token = `AT-${crypto.randomUUID()}`
          const url = new URL(`${appOrigin}${path}`)
          for (const [name, value] of query)
            url.searchParams.append(name, tokenParams.includes(name as never) ? token : value)
          const hash = new URLSearchParams(
            fragment.map(([name, value]) => [name, tokenParams.includes(name as never) ? token : value]),
          )
          url.hash = hash.toString()
          const state = callbackState(url)
          expect(state === undefined || typeof state === 'string').toBe(true)
          const clean = withoutCallbackParams(url)
          expect(clean.origin + clean.pathname).toBe(url.origin + url.pathname)
          expect(clean.href).not.toContain(token)
        }),
        { numRuns: 1_000 },
      )
    },
  )

  it('toAppPath gives a path on the app or a typed refusal that holds no token', propertyBudget, () => {
    const hostilePrefix = fc.constantFrom(
      '',
      '/',
      '//',
      '/\\',
      '\\',
      'https:',
      'http:',
      'javascript:',
      ' ',
      '\t',
      '%2F',
      '/.//',
    )
    fc.assert(
      fc.property(hostilePrefix, fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (prefix, rest) => {
        const token = `AT-${crypto.randomUUID()}`
        const returnTo = `${prefix}${rest}?access_token=${token}#id_token=${token}`
        try {
          const path = toAppPath(returnTo, appOrigin)
          expect(path.startsWith('/') && !path.startsWith('//')).toBe(true)
          expect(new URL(path, appOrigin).origin).toBe(appOrigin)
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError)
          expect((error as AuthError).code).toBe(AuthErrorCode.InvalidReturnTo)
          expect(leaks(error, [token])).toEqual([])
        }
      }),
      { numRuns: 1_000 },
    )
  })

  it(
    'the implicit fragment reader gives a bounded bearer session or a typed error without the token',
    propertyBudget,
    () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const implicit = legacyImplicit()
      const implicitParam = fc.constantFrom(
        'access_token',
        'token_type',
        'expires_in',
        'state',
        'iss',
        'error',
        'scope',
      )
      const value = fc.oneof(
        fc.string(),
        fc.constantFrom('bearer', 'Bearer', 'mac', '3600', '-1', '0', 'NaN', '1e308', bankOrigin),
      )
      fc.assert(
        fc.property(fc.array(fc.tuple(implicitParam, value), { maxLength: 9 }), (pairs) => {
          const token = `AT-${crypto.randomUUID()}`
          const fragment = new URLSearchParams(
            pairs.map(([name, each]) => [name, name === 'access_token' ? token : each]),
          )
          const now = 1_000_000
          try {
            const tokens = implicit.tokens({ issuer: bankOrigin }, fragment, {
              requestedScope: [],
              scopeSeparator: ',',
              now,
            })
            expect(tokens.tokenType).toBe('Bearer')
            expect(tokens.expiresAt).toBeGreaterThan(now)
            expect(tokens.expiresAt).toBeLessThanOrEqual(now + 86_400_000)
          } catch (error) {
            expect(error).toBeInstanceOf(AuthError)
            expect(leaks(error, [token])).toEqual([])
          }
        }),
        { numRuns: 1_000 },
      )
    },
  )
})
