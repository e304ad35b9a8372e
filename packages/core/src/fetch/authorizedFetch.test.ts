import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { httpOptions } from '../oauth/httpOptions.ts'
import { type AuthorizedFetchDeps, authorizedFetch } from './authorizedFetch.ts'
import type { ScaHandler, StepUpHandler } from './challengeHandlers.ts'

const api = 'https://api.example/payments'

/** A resource server scripted by the test, and what each request carried. */
function setUp(replies: (() => Response)[], overrides: Partial<AuthorizedFetchDeps> = {}) {
  const seen: { authorization: string | null; sca: string | null; body: string }[] = []
  let token = 'token-1'
  const replaced: string[] = []
  const deps: AuthorizedFetchDeps = {
    accessToken: async () => token,
    async replaceRejectedToken(rejected) {
      replaced.push(rejected)
      token = 'token-2'
    },
    http: async () =>
      httpOptions(new URL('https://api.example'), async (input, init) => {
        // As fetch does: an aborted signal rejects before anything is sent.
        if (init?.signal?.aborted) throw new DOMException('The operation was aborted', 'AbortError')
        const headers = new Headers(init?.headers)
        seen.push({
          authorization: headers.get('authorization'),
          sca: headers.get('sca-authorization'),
          body: init?.body ? new TextDecoder().decode(init.body as ArrayBuffer) : '',
        })
        const reply = replies.shift()
        if (!reply) throw new Error(`no reply left for ${String(input)}`)
        return reply()
      }),
    sca: undefined,
    stepUp: undefined,
    baseUrl: () => 'https://app.example/wallet',
    allowedOrigins: new Set(['https://app.example', 'https://api.example']),
    ...overrides,
  }
  return { deps, seen, replaced }
}

const refused =
  (challenge: string, status = 401) =>
  () =>
    new Response(null, { status, headers: { 'www-authenticate': challenge } })
const ok = () => new Response('done', { status: 200 })

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  return isAuthError(error) ? error.code : error
}

describe('authorizedFetch', () => {
  it('sends the token, and on invalid_token replaces it once and sends the same body again', async () => {
    const t = setUp([refused('Bearer error="invalid_token"'), ok])
    const response = await authorizedFetch(t.deps, api, { method: 'POST', body: '{"amount":"5.00"}' })
    expect(await response.text()).toBe('done')
    expect(t.replaced).toEqual(['token-1'])
    expect(t.seen).toEqual([
      { authorization: 'Bearer token-1', sca: null, body: '{"amount":"5.00"}' },
      { authorization: 'Bearer token-2', sca: null, body: '{"amount":"5.00"}' },
    ])
  })

  it('replaces a refused token only once: a second refusal is the answer', async () => {
    const t = setUp([refused('Bearer error="invalid_token"'), refused('Bearer error="invalid_token"')])
    expect((await authorizedFetch(t.deps, api)).status).toBe(401)
    expect(t.replaced).toHaveLength(1)
  })

  it('resolves relative URLs against the page', async () => {
    const t = setUp([ok], { baseUrl: () => 'https://api.example/app/' })
    await authorizedFetch(t.deps, 'payments?x=1')
    expect(t.seen).toHaveLength(1)
  })

  it('refuses to send the token to an origin the app did not allow, before anything is sent', async () => {
    const t = setUp([ok])
    expect(await codeOf(authorizedFetch(t.deps, 'https://evil.example/collect'))).toBe(AuthErrorCode.UntrustedOrigin)
    expect(await codeOf(authorizedFetch(t.deps, 'https://api.example.evil.example/'))).toBe(
      AuthErrorCode.UntrustedOrigin,
    )
    expect(t.seen).toEqual([])
  })

  it('refuses an SCA challenge with a typed error when the app has not opted into SCA', async () => {
    const t = setUp([refused('SCA realm="Authentication" auth-param1="e30="')])
    expect(await codeOf(authorizedFetch(t.deps, api))).toBe(AuthErrorCode.ScaUnavailable)
  })

  it('with SCA on, waits for verification and repeats the call with SCA-Authorization', async () => {
    const details = { eventId: 'e', walletOperationId: 'w' }
    const sca = {
      detect: () => details,
      complete: async () => 'verified-header',
    } as unknown as ScaHandler
    const t = setUp([refused('SCA realm="Authentication" auth-param1="x"'), ok], { sca })
    expect((await authorizedFetch(t.deps, api)).status).toBe(200)
    expect(t.seen.map(({ sca: header }) => header)).toEqual([null, 'verified-header'])
  })

  it('without step-up, hands a step-up challenge back as the response; with it, rejects with what is needed', async () => {
    const challenge = 'Bearer error="insufficient_user_authentication", acr_values="strong"'
    const plain = setUp([refused(challenge)])
    expect((await authorizedFetch(plain.deps, api)).status).toBe(401)

    const stepUp: StepUpHandler = {
      detect: ({ challenges }) =>
        challenges?.[0]?.parameters.error === 'insufficient_user_authentication'
          ? {
              reason: 'insufficient_user_authentication',
              acrValues: ['strong'],
              maxAge: undefined,
              scope: undefined,
              description: undefined,
            }
          : undefined,
      require: (requirement) => new Error(`step up to ${requirement.acrValues?.join()}`),
      current: () => undefined,
      start: async () => {},
      cancel() {},
    }
    const withStepUp = setUp([refused(challenge)], { stepUp })
    await expect(authorizedFetch(withStepUp.deps, api)).rejects.toThrow('step up to strong')
  })

  it('stops a server that keeps challenging', async () => {
    const sca = { detect: () => ({}), complete: async () => 'again' } as unknown as ScaHandler
    const t = setUp(
      Array.from({ length: 10 }, () => refused('SCA realm="x" auth-param1="y"')),
      { sca },
    )
    expect(await codeOf(authorizedFetch(t.deps, api))).toBe(AuthErrorCode.InvalidResponse)
    expect(t.seen.length).toBeLessThan(10)
  })

  it('reports a network failure as network_error, and an abort as aborted', async () => {
    const offline = setUp([
      () => {
        throw new TypeError('Failed to fetch')
      },
    ])
    expect(await codeOf(authorizedFetch(offline.deps, api))).toBe(AuthErrorCode.NetworkError)
    const controller = new AbortController()
    controller.abort()
    const aborted = setUp([ok])
    expect(await codeOf(authorizedFetch(aborted.deps, api, { signal: controller.signal }))).toBe(AuthErrorCode.Aborted)
  })

  it('never follows a redirect with the token (oauth4webapi sends resource requests with redirect: manual)', async () => {
    const t = setUp([() => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } })])
    expect((await authorizedFetch(t.deps, api)).status).toBe(302)
    expect(t.seen).toHaveLength(1)
    expect(oauth.customFetch).toBeDefined()
  })
})
