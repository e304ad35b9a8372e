import { appOrigin, signInAs, type TestClient, type TestClientOptions, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import type { PendingScaChallenge } from './challenge.ts'
import { dpop } from './dpop/dpop.ts'
import { AuthErrorCode } from './errors.ts'
import { paysafeSca } from './sca/paysafeSca.ts'
import { ScaError } from './sca/scaError.ts'
import { partnerScaVerifier } from './sca/scaVerifier.ts'
import { stepUp } from './stepUp/stepUp.ts'
import { StepUpRequiredError } from './stepUp/stepUpRequiredError.ts'

setUpSandbox({ scaResendCooldown: 1 })

async function signedInTab(overrides: TestClientOptions = {}): Promise<TestClient> {
  const tab = testClient(sandbox, {
    sca: paysafeSca({ verifier: partnerScaVerifier({ baseUrl: `${sandbox.origin}/partner` }) }),
    stepUp: stepUp(),
    ...overrides,
  })
  await tab.client.handleCallback(await signInAs(tab))
  return tab
}

function transfer(tab: TestClient, amount = '25.00', headers: Record<string, string> = {}): Promise<Response> {
  return tab.client.fetch(`${sandbox.origin}/wallet/transfers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ amount, to: 'GB33BUKB20201555555555' }),
  })
}

/** Resolves once the snapshot shows an SCA challenge (the call that raised it keeps waiting). */
function nextChallenge(tab: TestClient, eventId?: string): Promise<PendingScaChallenge> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = tab.client.getSnapshot()
      const challenge = snapshot.status === 'signedIn' ? snapshot.challenge : undefined
      if (challenge?.kind === 'sca' && challenge.eventId !== eventId) {
        unsubscribe()
        resolve(challenge)
      }
    }
    const unsubscribe = tab.client.subscribe(check)
    check()
  })
}

function shownChallenge(tab: TestClient) {
  const snapshot = tab.client.getSnapshot()
  return snapshot.status === 'signedIn' ? snapshot.challenge : undefined
}

async function latestSmsCode(eventId: string): Promise<string> {
  const outbox = (await (await fetch(`${sandbox.origin}/sandbox/sms-outbox`)).json()) as {
    eventId: string
    code: string
  }[]
  return outbox.find((message) => message.eventId === eventId)?.code ?? ''
}

describe('auth.fetch', () => {
  it('sends the access token and refreshes once when the server calls it invalid', async () => {
    let refuseNext = false
    let refreshes = 0
    const sentTokens: string[] = []
    const tab = await signedInTab({
      // A resource server that has stopped accepting the token (revoked there, rotated keys...).
      fetch: (input, init) => {
        if (new URLSearchParams(String(init?.body)).get('grant_type') === 'refresh_token') refreshes++
        if (!String(input).endsWith('/userinfo')) return fetch(input, init)
        sentTokens.push(new Headers(init?.headers).get('authorization') ?? '')
        if (!refuseNext) return fetch(input, init)
        refuseNext = false
        return Promise.resolve(
          new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } }),
        )
      },
    })
    const userinfo = `${sandbox.paceIssuer}/protocol/openid-connect/userinfo`
    expect(((await (await tab.client.fetch(userinfo)).json()) as { sub: string }).sub).toBe('alice')
    refuseNext = true
    const response = await tab.client.fetch(userinfo)
    expect(response.status).toBe(200)
    expect(refreshes).toBe(1)
    expect(sentTokens).toHaveLength(3)
    expect(sentTokens[2]).not.toBe(sentTokens[1])
    expect(sentTokens[0]).toMatch(/^Bearer /)
  })

  it('binds calls to the DPoP key when the session is DPoP-bound, retrying the server nonce', async () => {
    const redirectUri = `${appOrigin}/dpop/callback`
    const tab = testClient(sandbox, { clientId: sandbox.paceDpopClientId, redirectUri, dpop: dpop() })
    await tab.client.login()
    await tab.client.handleCallback(
      await browseAuthorization(tab.navigator.assigned.at(-1) ?? '', { username: 'alice', redirectUri }),
    )
    const response = await tab.client.fetch(`${sandbox.paceIssuer}/protocol/openid-connect/userinfo`)
    expect(response.status).toBe(200)
  })
})

describe('Paysafe SCA', () => {
  it('holds the call while the user verifies with a PIN, then repeats it with SCA-Authorization', async () => {
    const tab = await signedInTab()
    const call = transfer(tab, '25.00')
    const challenge = await nextChallenge(tab)
    expect(challenge).toMatchObject({
      authenticationMode: 'OUTSOURCED',
      availableVerifications: [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS', target: '+44 ••• 123' }],
      queued: 0,
    })
    // The 15-minute window, counted on this device's clock from when the challenge arrived.
    expect(challenge.expiresAt - Date.now()).toBeGreaterThan(899_000)
    expect(challenge.expiresAt - Date.now()).toBeLessThanOrEqual(900_000)

    await tab.client.verifyChallenge({ method: 'PIN', value: '0000' })
    const rejected = shownChallenge(tab) as PendingScaChallenge
    expect(rejected.attemptsLeft).toBe(2)
    expect(rejected.error?.code).toBe(AuthErrorCode.ScaRejected)

    await tab.client.verifyChallenge({ method: 'PIN', value: '1234' })
    const response = await call
    expect(response.status).toBe(201)
    // The buffered body went out again unchanged.
    expect(await response.json()).toMatchObject({ amount: '25.00', status: 'COMPLETED' })
    expect(shownChallenge(tab)).toBeUndefined()
  })

  it('fails the call for good once the attempts are used up', async () => {
    const tab = await signedInTab()
    const call = transfer(tab)
    await nextChallenge(tab)
    for (const pin of ['1111', '2222', '3333']) await tab.client.verifyChallenge({ method: 'PIN', value: pin })
    const error = await rejection(call)
    expect(error).toBeInstanceOf(ScaError)
    expect(error.code).toBe(AuthErrorCode.ScaFailed)
    expect(shownChallenge(tab)).toBeUndefined()
    expect(tab.client.getSnapshot().status).toBe('signedIn')
  })

  it('verifies with a code sent by SMS, and refuses a resend during the cooldown', async () => {
    const tab = await signedInTab()
    const call = tab.client.fetch(`${sandbox.origin}/wallet/cards/card-1/details`)
    const challenge = await nextChallenge(tab)
    await tab.client.resendChallenge('SMS')
    const sent = shownChallenge(tab) as PendingScaChallenge
    expect(sent).toMatchObject({ codeSent: true, resendsLeft: 2 })
    expect((await rejection(tab.client.resendChallenge('SMS'))).code).toBe(AuthErrorCode.ScaResendRefused)
    await new Promise((resolve) => setTimeout(resolve, 1_050))
    await tab.client.resendChallenge('SMS')
    await tab.client.verifyChallenge({ method: 'OTP', channel: 'SMS', value: await latestSmsCode(challenge.eventId) })
    expect(await (await call).json()).toMatchObject({ cardId: 'card-1', cvv: '737' })
  })

  it('rejects the call when the challenge expires, and refuses to verify after', async () => {
    const tab = await signedInTab()
    const call = transfer(tab, '1.00', { 'x-sandbox-sca-window': '1' })
    await nextChallenge(tab)
    const error = await rejection(call)
    expect(error.code).toBe(AuthErrorCode.ScaExpired)
    expect(shownChallenge(tab)).toBeUndefined()
  })

  it('rejects the call when the user cancels', async () => {
    const tab = await signedInTab()
    const call = transfer(tab)
    await nextChallenge(tab)
    tab.client.cancelChallenge()
    expect((await rejection(call)).code).toBe(AuthErrorCode.ScaCancelled)
  })

  it('gives up the challenge when the caller aborts the call', async () => {
    const tab = await signedInTab()
    const controller = new AbortController()
    const call = tab.client.fetch(`${sandbox.origin}/wallet/transfers`, {
      method: 'POST',
      body: JSON.stringify({ amount: '3.00', to: 'x' }),
      signal: controller.signal,
    })
    await nextChallenge(tab)
    controller.abort()
    expect((await rejection(call)).code).toBe(AuthErrorCode.Aborted)
    expect(shownChallenge(tab)).toBeUndefined()
    const snapshot = tab.client.getSnapshot()
    expect(snapshot.status === 'signedIn' && snapshot.error).toBeUndefined()
  })

  it('queues two challenges and shows one at a time', async () => {
    const tab = await signedInTab()
    const first = transfer(tab, '10.00')
    const firstChallenge = await nextChallenge(tab)
    const second = tab.client.fetch(`${sandbox.origin}/wallet/cards/card-2/details`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((shownChallenge(tab) as PendingScaChallenge).queued).toBe(1)
    expect((shownChallenge(tab) as PendingScaChallenge).eventId).toBe(firstChallenge.eventId)
    await tab.client.verifyChallenge({ method: 'PIN', value: '1234' })
    expect((await first).status).toBe(201)
    const secondChallenge = await nextChallenge(tab, firstChallenge.eventId)
    expect(secondChallenge.queued).toBe(0)
    await tab.client.verifyChallenge({ method: 'PIN', value: '1234' })
    expect((await second).status).toBe(200)
  })

  it('turns a malformed challenge into a typed error', async () => {
    const tab = await signedInTab({
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (!String(input).endsWith('/wallet/transfers')) return response
        return new Response('{}', {
          status: 401,
          headers: { 'www-authenticate': 'SCA realm="Authentication" auth-param1="e30="' },
        })
      },
    })
    const error = await rejection(transfer(tab))
    expect(error.code).toBe(AuthErrorCode.InvalidScaChallenge)
    expect(tab.client.getSnapshot().status).toBe('signedIn')
  })

  it('says so when no verifier is configured', async () => {
    const tab = testClient(sandbox)
    await tab.client.handleCallback(await signInAs(tab))
    expect((await rejection(transfer(tab))).code).toBe(AuthErrorCode.ScaUnavailable)
  })
})

describe('RFC 9470 step-up', () => {
  it('rejects with what is needed, shows a pending step-up, and signs in again asking for it', async () => {
    const tab = await signedInTab()
    tab.navigator.land(`${appOrigin}/wallet?tab=statements`)
    const error = await rejection(tab.client.fetch(`${sandbox.origin}/wallet/statements`))
    expect(error).toBeInstanceOf(StepUpRequiredError)
    expect(error.code).toBe(AuthErrorCode.StepUpRequired)
    expect((error as StepUpRequiredError).acrValues).toEqual(['strong'])
    expect(shownChallenge(tab)).toMatchObject({
      kind: 'stepUp',
      acrValues: ['strong'],
      reason: 'insufficient_user_authentication',
    })

    await tab.client.stepUp()
    const authorize = new URL(tab.navigator.assigned.at(-1) ?? '')
    expect(authorize.searchParams.get('acr_values')).toBe('strong')
    const callback = await browseAuthorization(authorize.href, {
      username: 'alice',
      redirectUri: `${appOrigin}/callback`,
      pin: '1234',
    })
    const { returnTo } = await tab.client.handleCallback(callback)
    expect(returnTo).toBe('/wallet?tab=statements')
    expect((await tab.client.fetch(`${sandbox.origin}/wallet/statements`)).status).toBe(200)
  })

  it('refuses a step-up sign-in that did not reach the acr asked for, and keeps the session it had', async () => {
    const tab = await signedInTab()
    const before = await tab.client.getAccessToken()
    await rejection(tab.client.fetch(`${sandbox.origin}/wallet/statements`))
    await tab.client.stepUp()
    // A server that ignores the request: here, one that never saw it.
    const authorize = new URL(tab.navigator.assigned.at(-1) ?? '')
    authorize.searchParams.delete('acr_values')
    const callback = await browseAuthorization(authorize.href, {
      username: 'alice',
      redirectUri: `${appOrigin}/callback`,
    })
    const error = await rejection(tab.client.handleCallback(callback))
    expect(error.code).toBe(AuthErrorCode.StepUpNotMet)
    expect(tab.client.getSnapshot()).toMatchObject({ status: 'signedIn', session: { accessToken: before } })
  })

  it('asks for missing scope the same way, when the app allows that scope', async () => {
    const tab = await signedInTab({
      stepUp: stepUp({ scopes: ['payment:payment-transactions:read:authenticated'] }),
      fetch: async (input, init) => {
        if (!String(input).endsWith('/reports')) return fetch(input, init)
        return new Response(null, {
          status: 403,
          headers: {
            'www-authenticate':
              'Bearer error="insufficient_scope", scope="payment:payment-transactions:read:authenticated"',
          },
        })
      },
    })
    const error = (await rejection(tab.client.fetch(`${sandbox.origin}/reports`))) as StepUpRequiredError
    expect(error.scope).toEqual(['payment:payment-transactions:read:authenticated'])
    await tab.client.stepUp({ returnTo: '/reports' })
    const scope = new URL(tab.navigator.assigned.at(-1) ?? '').searchParams.get('scope')?.split(' ')
    expect(scope).toEqual(expect.arrayContaining(['openid', 'payment:payment-transactions:read:authenticated']))
    tab.client.cancelChallenge()
    expect(shownChallenge(tab)).toBeUndefined()
  })

  it('never widens the next sign-in beyond the scopes the app allows, and ignores challenges on a 200', async () => {
    const tab = await signedInTab({
      fetch: async (input, init) => {
        const path = new URL(String(input)).pathname
        if (path === '/reports') {
          return new Response(null, {
            status: 403,
            headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="admin:everything"' },
          })
        }
        if (path === '/paid') {
          return new Response('{"paid":true}', {
            status: 200,
            headers: { 'www-authenticate': 'Bearer error="insufficient_user_authentication", acr_values="strong"' },
          })
        }
        return fetch(input, init)
      },
    })
    expect((await tab.client.fetch(`${sandbox.origin}/paid`)).status).toBe(200)
    expect(shownChallenge(tab)).toBeUndefined()
    await rejection(tab.client.fetch(`${sandbox.origin}/reports`))
    await tab.client.stepUp()
    const scope = new URL(tab.navigator.assigned.at(-1) ?? '').searchParams.get('scope')?.split(' ')
    expect(scope).not.toContain('admin:everything')
    expect(scope).toContain('openid')
  })
})
