import { createRemoteJWKSet, errors, jwtVerify } from 'jose'

/** Who is calling: the `sub` of their verified access token. */
export interface VerifiedUser {
  readonly subject: string
}

/**
 * Verifies a user's bearer token; undefined when it is not valid (the route answers 401).
 * Throw when it cannot tell (the route answers 503).
 */
export type UserVerifier = (accessToken: string) => Promise<VerifiedUser | undefined>

/** Options of {@link jwksUserVerifier}: what a JWT access token (RFC 9068) of your users must say. */
export interface JwksUserVerifierOptions {
  /** Your identity provider's public keys, e.g. `https://id.example.com/.well-known/jwks.json`. */
  readonly jwksUri: string
  /** The `iss` the tokens must carry. */
  readonly issuer: string
  /** The `aud` the tokens must include: your backend. */
  readonly audience: string | readonly string[]
  /** The JOSE `typ` the tokens must carry, e.g. `at+jwt` (RFC 9068). Not checked by default. */
  readonly tokenType?: string
  /** Default: RS256, PS256 and ES256. */
  readonly algorithms?: readonly string[]
}

/**
 * A {@link UserVerifier} for JWT access tokens, checked with jose against the issuer's JWKS:
 * signature, `iss`, `aud`, `exp` and `nbf`. The keys are fetched on first use and cached.
 */
export function jwksUserVerifier(options: JwksUserVerifierOptions): UserVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUri))
  return async (accessToken) => {
    try {
      const { payload } = await jwtVerify(accessToken, keys, {
        issuer: options.issuer,
        audience: [...(typeof options.audience === 'string' ? [options.audience] : options.audience)],
        algorithms: [...(options.algorithms ?? ['RS256', 'PS256', 'ES256'])],
        ...(options.tokenType ? { typ: options.tokenType } : {}),
      })
      return typeof payload.sub === 'string' && payload.sub.length > 0 ? { subject: payload.sub } : undefined
    } catch (error) {
      // A bad token is "no user"; keys that cannot be fetched are an outage, not a refusal.
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) return undefined
      throw error
    }
  }
}
