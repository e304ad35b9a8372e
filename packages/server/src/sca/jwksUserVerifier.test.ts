import { paceAccessToken, paysafeDemoBrand, paysafeDemoClient } from '@payauth/sandbox'
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
