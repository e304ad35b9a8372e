import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { paceAccessToken, paysafeDemoBrand, paysafeDemoClient } from '@payauth/sandbox'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { paysafeTokenSource } from '../sources/paysafe/paysafeTokenSource.ts'
import { appOrigin, useSandbox } from '../test/sandboxFixture.ts'
import { jwksUserVerifier } from './jwksUserVerifier.ts'

// Real JWT access tokens with a user's `sub` and a published JWKS: Paysafe's, from the sandbox.
const sandbox = useSandbox()

async function aliceJwt(): Promise<string> {
  const paysafe = paysafeTokenSource({
    baseUrl: sandbox().paysafeBaseUrl,
    brandIdentity: paysafeDemoBrand,
    ...paysafeDemoClient,
  })
  const subjectToken = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
  return (await paysafe.exchange({ subjectToken })).getAccessToken()
}

function verifier(overrides: { audience?: string; jwksUri?: string } = {}) {
  const issuer = `${sandbox().paysafeBaseUrl}/auth/brands/${paysafeDemoBrand}`
  return jwksUserVerifier({
    jwksUri: `${issuer}/jwks`,
    issuer,
    audience: sandbox().paysafeBaseUrl,
    tokenType: 'at+jwt',
    ...overrides,
  })
}

describe('jwksUserVerifier', () => {
  it("gives the token's subject when signature, issuer, audience and type check out", async () => {
    expect(await verifier()(await aliceJwt())).toEqual({ subject: 'alice' })
  })

  it('gives no user for a forged signature, another audience, or a token that is no JWT', async () => {
    const token = await aliceJwt()
    const [header, payload] = token.split('.')
    expect(await verifier()(`${header}.${payload}.${Buffer.from('forged').toString('base64url')}`)).toBeUndefined()
    expect(await verifier({ audience: 'https://another-api.example' })(token)).toBeUndefined()
    expect(await verifier()('opaque-token')).toBeUndefined()
  })

  it('throws, rather than refusing the user, when the keys cannot be fetched', async () => {
    await expect(verifier({ jwksUri: 'http://127.0.0.1:9/jwks' })(await aliceJwt())).rejects.toThrow()
  })
})

/** A JWKS endpoint of our own, whose answer each test sets, and a key to sign tokens with. */
async function ownKeySet() {
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'own-key', alg: 'ES256', use: 'sig' }
  let answer: { status: number; body: string } = { status: 200, body: JSON.stringify({ keys: [jwk] }) }
  const server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`
  const issuer = 'https://id.example.com'
  const audience = 'https://partner.example.com'
  return {
    verify: jwksUserVerifier({ jwksUri, issuer, audience }),
    token: (claims: { exp?: number; kid?: string } = {}) =>
      new SignJWT({ sub: 'alice' })
        .setProtectedHeader({ alg: 'ES256', kid: claims.kid ?? 'own-key' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime(claims.exp ?? '5m')
        .sign(privateKey),
    answer(status: number, body: string) {
      answer = { status, body }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('jwksUserVerifier, when its keys are out of reach or the token is at fault', () => {
  it('throws (the route answers 503) when the key set answers 503, or with a body that is no key set', async () => {
    const keySet = await ownKeySet()
    try {
      keySet.answer(503, '<html>Service Unavailable</html>')
      await expect(keySet.verify(await keySet.token())).rejects.toThrow()
      keySet.answer(200, '{"not":"a key set"}')
      await expect(keySet.verify(await keySet.token())).rejects.toThrow()
    } finally {
      await keySet.close()
    }
  })

  it('refuses the user (undefined) for an expired token and for a key the set does not hold', async () => {
    const keySet = await ownKeySet()
    try {
      expect(await keySet.verify(await keySet.token())).toEqual({ subject: 'alice' })
      expect(await keySet.verify(await keySet.token({ exp: Math.floor(Date.now() / 1000) - 600 }))).toBeUndefined()
      expect(await keySet.verify(await keySet.token({ kid: 'another-key' }))).toBeUndefined()
    } finally {
      await keySet.close()
    }
  })
})
