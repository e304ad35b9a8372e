import { describe, expect, it } from 'vitest'
import { generateSessionKey } from '../sessions/keyRing.ts'
import type { BffProvider } from './bffProvider.ts'
import { clientSecretBasic } from './clientAuthentication.ts'
import { createBff } from './createBff.ts'

// The BFF's web-standard handler on its own: no provider is reached before these checks.
const app = 'https://app.example'
const provider: BffProvider = {
  issuer: 'https://id.example',
  endpoints: { authorization: 'https://id.example/authorize', token: 'https://id.example/token' },
  clientId: 'bff',
  clientAuthentication: clientSecretBasic('unused-secret'),
  scope: ['openid'],
  scopeSeparator: ' ',
  openid: true,
}
const bff = createBff({
  baseUrl: `${app}/bff`,
  provider,
  sessionKeys: [generateSessionKey()],
  proxy: { upstreams: { api: 'https://api.example/v1' } },
})

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return bff.handle(new Request(`${app}/bff${path}`, init))
}

const fromApp = { 'x-payauth-csrf': '1', origin: app }

describe('CSRF checks', () => {
  it('refuse a call without the header, from a foreign Origin, or from a cross-site context', async () => {
    const refused: Record<string, string>[] = [
      { origin: app },
      { 'x-payauth-csrf': '1', origin: 'https://evil.example' },
      { 'x-payauth-csrf': '1', origin: 'null' },
      { 'x-payauth-csrf': '1', 'sec-fetch-site': 'cross-site' },
      { 'x-payauth-csrf': '1', 'sec-fetch-site': 'same-site' },
      { 'x-payauth-csrf': '1' },
      { 'x-payauth-csrf': 'yes', origin: app },
    ]
    for (const headers of refused) {
      const response = await request('/session', { headers })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ error: 'csrf_rejected', message: expect.any(String) })
    }
  })

  it('let the app through: its Origin, or same-origin Sec-Fetch-Site when the browser sends no Origin', async () => {
    for (const headers of [fromApp, { 'x-payauth-csrf': '1', 'sec-fetch-site': 'same-origin' }]) {
      const response = await request('/session', { headers })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ signedIn: false })
    }
  })

  it('guard every route the SPA calls, state-changing ones included', async () => {
    const routes = [
      { path: '/access-token' },
      { path: '/logout', method: 'POST' },
      { path: '/intents', method: 'POST' },
      { path: '/api/api/payments', method: 'POST' },
      { path: '/api/api/payments', method: 'DELETE' },
      { path: '/api/api/cards' },
    ]
    for (const { path, method } of routes) {
      const response = await request(path, { method: method ?? 'GET', headers: { origin: 'https://evil.example' } })
      expect(response.status, `${method ?? 'GET'} ${path}`).toBe(403)
      expect(await response.json()).toMatchObject({ error: 'csrf_rejected' })
    }
  })

  it('answer not_found and method_not_allowed for other routes and methods', async () => {
    expect(await (await request('/nothing', { headers: fromApp })).json()).toMatchObject({ error: 'not_found' })
    const wrongMethod = await request('/logout', { headers: fromApp })
    expect(wrongMethod.status).toBe(405)
    expect(await wrongMethod.json()).toMatchObject({ error: 'method_not_allowed' })
    expect((await bff.handle(new Request(`${app}/elsewhere`))).status).toBe(404)
  })
})

describe('login over https', () => {
  it('binds the sign-in to a __Host- cookie, Secure, HttpOnly, SameSite=Lax', async () => {
    const response = await request('/login?returnTo=/cart')
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.origin + location.pathname).toBe('https://id.example/authorize')
    const [cookie = ''] = response.headers.getSetCookie()
    const state = location.searchParams.get('state') ?? ''
    expect(cookie.startsWith(`__Host-payauth-bff-login-${state.slice(0, 16)}=`)).toBe(true)
    expect(cookie).toMatch(/; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/)
    expect(cookie).not.toMatch(/Domain=/i)
  })

  it('passes on only the configured parameters, never ones the BFF sets itself', async () => {
    const hinting = createBff({
      baseUrl: `${app}/bff`,
      provider,
      sessionKeys: [generateSessionKey()],
      loginParameters: ['kc_idp_hint'],
    })
    const response = await hinting.handle(
      new Request(`${app}/bff/login?kc_idp_hint=google&prompt=none&redirect_uri=https://evil.example/`),
    )
    const params = new URL(response.headers.get('location') ?? '').searchParams
    expect(params.get('kc_idp_hint')).toBe('google')
    expect(params.has('prompt')).toBe(false)
    expect(params.get('redirect_uri')).toBe(`${app}/bff/callback`)
    expect(() =>
      createBff({ baseUrl: `${app}/bff`, provider, sessionKeys: [generateSessionKey()], loginParameters: ['state'] }),
    ).toThrow(expect.objectContaining({ code: 'invalid_config' }))
  })
})

describe('proxy mode', () => {
  it('turns the access-token route off', async () => {
    const proxyOnly = createBff({
      baseUrl: `${app}/bff`,
      provider,
      sessionKeys: [generateSessionKey()],
      mode: 'proxy',
      proxy: { upstreams: { api: 'https://api.example' } },
    })
    const response = await proxyOnly.handle(new Request(`${app}/bff/access-token`, { headers: fromApp }))
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: 'not_found' })
    expect((await bff.handle(new Request(`${app}/bff/access-token`, { headers: fromApp }))).status).toBe(401)
  })

  it('refuses to start without an upstream, and refuses plain http beyond loopback', () => {
    const base = { baseUrl: `${app}/bff`, provider, sessionKeys: [generateSessionKey()] }
    expect(() => createBff({ ...base, mode: 'proxy' })).toThrow(expect.objectContaining({ code: 'invalid_config' }))
    expect(() => createBff({ ...base, proxy: { upstreams: { api: 'http://api.example' } } })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    )
    expect(() => createBff({ ...base, baseUrl: 'http://app.example/bff' })).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    )
  })
})
