import * as oauth from 'oauth4webapi'
import { splitScope, type TokenSet, type UserClaims } from '../tokenSet.ts'

export interface TokenSetContext {
  /** Scope requested, used when the server does not echo what it granted. */
  readonly requestedScope: readonly string[]
  readonly scopeSeparator: string
  readonly now: number
}

/** Tokens live this long when the server leaves out `expires_in`; short, so a refresh comes soon. */
const defaultLifetimeSeconds = 300
/** No access token is trusted for longer than a day, whatever the server says (`1e308` is not "forever"). */
const maximumLifetimeSeconds = 86_400
/** Nor a refresh token for longer than a year. */
const maximumRefreshLifetimeSeconds = 365 * 86_400

/** A positive lifetime in seconds, capped; undefined when the server gave none that makes sense. */
function lifetime(value: unknown, maximum: number): number | undefined {
  return typeof value === 'number' && value > 0 ? Math.min(value, maximum) : undefined
}

/** A validated token response in payauth's shape. */
export function toTokenSet(result: oauth.TokenEndpointResponse, context: TokenSetContext): TokenSet {
  const expiresIn = lifetime(result.expires_in, maximumLifetimeSeconds) ?? defaultLifetimeSeconds
  const refreshExpiresIn = lifetime(result.refresh_expires_in, maximumRefreshLifetimeSeconds)
  const claims = oauth.getValidatedIdTokenClaims(result)
  return {
    accessToken: result.access_token,
    tokenType: result.token_type === 'dpop' ? 'DPoP' : 'Bearer',
    issuedAt: context.now,
    expiresAt: context.now + expiresIn * 1000,
    scope:
      typeof result.scope === 'string' ? splitScope(result.scope, context.scopeSeparator) : [...context.requestedScope],
    ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
    ...(refreshExpiresIn ? { refreshExpiresAt: context.now + refreshExpiresIn * 1000 } : {}),
    ...(result.id_token ? { idToken: result.id_token } : {}),
    ...(claims ? { user: claims as unknown as UserClaims } : {}),
  }
}
