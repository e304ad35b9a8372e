import { AuthError, AuthErrorCode, oauthResponseError } from '../errors.ts'
import type { TokenSet } from '../session/tokenSet.ts'

/** Parameters of an implicit-flow response, which arrive in the URL fragment (RFC 6749 §4.2.2). */
export function fragmentParams(url: URL): URLSearchParams | undefined {
  if (!url.hash) return undefined
  const params = new URLSearchParams(url.hash.slice(1))
  return params.has('access_token') || params.has('error') || params.has('state') ? params : undefined
}

/**
 * Tokens from an implicit response whose `state` was already matched: the error it carries as a
 * typed error, or a checked token set. oauth4webapi does not parse fragments, so this does.
 */
export function implicitTokens(
  params: URLSearchParams,
  context: { readonly requestedScope: readonly string[]; readonly scopeSeparator: string; readonly now: number },
): TokenSet {
  const error = params.get('error')
  if (error) {
    throw oauthResponseError(
      AuthErrorCode.AuthorizationError,
      {
        error,
        errorDescription: params.get('error_description') ?? undefined,
        errorUri: params.get('error_uri') ?? undefined,
      },
      { cause: params },
    )
  }
  const accessToken = params.get('access_token')
  const tokenType = params.get('token_type')
  const expiresIn = Number(params.get('expires_in'))
  if (!accessToken || tokenType?.toLowerCase() !== 'bearer' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new AuthError(AuthErrorCode.InvalidResponse, 'The implicit response lacks a bearer token with its lifetime', {
      cause: { tokenType, expiresIn: params.get('expires_in'), hasToken: accessToken !== null },
    })
  }
  const scope = params.get('scope')
  return {
    accessToken,
    tokenType: 'Bearer',
    issuedAt: context.now,
    expiresAt: context.now + expiresIn * 1000,
    scope:
      scope === null
        ? [...context.requestedScope]
        : scope
            .split(context.scopeSeparator)
            .flatMap((part) => part.split(' '))
            .filter(Boolean),
  }
}
