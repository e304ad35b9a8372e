import { randomToken } from '../http/randomToken.ts'

/** Who a refresh token was issued to and for what. */
export interface RefreshGrant {
  readonly brandIdentity: string
  readonly clientId: string
  readonly subject: string
  readonly scope: string
}

interface RefreshRecord extends RefreshGrant {
  /** Every refresh token descended from one grant; presenting a used one revokes them all. */
  readonly family: string
  readonly expiresAt: number
  used: boolean
}

export type RotationResult = { readonly grant: RefreshGrant; readonly family: string } | { readonly failure: string }

/** Opaque, rotating refresh tokens in memory (RFC 9700 §4.14.2: rotation with reuse detection). */
export function refreshTokenStore(ttlSeconds: number) {
  const tokens = new Map<string, RefreshRecord>()
  const revokedFamilies = new Set<string>()
  return {
    ttlSeconds,
    issue(grant: RefreshGrant, family: string = randomToken()): string {
      const token = randomToken()
      tokens.set(token, { ...grant, family, expiresAt: Date.now() + ttlSeconds * 1000, used: false })
      return token
    },
    /** Takes a refresh token for rotation; a second use revokes the whole family. */
    rotate(token: string, brandIdentity: string, clientId: string): RotationResult {
      const record = tokens.get(token)
      if (!record || record.brandIdentity !== brandIdentity || record.clientId !== clientId) {
        return { failure: 'Unknown refresh token' }
      }
      if (revokedFamilies.has(record.family)) return { failure: 'The refresh token was revoked' }
      if (record.used) {
        revokedFamilies.add(record.family)
        return { failure: 'Refresh token reuse detected; the grant is revoked' }
      }
      if (record.expiresAt <= Date.now()) return { failure: 'The refresh token has expired' }
      record.used = true
      return { grant: record, family: record.family }
    },
  }
}

export type RefreshTokenStore = ReturnType<typeof refreshTokenStore>
