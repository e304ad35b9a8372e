import * as oauth from 'oauth4webapi'
import { describe, expect, it } from 'vitest'
import { AuthErrorCode, isAuthError, OAuthResponseError } from '../errors.ts'
import { protocolClient } from './protocolClient.ts'

const issuer = 'https://id.example.com/realm'
const clientId = 'spa'
const refreshToken = 'RT-the-secret-one'
const now = 1_800_000_000_000

/** A token endpoint scripted by the test; discovery is answered as a Keycloak realm would. */
function client(reply: () => Response, dpop?: oauth.DPoPHandle) {
  return protocolClient({
    issuer: new URL(issuer),
    issuerId: issuer,
    clientId,
    endpoints: undefined,
    scopeSeparator: ' ',
    now: () => now,
    dpop: dpop ? async () => dpop : undefined,
    grantedDetails: undefined,
    fetch: async (input) =>
      String(input).endsWith('/.well-known/openid-configuration')
        ? Response.json({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` })
        : reply(),
  })
}

const session = {
  accessToken: 'at-0',
  tokenType: 'Bearer',
  issuedAt: now,
  expiresAt: now + 300_000,
  scope: ['openid'],
  refreshToken: 'rt-0',
  user: { sub: 'alice' },
}

/** An ID token as the server would sign it (oauth4webapi checks its claims, not its signature, over TLS). */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  const seconds = Math.floor(Date.now() / 1000)
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: issuer, aud: clientId, iat: seconds, exp: seconds + 300, ...claims })}.c2ln`
}

/** Every string reachable from `value`: own properties, causes, JSON. */
function everything(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== 'object') return String(value)
  if (seen.has(value)) return ''
  seen.add(value)
  const parts = [value instanceof Error ? `${value.message} ${value.stack}` : '']
  for (const key of Reflect.ownKeys(value)) parts.push(everything((value as Record<PropertyKey, unknown>)[key], seen))
  if (value instanceof URLSearchParams) parts.push(value.toString())
  return parts.join(' ')
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(isAuthError(error)).toBe(true)
  return error as OAuthResponseError
}

describe('protocolClient against a hostile or broken token endpoint', () => {
  it.each([
    ['an unknown token_type', { access_token: 'AT-secret', token_type: 'mac', refresh_token: refreshToken }],
    ['a numeric scope', { access_token: 'AT-secret', token_type: 'bearer', scope: 7, refresh_token: refreshToken }],
    [
      'a numeric refresh_token',
      { access_token: 'AT-secret', token_type: 'bearer', refresh_token: 42, id_token: refreshToken },
    ],
  ])('refuses %s without keeping a token anywhere in the error', async (_case, body) => {
    const error = await failure(client(() => Response.json(body)).refresh(session))
    expect(error.code).toBe(AuthErrorCode.InvalidResponse)
    expect(everything(error)).not.toContain(refreshToken)
    expect(everything(error)).not.toContain('AT-secret')
  })

  it('keeps the session type: a DPoP client answered with a Bearer token is an error, not a downgrade', async () => {
    const keyPair = await oauth.generateKeyPair('ES256')
    const answer = () => Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 300 })
    const error = await failure(client(answer, oauth.DPoP({}, keyPair)).refresh(session))
    expect(error.code).toBe(AuthErrorCode.InvalidResponse)
  })

  it('trusts no token for longer than a day, whatever expires_in says', async () => {
    const renewed = await client(() =>
      Response.json({ access_token: 'at-1', token_type: 'bearer', expires_in: 1e308, refresh_expires_in: 1e308 }),
    ).refresh(session)
    expect(renewed.expiresAt).toBe(now + 86_400_000)
    expect(Number.isFinite(renewed.refreshExpiresAt)).toBe(true)
  })

  it('refuses a refreshed ID token about another user (OpenID Connect Core 12.2)', async () => {
    const answer = () =>
      Response.json({
        access_token: 'at-1',
        token_type: 'bearer',
        expires_in: 300,
        id_token: idToken({ sub: 'mallory' }),
      })
    const error = await failure(client(answer).refresh(session))
    expect(error.code).toBe(AuthErrorCode.IdTokenInvalid)
    const same = await client(() =>
      Response.json({
        access_token: 'at-2',
        token_type: 'bearer',
        expires_in: 300,
        id_token: idToken({ sub: 'alice' }),
      }),
    ).refresh(session)
    expect(same.user?.sub).toBe('alice')
  })

  it('reads Retry-After from a rate-limited answer, OAuth body or not', async () => {
    const slowDown = await failure(
      client(() => Response.json({ error: 'slow_down' }, { status: 429, headers: { 'retry-after': '30' } })).refresh(
        session,
      ),
    )
    expect(slowDown).toBeInstanceOf(OAuthResponseError)
    expect(slowDown).toMatchObject({ error: 'slow_down', status: 429, retryAfter: 30 })
    const gateway = await failure(
      client(() => new Response('<html>busy</html>', { status: 503, headers: { 'retry-after': '12' } })).refresh(
        session,
      ),
    )
    expect(gateway).toMatchObject({ code: AuthErrorCode.ServerError, retryAfter: 12 })
  })

  it('accepts the ID tokens of a server whose clock is ten minutes from the device’s', async () => {
    const seconds = Math.floor(Date.now() / 1000) - 600
    const answer = () =>
      Response.json({
        access_token: 'at-1',
        token_type: 'bearer',
        expires_in: 300,
        id_token: idToken({ sub: 'alice', iat: seconds, exp: seconds + 300 }),
      })
    expect((await client(answer).refresh(session)).user?.sub).toBe('alice')
  })
})
