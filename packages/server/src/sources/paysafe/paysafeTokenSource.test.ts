import { paceAccessToken, paysafeDemoBrand, paysafeDemoClient } from '@payauth/sandbox'
import { describe, expect, it } from 'vitest'
import { ServerErrorCode } from '../../errors.ts'
import {
  appOrigin,
  manualClock,
  recordingFetch,
  recordingLogger,
  tokenRequests,
  useSandbox,
} from '../../test/sandboxFixture.ts'
import { type PaysafeTokenSourceOptions, paysafeTokenSource } from './paysafeTokenSource.ts'

const sandbox = useSandbox({ accessTokenTtl: 300, paysafeRefreshTokenTtl: 1800 })

function source(overrides: Partial<PaysafeTokenSourceOptions> = {}) {
  return paysafeTokenSource({
    baseUrl: sandbox().paysafeBaseUrl,
    brandIdentity: paysafeDemoBrand,
    ...paysafeDemoClient,
    ...overrides,
  })
}

const requests = async () => (await tokenRequests(sandbox(), 'paysafe', paysafeDemoClient.clientId)).byGrantType

async function readAccounts(accessToken: string) {
  const response = await fetch(`${sandbox().paysafeBaseUrl}/accounts`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('paysafeTokenSource: client credentials', () => {
  it('sends a form body and HTTP Basic of the form-URL-encoded id and secret (RFC 6749 §2.3.1)', async () => {
    const recorder = recordingFetch()
    const token = await source({ fetch: recorder.fetch }).getToken()
    const [request] = recorder.sent
    expect(request?.url).toBe(`${sandbox().paysafeBaseUrl}/auth/brands/liberty/token`)
    const headers = new Headers(request?.init.headers)
    expect(headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/)
    expect(String(request?.init.body)).toBe('grant_type=client_credentials')
    const basic = Buffer.from(headers.get('authorization')?.replace(/^Basic /, '') ?? '', 'base64').toString()
    // `liberty:wallet partner` : `p%ss+wörd: é/=`, each encoded, so the one raw colon separates them.
    expect(basic).toBe('liberty%3Awallet+partner:p%25ss%2Bw%C3%B6rd%3A+%C3%A9%2F%3D')
    expect(token).toMatchObject({ tokenType: 'Bearer', scope: 'wallet:read wallet:write', idToken: undefined })
    expect((await readAccounts(token.accessToken)).status).toBe(200)
  })

  it('asks for the configured scope', async () => {
    const token = await source({ scope: ['wallet:read'] }).getToken()
    expect(token.scope).toBe('wallet:read')
  })

  it('caches, and makes one request for many callers', async () => {
    const tokens = source()
    await Promise.all(Array.from({ length: 8 }, () => tokens.getToken()))
    await tokens.getToken()
    expect(await requests()).toEqual({ client_credentials: 1 })
  })

  it('rejects with the typed provider error when the credentials are wrong, or the brand unknown', async () => {
    const wrong = await source({ clientSecret: 'guess' })
      .getToken()
      .catch((error: unknown) => error)
    expect(wrong).toMatchObject({ code: ServerErrorCode.TokenError, status: 401, error: 'invalid_client' })
    const noBrand = await source({ brandIdentity: 'nobody' })
      .getToken()
      .catch((error: unknown) => error)
    expect(noBrand).toMatchObject({ code: ServerErrorCode.TokenError, status: 404 })
  })
})

describe('paysafeTokenSource: users', () => {
  it("exchanges the user's token for Paysafe tokens with a checked ID token and refresh_expires_in", async () => {
    const clock = manualClock()
    const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
    const alice = await source({ now: clock.now }).exchange({ subjectToken, scope: 'openid wallet:read' })
    const token = await alice.getToken()
    expect(token.idToken).toMatch(/^ey/)
    expect(token.idTokenClaims).toMatchObject({ sub: 'alice', name: 'Alice Adler', aud: paysafeDemoClient.clientId })
    expect(token.refreshExpiresAt).toBe(token.issuedAt + 1_800_000)
    expect((await readAccounts(token.accessToken)).body.customer).toBe('alice')
  })

  it('renews by refresh-token rotation, one refresh for many callers, never reusing a refresh token', async () => {
    const clock = manualClock()
    const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'bob' })
    const bob = await source({ now: clock.now }).exchange({ subjectToken })
    const first = await bob.getAccessToken()
    clock.advance(301_000)
    const second = await Promise.all(Array.from({ length: 5 }, () => bob.getAccessToken()))
    expect(new Set(second).size).toBe(1)
    clock.advance(301_000)
    // Had the first refresh token been sent again, the sandbox would have revoked the grant.
    const third = await bob.getAccessToken()
    expect(new Set([first, second[0], third]).size).toBe(3)
    expect(await requests()).toEqual({ 'urn:ietf:params:oauth:grant-type:token-exchange': 1, refresh_token: 2 })
  })

  it('says the session expired once the refresh token has', async () => {
    const clock = manualClock()
    const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
    const alice = await source({ now: clock.now }).exchange({ subjectToken })
    clock.advance(1_801_000)
    await expect(alice.getToken()).rejects.toMatchObject({ code: ServerErrorCode.SessionExpired })
  })

  it('refuses a subject token the brand does not trust', async () => {
    const refused = await source()
      .exchange({ subjectToken: 'forged' })
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: ServerErrorCode.TokenError, error: 'invalid_grant' })
  })

  it('lets openid-client refuse an ID token from another issuer', async () => {
    const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
    const misconfigured = source({ issuer: 'https://someone-else.example' })
    await expect(misconfigured.exchange({ subjectToken })).rejects.toMatchObject({
      code: ServerErrorCode.InvalidResponse,
    })
  })

  it('keeps the password grant off unless legacyPasswordGrant is set, and then warns once', async () => {
    await expect(source().passwordGrant({ username: 'alice', password: 'alice-pass' })).rejects.toMatchObject({
      code: ServerErrorCode.InvalidConfig,
    })
    expect(await requests()).toEqual({})
    const logger = recordingLogger()
    const legacy = source({ legacyPasswordGrant: true, logger })
    const alice = await legacy.passwordGrant({ username: 'alice', password: 'alice-pass' })
    expect((await alice.getToken()).idTokenClaims?.sub).toBe('alice')
    await legacy.passwordGrant({ username: 'bob', password: 'bob-pass' })
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0]).toContain('RFC 9700')
    await expect(legacy.passwordGrant({ username: 'alice', password: 'wrong' })).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })
})
