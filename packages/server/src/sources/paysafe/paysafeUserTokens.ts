import { ServerAuthError, ServerErrorCode } from '../../errors.ts'
import { cachedTokenSource, type TokenSource } from '../tokenSource.ts'
import type { TokenSourceDeps } from '../tokenSourceOptions.ts'
import type { PaysafeGrant, PaysafeGrantResult } from './paysafeGrants.ts'
import type { PaysafeToken } from './paysafeToken.ts'

/**
 * One user's Paysafe tokens (from a token exchange or the legacy password grant): cached, and
 * renewed with the refresh-token grant, one refresh at a time because Paysafe rotates refresh
 * tokens and revokes the grant when a used one comes back. The refresh token never leaves it.
 */
export type PaysafeUserTokens = TokenSource<PaysafeToken>

/** User tokens seeded with the first grant's result and renewed with its refresh token. */
export function paysafeUserTokens(
  grant: PaysafeGrant,
  first: PaysafeGrantResult,
  deps: TokenSourceDeps,
): PaysafeUserTokens {
  let refreshToken = first.refreshToken
  let refreshExpiresAt = first.token.refreshExpiresAt

  async function refresh(): Promise<PaysafeToken> {
    if (refreshToken === undefined || (refreshExpiresAt !== undefined && deps.now() >= refreshExpiresAt)) {
      throw new ServerAuthError(
        ServerErrorCode.SessionExpired,
        'Paysafe: the user tokens cannot be renewed any more; exchange a new subject token',
        { cause: { refreshToken: refreshToken === undefined ? 'none was issued' : 'expired', refreshExpiresAt } },
      )
    }
    const result = await grant('refresh_token', { refresh_token: refreshToken }, [refreshToken])
    // Rotation: the old refresh token is spent; a server that does not rotate sends none back.
    refreshToken = result.refreshToken ?? refreshToken
    refreshExpiresAt = result.token.refreshExpiresAt ?? refreshExpiresAt
    return result.token
  }

  return cachedTokenSource('Paysafe user', refresh, deps, first.token)
}
