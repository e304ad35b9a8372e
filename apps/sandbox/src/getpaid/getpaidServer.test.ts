import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { getpaidAudiences, getpaidDemoClient } from './getpaidClients.ts'

// Protocol tests of the getpaid stand-in: the JSON request of getpaid's page, a JWT bearer back.
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, getpaidAccessTokenTtl: 3600 })
})
afterAll(() => sandbox.close())

type Json = Record<string, unknown>

const request = {
  client_id: getpaidDemoClient.clientId,
  client_secret: getpaidDemoClient.clientSecret,
  audience: getpaidAudiences.sandbox,
  grant_type: 'client_credentials',
  scope: 'accounts:read_write invoices:read_write',
}

async function token(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${sandbox.getpaidBaseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Json }
}

describe('getpaid token endpoint', () => {
  it('returns a JWT bearer token for the sandbox audience and the requested scopes', async () => {
    const { status, body } = await token(request)
    expect(status).toBe(200)
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 })
    const { payload } = await jwtVerify(
      String(body.access_token),
      createRemoteJWKSet(new URL(`${sandbox.getpaidBaseUrl}/.well-known/jwks.json`)),
      { issuer: `${sandbox.getpaidBaseUrl}/`, audience: getpaidAudiences.sandbox },
    )
    expect(payload.scope).toBe('accounts:read_write invoices:read_write')
  })

  it('does not serve the live audience: this is a sandbox tenant', async () => {
    const live = await token({ ...request, audience: getpaidAudiences.live })
    expect(live).toMatchObject({ status: 403, body: { error: 'access_denied' } })
    expect(live.body.error_description).toContain(getpaidAudiences.live)
  })

  it('refuses bad credentials, scopes not granted, other grants and form bodies', async () => {
    expect(await token({ ...request, client_secret: 'guess' })).toMatchObject({
      status: 401,
      body: { error: 'access_denied' },
    })
    expect(await token({ ...request, scope: 'payouts:read_write' })).toMatchObject({ status: 403 })
    expect(await token({ ...request, grant_type: 'password' })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    })
    const form = await token(new URLSearchParams(request).toString(), 'application/x-www-form-urlencoded')
    expect(form).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it('lets only tokens with accounts:read_write read accounts', async () => {
    const read = (accessToken: unknown) =>
      fetch(`${sandbox.getpaidBaseUrl}/accounts`, { headers: { authorization: `Bearer ${String(accessToken)}` } })
    expect((await read((await token(request)).body.access_token)).status).toBe(200)
    const invoicesOnly = await read((await token({ ...request, scope: 'invoices:read_write' })).body.access_token)
    expect(invoicesOnly.status).toBe(403)
    expect((await read('not-a-jwt')).status).toBe(401)
  })
})
