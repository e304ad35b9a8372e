import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { paceAccessToken } from '../testing/paceAccessToken.ts'
import { paysafeDemoBrand, paysafeDemoClient } from './paysafeClients.ts'

// Protocol tests of the Paysafe stand-in: it must be as strict as Paysafe's token page.
const appOrigin = 'http://127.0.0.1:5173'
const { clientId, clientSecret } = paysafeDemoClient
let sandbox: Sandbox
let tokenEndpoint: string
let issuer: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], accessTokenTtl: 120 })
  issuer = `${sandbox.paysafeBaseUrl}/auth/brands/${paysafeDemoBrand}`
  tokenEndpoint = `${issuer}/token`
})
afterAll(() => sandbox.close())

type Json = Record<string, unknown>

/** RFC 6749 §2.3.1: each part `application/x-www-form-urlencoded` (space as `+`), then base64. */
const formEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2)
const encodedBasic = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`

async function token(params: Record<string, string>, authorization = encodedBasic, url = tokenEndpoint) {
  const response = await fetch(url, { method: 'POST', headers: { authorization }, body: new URLSearchParams(params) })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json }
}

const verifyJwt = (jwt: unknown, audience: string) =>
  jwtVerify(String(jwt), createRemoteJWKSet(new URL(`${issuer}/jwks`)), { issuer, audience })

describe('client authentication', () => {
  it('issues client-credentials tokens to HTTP Basic of the URL-encoded id and secret', async () => {
    const { status, body } = await token({ grant_type: 'client_credentials' })
    expect(status).toBe(200)
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 120,
      scope: 'wallet:read wallet:write',
    })
    const { payload, protectedHeader } = await verifyJwt(body.access_token, sandbox.paysafeBaseUrl)
    expect(protectedHeader.typ).toBe('at+jwt')
    expect(payload).toMatchObject({ sub: clientId, client_id: clientId, scope: 'wallet:read wallet:write' })
  })

  it('also accepts percent-encoded spaces, as encodeURIComponent writes them', async () => {
    const percent = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`
    expect((await token({ grant_type: 'client_credentials' }, percent)).status).toBe(200)
  })

  it('refuses a plain base64 of id:secret with 401 invalid_client and a Basic challenge', async () => {
    const plain = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`
    const refused = await token({ grant_type: 'client_credentials' }, plain)
    expect(refused.status).toBe(401)
    expect(refused.body.error).toBe('invalid_client')
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic /)
    const wrongSecret = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode('guess')}`).toString('base64')}`
    expect((await token({ grant_type: 'client_credentials' }, wrongSecret)).status).toBe(401)
  })

  it('refuses credentials in the body and a JSON body', async () => {
    const inBody = await token(
      { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      '',
    )
    expect(inBody.status).toBe(401)
    const json = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: encodedBasic, 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    })
    expect(json.status).toBe(400)
    expect(((await json.json()) as Json).error).toBe('invalid_request')
  })

  it('answers 404 for an unknown brand', async () => {
    const unknown = await token(
      { grant_type: 'client_credentials' },
      encodedBasic,
      tokenEndpoint.replace('liberty', 'nobody'),
    )
    expect(unknown.status).toBe(404)
  })

  it('refuses unknown grants and scopes the client does not have', async () => {
    expect((await token({ grant_type: 'authorization_code' })).body.error).toBe('unsupported_grant_type')
    expect((await token({ grant_type: 'client_credentials', scope: 'wallet:admin' })).body.error).toBe('invalid_scope')
  })
})

describe('user grants', () => {
  it('password grant: refresh token, refresh_expires_in and a signed id_token naming the user', async () => {
    const { status, body } = await token({ grant_type: 'password', username: 'alice', password: 'alice-pass' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 120, refresh_expires_in: 1800 })
    expect(body.refresh_token).toEqual(expect.any(String))
    const { payload } = await verifyJwt(body.id_token, clientId)
    expect(payload).toMatchObject({ sub: 'alice', name: 'Alice Adler' })
    const wrong = await token({ grant_type: 'password', username: 'alice', password: 'nope' })
    expect(wrong.body.error).toBe('invalid_grant')
  })

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = await token({ grant_type: 'password', username: 'bob', password: 'bob-pass' })
    const refresh = (refreshToken: unknown) =>
      token({ grant_type: 'refresh_token', refresh_token: String(refreshToken) })
    const second = await refresh(first.body.refresh_token)
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token)
    expect((await verifyJwt(second.body.id_token, clientId)).payload.sub).toBe('bob')
    const reused = await refresh(first.body.refresh_token)
    expect(reused.body.error).toBe('invalid_grant')
    expect((await refresh(second.body.refresh_token)).body.error).toBe('invalid_grant')
  })

  it("token exchange: the user's PACE access token becomes a Paysafe token for that user", async () => {
    const subjectToken = await paceAccessToken({ ...sandbox, appOrigin, username: 'alice' })
    const accessTokenType = 'urn:ietf:params:oauth:token-type:access_token'
    const grant = { grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token_type: accessTokenType }
    const { status, body } = await token({ ...grant, subject_token: subjectToken, scope: 'wallet:read' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ issued_token_type: accessTokenType, scope: 'wallet:read', refresh_expires_in: 1800 })
    expect((await verifyJwt(body.access_token, sandbox.paysafeBaseUrl)).payload).toMatchObject({ sub: 'alice' })
    expect((await token({ ...grant, subject_token: 'forged' })).body.error).toBe('invalid_grant')
    const wrongType = await token({ ...grant, subject_token: subjectToken, subject_token_type: 'urn:x' })
    expect(wrongType.body.error).toBe('invalid_request')
  })
})

describe('the accounts resource', () => {
  it('needs a valid token of the brand with wallet:read', async () => {
    const read = (authorization: string) => fetch(`${sandbox.paysafeBaseUrl}/accounts`, { headers: { authorization } })
    const { body } = await token({ grant_type: 'client_credentials' })
    const ok = await read(`Bearer ${String(body.access_token)}`)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as Json).brandIdentity).toBe(paysafeDemoBrand)
    const [header, payload] = String(body.access_token).split('.')
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`
    expect((await read(`Bearer ${forged}`)).status).toBe(401)
    const writeOnly = await token({ grant_type: 'client_credentials', scope: 'wallet:write' })
    const insufficient = await read(`Bearer ${String(writeOnly.body.access_token)}`)
    expect(insufficient.status).toBe(403)
    expect(insufficient.headers.get('www-authenticate')).toContain('insufficient_scope')
  })
})
