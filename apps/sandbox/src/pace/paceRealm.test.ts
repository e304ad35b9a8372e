import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { browseAuthorization } from '../testing/browseAuthorization.ts'

const appOrigin = 'http://127.0.0.1:5173'
const redirectUri = `${appOrigin}/callback`
let sandbox: Sandbox
let endpoint: (name: string) => string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], accessTokenTtl: 42 })
  endpoint = (name) => `${sandbox.paceIssuer}/protocol/openid-connect/${name}`
})
afterAll(() => sandbox.close())

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL(endpoint('auth'))
  url.search = new URLSearchParams({
    client_id: sandbox.paceClientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid payment:payment-methods:read:authenticated',
    state: 'state-1',
    ...params,
  }).toString()
  return url.href
}

async function signIn(): Promise<{ code: string; verifier: string }> {
  const verifier = oauth.generateRandomCodeVerifier()
  const challenge = await oauth.calculatePKCECodeChallenge(verifier)
  const callback = new URL(
    await browseAuthorization(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }), {
      username: 'alice',
      redirectUri,
    }),
  )
  expect(callback.searchParams.get('iss')).toBe(sandbox.paceIssuer)
  return { code: callback.searchParams.get('code') ?? '', verifier }
}

async function token(params: Record<string, string>): Promise<Response> {
  return fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: appOrigin },
    body: new URLSearchParams({ client_id: sandbox.paceClientId, ...params }),
  })
}

/** Token responses as the tests read them. */
async function json(response: Response): Promise<Record<string, string>> {
  return (await response.json()) as Record<string, string>
}

describe('PACE realm', () => {
  it("serves Keycloak's endpoint paths under the realm issuer", async () => {
    const response = await fetch(`${sandbox.paceIssuer}/.well-known/openid-configuration`)
    const metadata = (await response.json()) as Record<string, unknown>
    expect(metadata.issuer).toBe(sandbox.paceIssuer)
    expect(metadata.token_endpoint).toBe(endpoint('token'))
    expect(metadata.end_session_endpoint).toBe(endpoint('logout'))
    expect(metadata.revocation_endpoint).toBe(endpoint('revoke'))
    expect(metadata.jwks_uri).toBe(endpoint('certs'))
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true)
    expect(metadata.code_challenge_methods_supported).toEqual(['S256'])
    expect(metadata.scopes_supported).toHaveLength(4 + 20)
  })

  it('requires PKCE', async () => {
    const callback = new URL(await browseAuthorization(authorizeUrl({}), { username: 'alice', redirectUri }))
    expect(callback.searchParams.get('error')).toBe('invalid_request')
    expect(callback.searchParams.get('code')).toBeNull()
  })

  it('refuses the plain PKCE method', async () => {
    const callback = new URL(
      await browseAuthorization(authorizeUrl({ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }), {
        username: 'alice',
        redirectUri,
      }),
    )
    expect(callback.searchParams.get('error')).toBe('invalid_request')
  })

  it('issues tokens with the configured lifetime and rotates refresh tokens', async () => {
    const { code, verifier } = await signIn()
    const first = await json(
      await token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri }),
    )
    expect(first.expires_in).toBe(42)
    expect(first.scope).toContain('payment:payment-methods:read:authenticated')
    expect(first.refresh_token).toEqual(expect.any(String))

    const second = await json(await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' }))
    expect(second.refresh_token).toEqual(expect.any(String))
    expect(second.refresh_token).not.toBe(first.refresh_token)

    const reuse = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' })
    expect(reuse.status).toBe(400)
    expect((await json(reuse)).error).toBe('invalid_grant')
  })

  it('refuses a code redeemed with the wrong verifier', async () => {
    const { code } = await signIn()
    const response = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: oauth.generateRandomCodeVerifier(),
      redirect_uri: redirectUri,
    })
    expect(response.status).toBe(400)
    expect((await json(response)).error).toBe('invalid_grant')
  })

  it('allows CORS for the app origin only', async () => {
    const preflight = (origin: string) =>
      fetch(endpoint('token'), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'dpop' },
      })
    expect((await preflight(appOrigin)).headers.get('access-control-allow-origin')).toBe(appOrigin)
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    const discovery = (origin: string) =>
      fetch(`${sandbox.paceIssuer}/.well-known/openid-configuration`, { headers: { origin } })
    expect((await discovery(appOrigin)).headers.get('access-control-allow-origin')).toBe(appOrigin)
    expect((await discovery('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
  })
})
