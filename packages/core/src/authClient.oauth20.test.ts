import { appOrigin, testClient } from '@payauth/harness'
import { rejection, sandbox, setUpSandbox } from '@payauth/harness/vitest'
import { browseAuthorization } from '@payauth/sandbox'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthErrorCode } from './errors.ts'
import { legacyImplicit } from './implicit/legacyImplicit.ts'
import { IntentError } from './oauth20/intentError.ts'
import { type Oauth20Options, oauth20 } from './oauth20/oauth20.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'

setUpSandbox()
afterEach(() => {
  vi.restoreAllMocks()
})

const redirectUri = `${appOrigin}/pay/callback`

function payTab(options: Partial<Oauth20Options> = {}, now?: () => number) {
  return testClient(sandbox, {
    provider: oauth20({ baseUrl: sandbox.oauth20BaseUrl, ...options }),
    clientId: 'demo-spa',
    redirectUri,
    scope: ['openid', 'payments'],
    ...(now ? { now } : {}),
  })
}

/** An intent made by the merchant's backend, as the demo's server side would. */
async function createIntent(input: Record<string, unknown> = {}): Promise<{ id: string; type: 'payments' }> {
  const response = await fetch(`${sandbox.origin}/merchant/intents`, {
    method: 'POST',
    body: JSON.stringify({ type: 'payments', payee: 'Merchant A', amount: '10.00', currency: 'EUR', ...input }),
  })
  return (await response.json()) as { id: string; type: 'payments' }
}

async function authorizeAndReturn(tab: ReturnType<typeof payTab>): Promise<string> {
  const callbackUrl = await browseAuthorization(tab.navigator.assigned.at(-1) ?? '', { username: 'alice', redirectUri })
  tab.navigator.land(callbackUrl)
  return callbackUrl
}

describe('oauth20 login', () => {
  it('refuses a sign-in without an intent id before leaving the app', async () => {
    const tab = payTab()
    expect((await rejection(tab.client.login())).code).toBe(AuthErrorCode.IntentRejected)
    expect((await rejection(tab.client.login({ intent: { type: 'payments' } as never }))).code).toBe(
      AuthErrorCode.IntentRejected,
    )
    expect((await rejection(tab.client.login({ intent: { id: ' ', type: 'payments' } }))).code).toBe(
      AuthErrorCode.IntentRejected,
    )
    expect(tab.navigator.assigned).toHaveLength(0)
  })

  it('names the intent with the configured parameters and joins scopes with the separator', async () => {
    const defaults = payTab()
    await defaults.client.login({ intent: { id: 'intent-1', type: 'payments' } })
    const url = new URL(defaults.navigator.assigned[0] ?? '')
    expect(url.pathname).toBe('/oauth20/authorize')
    expect(url.searchParams.get('intentid')).toBe('intent-1')
    expect(url.searchParams.get('itype')).toBe('payments')
    expect(url.searchParams.get('scope')).toBe('openid,payments')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')

    const renamed = payTab({ intentIdParam: 'intent_id', intentTypeParam: 'intent_type', scopeSeparator: ' ' })
    await renamed.client.login({ intent: { id: 'intent-2', type: 'rewards' } })
    const renamedUrl = new URL(renamed.navigator.assigned[0] ?? '')
    expect(renamedUrl.searchParams.get('intent_id')).toBe('intent-2')
    expect(renamedUrl.searchParams.get('intent_type')).toBe('rewards')
    expect(renamedUrl.searchParams.get('scope')).toBe('openid payments')
  })
})

