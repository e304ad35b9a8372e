import { appOrigin, redirectUri, signInAs, testClient } from '@payauth/harness'
import { rejection, sandbox, sessionKey, setUpSandbox, storedSession } from '@payauth/harness/vitest'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode, OAuthResponseError } from './errors.ts'
import { pace } from './providers/pace.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'

setUpSandbox()

describe('login', () => {
  it('sends a code + PKCE S256 request with state, nonce and extra parameters', async () => {
    const h = testClient(sandbox, { provider: pace({ issuer: sandbox.paceIssuer, idpHint: 'google' }) })
    await h.client.login({ params: { ui_locales: 'de' } })
    const url = new URL(h.navigator.assigned[0] ?? '')
    expect(url.origin + url.pathname).toBe(`${sandbox.paceIssuer}/protocol/openid-connect/auth`)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(url.searchParams.get('kc_idp_hint')).toBe('google')
    expect(url.searchParams.get('ui_locales')).toBe('de')
    expect(url.searchParams.get('scope')).toBe('openid profile payment:payment-methods:read:authenticated')
  })

  it('refuses extra parameters that would replace its own', async () => {
    const h = testClient(sandbox)
    const error = await rejection(h.client.login({ params: { code_challenge_method: 'plain' } }))
    expect(error.code).toBe(AuthErrorCode.InvalidConfig)
    expect(h.navigator.assigned).toHaveLength(0)
  })

  it('refuses a returnTo on another origin before leaving the app', async () => {
    const h = testClient(sandbox)
    const error = await rejection(h.client.login({ returnTo: 'https://evil.example/steal' }))
    expect(error.code).toBe(AuthErrorCode.InvalidReturnTo)
    expect(h.navigator.assigned).toHaveLength(0)
  })

  it('prepares one sign-in when asked twice at once (StrictMode effects)', async () => {
    const h = testClient(sandbox)
    const first = h.client.login()
    expect(h.client.login()).toBe(first)
    await first
    expect(h.navigator.assigned).toHaveLength(1)
  })
})

describe('handleCallback', () => {
  it('signs in, restores returnTo and scrubs the code from the address bar', async () => {
    const h = testClient(sandbox)
    await signInAs(h)
    const result = await h.client.handleCallback()
    expect(result.returnTo).toBe('/wallet?tab=cards')
    expect(result.session.user?.sub).toBe('alice')
    expect(result.session.user?.name).toBe('Alice Adler')
    expect(result.session.scope).toContain('payment:payment-methods:read:authenticated')
    expect(h.navigator.currentUrl()).toBe(redirectUri)
    const snapshot = h.client.getSnapshot()
    expect(snapshot.status).toBe('signedIn')
    expect(await h.client.getAccessToken()).toBe(result.session.accessToken)
  })

  it('makes one token request when called twice with one URL (StrictMode)', async () => {
    const h = testClient(sandbox)
    const callbackUrl = await signInAs(h)
    const [first, second] = await Promise.all([
      h.client.handleCallback(callbackUrl),
      h.client.handleCallback(callbackUrl),
    ])
    expect(second).toBe(first)
    // The second effect of StrictMode sees the scrubbed URL and still gets the same result.
    expect(await h.client.handleCallback()).toBe(first)
    expect(h.tokenRequests()).toBe(1)
  })

  it('rejects a tampered state and signs nobody in', async () => {
    const h = testClient(sandbox)
    const callbackUrl = new URL(await signInAs(h))
    callbackUrl.searchParams.set('state', 'forged-state-value')
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.StateMismatch)
    expect(h.client.getSnapshot()).toEqual({ status: 'error', error })
    expect(h.tokenRequests()).toBe(0)
  })

  it('rejects a replayed callback URL, even in a new page', async () => {
    const store = memoryTokenStore()
    const first = testClient(sandbox, { store })
    const callbackUrl = await signInAs(first)
    await first.client.handleCallback(callbackUrl)
    await first.client.logout()
    const reloaded = testClient(sandbox, { store })
    const error = await rejection(reloaded.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.StateUsed)
    expect(reloaded.tokenRequests()).toBe(0)
    expect(await storedSession(store)).toBeUndefined()
  })

  it('rejects a sign-in that took longer than its lifetime', async () => {
    let time = Date.now()
    const h = testClient(sandbox, { now: () => time })
    const callbackUrl = await signInAs(h)
    time += 11 * 60 * 1000
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.StateExpired)
  })

  it('rejects a response from another issuer (RFC 9207 mix-up defence)', async () => {
    const h = testClient(sandbox)
    const callbackUrl = new URL(await signInAs(h))
    callbackUrl.searchParams.set('iss', 'https://attacker.example/auth/realms/pace')
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.IssuerMismatch)
    expect(h.tokenRequests()).toBe(0)
  })

  it('rejects a response without iss from a server that promises one', async () => {
    const h = testClient(sandbox)
    const callbackUrl = new URL(await signInAs(h))
    callbackUrl.searchParams.delete('iss')
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.IssuerMismatch)
  })

  it('surfaces access_denied with the server description', async () => {
    const h = testClient(sandbox)
    await signInAs(h, 'alice', 'deny')
    const error = await rejection(h.client.handleCallback())
    expect(error).toBeInstanceOf(OAuthResponseError)
    expect(error.code).toBe(AuthErrorCode.AuthorizationError)
    expect((error as OAuthResponseError).error).toBe('access_denied')
    expect((error as OAuthResponseError).errorDescription).toBe('The user denied the request')
    expect(h.client.getSnapshot().status).toBe('error')
  })

  it('surfaces a token endpoint error (a forged code)', async () => {
    const h = testClient(sandbox)
    const callbackUrl = new URL(await signInAs(h))
    callbackUrl.searchParams.set('code', 'not-a-real-code')
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.TokenError)
    expect((error as OAuthResponseError).error).toBe('invalid_grant')
    expect((error as OAuthResponseError).status).toBe(400)
  })

  it('rejects a malformed token response without storing anything', async () => {
    const h = testClient(sandbox, {
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (!String(input).endsWith('/token')) return response
        return Response.json({ token_type: 'Bearer' }, { status: 200 })
      },
    })
    const error = await rejection(h.client.handleCallback(await signInAs(h)))
    expect(error.code).toBe(AuthErrorCode.InvalidResponse)
    expect(await storedSession(h.store)).toBeUndefined()
  })

  it('reports a dead network as network_error and keeps the session it had', async () => {
    const store = memoryTokenStore()
    const signedIn = testClient(sandbox, { store })
    await signedIn.client.handleCallback(await signInAs(signedIn))
    let online = true
    const h = testClient(sandbox, {
      store,
      fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    })
    await h.client.start()
    const callbackUrl = await signInAs(h)
    online = false
    const error = await rejection(h.client.handleCallback(callbackUrl))
    expect(error.code).toBe(AuthErrorCode.NetworkError)
    const snapshot = h.client.getSnapshot()
    expect(snapshot.status).toBe('signedIn')
    expect(snapshot.status === 'signedIn' && snapshot.error).toBe(error)
  })

  it('refuses a URL with no authorization response', async () => {
    const h = testClient(sandbox)
    const error = await rejection(h.client.handleCallback(`${appOrigin}/callback?foo=1`))
    expect(error.code).toBe(AuthErrorCode.NotACallback)
  })
})

