import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { createLocalJWKSet, exportJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose'

export interface JwtVerifyOptions {
  readonly audience?: string
  /** The JOSE `typ` the token must carry, e.g. `at+jwt` for RFC 9068 access tokens. */
  readonly type?: string
}

/**
 * Signs and verifies a stand-in's JWTs with its own RS256 key (the algorithm openid-client
 * expects of ID tokens by default), and publishes the public half as a JWKS.
 */
export function createJwtIssuer(issuer: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomUUID()
  let jwks: { keys: JWK[] } | undefined

  async function publicJwks(): Promise<{ keys: JWK[] }> {
    jwks ??= { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] }
    return jwks
  }

  return {
    issuer,
    publicJwks,
    sign(claims: JWTPayload, ttlSeconds: number, type = 'at+jwt'): Promise<string> {
      const now = Math.floor(Date.now() / 1000)
      return new SignJWT({ jti: randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'RS256', kid, typ: type })
        .setIssuer(issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(privateKey)
    },
    /** The verified claims; undefined for a bad signature, an expired token or a wrong issuer, audience or type. */
    async verify(token: string, options: JwtVerifyOptions = {}): Promise<JWTPayload | undefined> {
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet(await publicJwks()), {
          issuer,
          algorithms: ['RS256'],
          ...(options.audience ? { audience: options.audience } : {}),
          ...(options.type ? { typ: options.type } : {}),
        })
        return payload
      } catch {
        return undefined
      }
    },
  }
}

export type JwtIssuer = ReturnType<typeof createJwtIssuer>

/** Whether a verified token's space-separated `scope` claim includes `scope`. */
export function hasScope(claims: JWTPayload, scope: string): boolean {
  return typeof claims.scope === 'string' && claims.scope.split(' ').includes(scope)
}