describe('oauth20 code flow', () => {
  it('signs in for the intent with code + PKCE and carries the intent in the session', async () => {
    const intent = await createIntent()
    const tab = payTab()
    await tab.client.login({ intent })
    const { session } = await tab.client.handleCallback(await authorizeAndReturn(tab))
    expect(session.intent).toEqual(intent)
    expect(session.scope).toEqual(['openid', 'payments'])
    expect(session.renewable).toBe(true)
    const status = await fetch(`${sandbox.origin}/oauth20/intents/${intent.id}`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
    expect(((await status.json()) as { status: string }).status).toBe('CONSUMED')
  })

  it('surfaces an expired intent as a typed error with the server description', async () => {
    const intent = await createIntent({ ttlSeconds: 1 })
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const tab = payTab()
    await tab.client.login({ intent })
    const error = await rejection(tab.client.handleCallback(await authorizeAndReturn(tab)))
    expect(error).toBeInstanceOf(IntentError)
    expect(error.code).toBe(AuthErrorCode.IntentRejected)
    expect((error as IntentError).error).toBe('INTENT_HAS_EXPIRED')
    expect((error as IntentError).errorDescription).toBe('The intent has expired')
    expect(tab.client.getSnapshot().status).toBe('error')
  })

  it('surfaces an intent used before', async () => {
    const intent = await createIntent()
    const first = payTab()
    await first.client.login({ intent })
    await first.client.handleCallback(await authorizeAndReturn(first))
    const second = payTab()
    await second.client.login({ intent })
    const error = await rejection(second.client.handleCallback(await authorizeAndReturn(second)))
    expect((error as IntentError).error).toBe('INTENT_HAS_BEEN_USED_BEFORE')
  })
})

describe('oauth20 legacy implicit flow', () => {
  it('warns, reads the token from the fragment, scrubs it, and asks to sign in again at expiry', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let time = Date.now()
    const tab = payTab({ legacyImplicit: legacyImplicit() }, () => time)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('legacy implicit'))
    const intent = await createIntent()
    await tab.client.login({ intent })
    const authorizeUrl = new URL(tab.navigator.assigned[0] ?? '')
    expect(authorizeUrl.searchParams.get('response_type')).toBe('token')
    expect(authorizeUrl.searchParams.has('code_challenge')).toBe(false)

    const callbackUrl = await authorizeAndReturn(tab)
    expect(new URL(callbackUrl).hash).toContain('access_token=')
    const { session } = await tab.client.handleCallback()
    expect(session.intent).toEqual(intent)
    expect(session.renewable).toBe(false)
    expect(tab.navigator.currentUrl()).toBe(redirectUri)
    expect(tab.grants).toEqual([])

    time = session.expiresAt + 1
    expect((await rejection(tab.client.getAccessToken())).code).toBe(AuthErrorCode.LoginRequired)
    expect(tab.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'expired', error: undefined })
  })

  it('rejects a fragment whose state was tampered with', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tab = payTab({ legacyImplicit: legacyImplicit() })
    await tab.client.login({ intent: await createIntent() })
    const callbackUrl = new URL(await authorizeAndReturn(tab))
    const fragment = new URLSearchParams(callbackUrl.hash.slice(1))
    fragment.set('state', 'forged')
    callbackUrl.hash = fragment.toString()
    const error = await rejection(tab.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.StateMismatch)
  })

  it('maps an error in the fragment to a typed error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const tab = payTab({ legacyImplicit: legacyImplicit() })
    await tab.client.login({ intent: { id: 'no-such-intent', type: 'payments' } })
    const error = await rejection(tab.client.handleCallback(await authorizeAndReturn(tab)))
    expect((error as IntentError).error).toBe('INTENT_NOT_FOUND')
    expect(tab.navigator.currentUrl()).toBe(redirectUri)
  })

  it('keeps the session store apart from the PACE client', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const store = memoryTokenStore()
    const tab = testClient(sandbox, {
      provider: oauth20({ baseUrl: sandbox.oauth20BaseUrl, legacyImplicit: legacyImplicit() }),
      clientId: 'demo-spa',
      redirectUri,
      store,
    })
    await tab.client.login({ intent: await createIntent() })
    await tab.client.handleCallback(await authorizeAndReturn(tab))
    expect(await store.keys()).toContain(`payauth:${sandbox.oauth20BaseUrl}/:demo-spa:session`)
  })
})