describe('configuration and discovery', () => {
  it('refuses a plain-http issuer that is not loopback', () => {
    expect(() =>
      testClient(sandbox, { provider: pace({ issuer: 'http://id.example.com/auth/realms/pace' }) }),
    ).toThrowError(expect.objectContaining({ code: AuthErrorCode.InsecureUrl }))
  })

  it('refuses discovery metadata that downgrades the token endpoint to http', async () => {
    const h = testClient(sandbox, {
      provider: pace({ issuer: 'https://id.example.com/auth/realms/pace' }),
      fetch: async () =>
        Response.json({
          issuer: 'https://id.example.com/auth/realms/pace',
          authorization_endpoint: 'https://id.example.com/auth',
          token_endpoint: 'http://id.example.com/token',
        }),
    })
    const error = await rejection(h.client.login())
    expect(error.code).toBe(AuthErrorCode.InsecureUrl)
  })

  it('reports a missing discovery document as discovery_failed', async () => {
    const h = testClient(sandbox, { provider: pace({ issuer: `${sandbox.origin}/auth/realms/unknown` }) })
    const error = await rejection(h.client.login())
    expect(error.code).toBe(AuthErrorCode.DiscoveryFailed)
    expect(h.client.getSnapshot()).toEqual({ status: 'error', error })
  })

  it('refuses a client without a client id', () => {
    expect(() => testClient(sandbox, { clientId: '' })).toThrowError(
      expect.objectContaining({ code: AuthErrorCode.InvalidConfig }),
    )
  })

  it('discovers once for many commands', async () => {
    let discoveries = 0
    const h = testClient(sandbox, {
      fetch: (input, init) => {
        if (String(input).includes('/.well-known/')) discoveries++
        return fetch(input, init)
      },
    })
    await h.client.login()
    await h.client.login()
    await h.client.login()
    expect(discoveries).toBe(1)
    expect(h.navigator.assigned).toHaveLength(3)
  })
})

describe('session', () => {
  it('restores a stored session on start, idempotently', async () => {
    const store = memoryTokenStore()
    const first = testClient(sandbox, { store })
    const { session } = await first.client.handleCallback(await signInAs(first))
    const reloaded = testClient(sandbox, { store })
    expect(reloaded.client.getSnapshot().status).toBe('loading')
    const starts = [reloaded.client.start(), reloaded.client.start()]
    expect(starts[0]).toBe(starts[1])
    await Promise.all(starts)
    const snapshot = reloaded.client.getSnapshot()
    expect(snapshot.status === 'signedIn' && snapshot.session.accessToken).toBe(session.accessToken)
  })

  it('signs out an expired stored session that has no refresh token', async () => {
    const store = memoryTokenStore()
    const first = testClient(sandbox, { store })
    await first.client.handleCallback(await signInAs(first))
    const { refreshToken: _dropped, ...withoutRefresh } = (await storedSession(store)) ?? {}
    await store.set(sessionKey(), withoutRefresh)
    const later = testClient(sandbox, { store, now: () => Date.now() + 3600_000 })
    await later.client.start()
    expect(later.client.getSnapshot()).toEqual({ status: 'signedOut', reason: 'expired', error: undefined })
    const error = await rejection(later.client.getAccessToken())
    expect(error.code).toBe(AuthErrorCode.LoginRequired)
  })

  it('notifies subscribers once per change and not after unsubscribing', async () => {
    const h = testClient(sandbox)
    const seen: string[] = []
    const unsubscribe = h.client.subscribe(() => seen.push(h.client.getSnapshot().status))
    await h.client.start()
    await h.client.start()
    expect(seen).toEqual(['signedOut'])
    unsubscribe()
    await h.client.handleCallback(await signInAs(h))
    expect(seen).toEqual(['signedOut'])
  })
})
