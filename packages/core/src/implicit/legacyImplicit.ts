import { authError, OAuthResponseError } from '../errors.ts'
import type { ImplicitFlow } from '../oauth/directConfig.ts'
import { splitScope } from '../tokenSet.ts'

/**
 * The legacy implicit flow (`response_type=token`), for servers that offer nothing else: the token
 * arrives in the URL fragment, which payauth parses itself (oauth4webapi does not), checks against
 * `state` and `iss`, and scrubs from history. The session cannot be renewed: at expiry the user
 * signs in again. RFC 9700 (§2.1.2) says clients SHOULD NOT use it; calling this warns. It makes
 * the value of `oauth20()`'s `legacyImplicit` option. The fragment must hold a `Bearer` token with a
 * positive `expires_in` (capped at a day); its `iss`, when present, must be the issuer.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2
 * @example oauth20({ baseUrl, legacyImplicit: legacyImplicit() })
 */
export function legacyImplicit(): ImplicitFlow {
  console.warn(
    'payauth: the legacy implicit flow is on. Tokens travel in the URL fragment and cannot be refreshed; ' +
      'RFC 9700 says clients SHOULD NOT use it. Use code + PKCE unless the server offers nothing else.',
  )
  return {
    tokens(server, params, context) {
      // A parameter given twice is a tampered or confused response (RFC 6749 §3.1: at most once).
      const repeated = ['access_token', 'token_type', 'expires_in', 'scope', 'state', 'iss', 'error'].find(
        (name) => params.getAll(name).length > 1,
      )
      if (repeated) {
        throw authError('invalid_response', `The implicit response repeats "${repeated}"`, { repeated })
      }
      const iss = params.get('iss')
      if (iss !== null && iss !== server.issuer) {
        throw authError('issuer_mismatch', `The response comes from ${iss}, not ${server.issuer}`, { iss })
      }
      const error = params.get('error')
      if (error) {
        throw new OAuthResponseError(
          'authorization_error',
          {
            error,
            errorDescription: params.get('error_description') ?? undefined,
            errorUri: params.get('error_uri') ?? undefined,
          },
          // Never the fragment itself: it may hold a token.
          { cause: { error } },
        )
      }
      const accessToken = params.get('access_token')
      const tokenType = params.get('token_type')
      const expiresIn = Math.min(Number(params.get('expires_in')), 86_400)
      if (!accessToken || tokenType?.toLowerCase() !== 'bearer' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
        throw authError('invalid_response', 'The implicit response lacks a bearer token with its lifetime', {
          tokenType,
          expiresIn: params.get('expires_in'),
          hasToken: accessToken !== null,
        })
      }
      const scope = params.get('scope')
      return {
        accessToken,
        tokenType: 'Bearer',
        issuedAt: context.now,
        expiresAt: context.now + expiresIn * 1000,
        scope: scope === null ? [...context.requestedScope] : splitScope(scope, context.scopeSeparator),
      }
    },
  }
}
