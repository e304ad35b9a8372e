import { createRemoteJWKSet, errors, jwtVerify } from 'jose'

/** Who is calling: the `sub` of their verified access token. */
export interface VerifiedUser {
  /** The user's identifier at your identity provider (the token's `sub`); never empty. */
  readonly subject: string
}

/**
 * Verifies a user's bearer token; undefined when it is not valid (the route answers 401).
 * Throw when it cannot tell (the route answers 503).
 */
export type UserVerifier = (accessToken: string) => Promise<VerifiedUser | undefined>

/**
 * Options of {@link jwksUserVerifier}: what a JWT access token (RFC 9068) of your users must say.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068
 */
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

/** What jose throws for a token that is wrong, as opposed to keys it could not get. */
const tokenFaults = [
  errors.JWSInvalid,
  errors.JWTInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JWTClaimValidationFailed,
  errors.JWTExpired,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
]

/**
 * A {@link UserVerifier} for JWT access tokens, checked with jose against the issuer's JWKS:
 * signature, `iss`, `aud`, `exp` and `nbf`, and a non-empty `sub`. The keys are fetched on first use
 * and cached (fetched again for an unknown `kid`). It throws, so the route answers 503, when it
 * cannot tell: the keys cannot be fetched (network failure, timeout, an answer other than 200, a
 * body that is no key set). A user is refused (401) only for what is wrong with their token.
 * A `jwksUri` that is no URL throws at once.
 *
 * @example
 * ```ts
 * const verifyUser = jwksUserVerifier({
 *   jwksUri: 'https://id.example.com/.well-known/jwks.json',
 *   issuer: 'https://id.example.com',
 *   audience: 'https://partner.example.com',
 *   tokenType: 'at+jwt',
 * })
 * ```
 *
 * @see https://www.rfc-editor.org/rfc/rfc9068
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
      // A bad token is "no user"; keys that cannot be fetched are an outage, not a refusal: a 401
      // then would tell every client to drop a session that is fine.
      if (tokenFaults.some((fault) => error instanceof fault)) return undefined
      throw error
    }
  }
}
