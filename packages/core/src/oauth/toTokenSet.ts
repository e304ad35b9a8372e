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

/** A validated token response in payauth's shape. */
export function toTokenSet(result: oauth.TokenEndpointResponse, context: TokenSetContext): TokenSet {
  const lifetime =
    typeof result.expires_in === 'number' && result.expires_in > 0 ? result.expires_in : defaultLifetimeSeconds
  const claims = oauth.getValidatedIdTokenClaims(result)
  return {
    accessToken: result.access_token,
    tokenType: result.token_type === 'dpop' ? 'DPoP' : 'Bearer',
    issuedAt: context.now,
    expiresAt: context.now + lifetime * 1000,
    scope:
      typeof result.scope === 'string' ? splitScope(result.scope, context.scopeSeparator) : [...context.requestedScope],
    ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
    ...(typeof result.refresh_expires_in === 'number' && result.refresh_expires_in > 0
      ? { refreshExpiresAt: context.now + result.refresh_expires_in * 1000 }
      : {}),
    ...(result.id_token ? { idToken: result.id_token } : {}),
    ...(claims ? { user: claims as unknown as UserClaims } : {}),
  }
}
