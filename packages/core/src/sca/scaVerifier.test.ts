import { describe, expect, it } from 'vitest'
import type { ScaDetails } from '../challenge.ts'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { partnerScaVerifier } from './scaVerifier.ts'

const challenge: ScaDetails = {
  eventId: '06bdc2c0-cce-4b36-97ec-281c8f5d743c',
  walletOperationId: 'a5865fd6-18c2-45a8-9953-1c00eac36c36',
  authenticationMode: 'OUTSOURCED',
  availableVerifications: [{ method: 'PIN' }],
  createdAt: 0,
  expiresAt: 1,
  realm: undefined,
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    return isAuthError(error) ? error.code : 'not an AuthError'
  }
  return undefined
}

describe('partnerScaVerifier', () => {
  it('refuses a plain-http backend: the PIN and the access token would travel in clear text', () => {
    expect(codeOf(() => partnerScaVerifier({ baseUrl: 'http://partner.example' }))).toBe(AuthErrorCode.InsecureUrl)
    expect(codeOf(() => partnerScaVerifier({ baseUrl: 'http://127.0.0.1:9400/partner' }))).toBeUndefined()
  })

  it('refuses ids that would change its path, before any request', async () => {
    const requests: string[] = []
    const verifier = partnerScaVerifier({
      baseUrl: 'https://partner.example/sca-api',
      fetch: async (input) => {
        requests.push(String(input))
        return Response.json({ outcome: 'VERIFIED' })
      },
    })
    const attempt = { method: 'PIN', value: '1234' } as const
    for (const eventId of ['..', '../admin', 'x'.repeat(160_000)]) {
      const error = await verifier.verify({ ...challenge, eventId }, attempt, { accessToken: 'at' }).catch((e) => e)
      expect(error).toMatchObject({ code: AuthErrorCode.InvalidScaChallenge })
    }
    expect(requests).toEqual([])
    await verifier.verify(challenge, attempt, { accessToken: 'at' })
    expect(requests).toEqual([`https://partner.example/sca-api/sca/events/${challenge.eventId}/attempts`])
  })
})
