import { randomToken } from '../http/randomToken.ts'

export interface AccessTokenRecord {
  readonly clientId: string
  readonly subject: string | undefined
  readonly scope: string
  readonly intentId: string | undefined
  readonly expiresAt: number
}

interface RefreshTokenRecord extends Omit<AccessTokenRecord, 'expiresAt'> {
  /** All refresh tokens descended from one sign-in; a reused one revokes them all. */
  readonly family: string
  used: boolean
}

/** Opaque tokens in memory; refresh tokens rotate and a reused one revokes its whole family. */
export function oauth20Tokens(accessTokenTtlSeconds: number) {
  const accessTokens = new Map<string, AccessTokenRecord>()
  const refreshTokens = new Map<string, RefreshTokenRecord>()
  const revokedFamilies = new Set<string>()

  function issueAccess(grant: Omit<AccessTokenRecord, 'expiresAt'>) {
    const accessToken = randomToken()
    accessTokens.set(accessToken, { ...grant, expiresAt: Date.now() + accessTokenTtlSeconds * 1000 })
    return { accessToken, expiresIn: accessTokenTtlSeconds }
  }

  function issueRefresh(grant: Omit<AccessTokenRecord, 'expiresAt'>, family = randomToken()): string {
    const refreshToken = randomToken()
    refreshTokens.set(refreshToken, { ...grant, family, used: false })
    return refreshToken
  }

  return {
    issueAccess,
    issueRefresh,
    /** The grant behind a live access token, or undefined. */
    findAccess(token: string): AccessTokenRecord | undefined {
      const record = accessTokens.get(token)
      return record && record.expiresAt > Date.now() ? record : undefined
    },
    /**
     * Takes a refresh token for rotation: `reused` when it was already rotated (the family is
     * then revoked), `unknown` when it never existed or its family is revoked.
     */
    rotate(token: string, clientId: string): { grant: RefreshTokenRecord } | { failure: 'unknown' | 'reused' } {
      const record = refreshTokens.get(token)
      if (!record || record.clientId !== clientId || revokedFamilies.has(record.family)) return { failure: 'unknown' }
      if (record.used) {
        revokedFamilies.add(record.family)
        return { failure: 'reused' }
      }
      record.used = true
      return { grant: record }
    },
  }
}

export type Oauth20Tokens = ReturnType<typeof oauth20Tokens>
