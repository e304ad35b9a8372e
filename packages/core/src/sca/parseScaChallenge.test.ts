import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AuthError, AuthErrorCode } from '../errors.ts'
import { parseScaChallenge } from './parseScaChallenge.ts'
import { scaAuthorization } from './scaAuthorization.ts'
import { scaAuthenticationModes, scaChannels, scaMethods } from './scaVocabulary.ts'

/** The header exactly as Paysafe documents it. */
const documented =
  'SCA realm="Authentication" auth-param1="ewogICJzY2FEZXRhaWxzIjogewogICAgImV2ZW50SWQiOiAiMDZiZGMyYzAtY2NlLTRiMzYtOTdlYy0yODFjOGY1ZDc0M2MiLAogICAgIndhbGxldE9wZXJhdGlvbklkIjogImE1ODY1ZmQ2LTE4YzItNDVhOC05OTUzLTFjMDBlYWMzNmMzNiIsCiAgICAiYXV0aGVudGljYXRpb25Nb2RlIjogIk9VVFNPVVJDRUQiLAogICAgImF2YWlsYWJsZVZlcmlmaWNhdGlvbnMiOiBbCiAgICAgIHsKICAgICAgICAibWV0aG9kIjogIlBJTiIKICAgICAgfSwKICAgICAgewogICAgICAgICJtZXRob2QiOiAiT1RQIiwKICAgICAgICAiY2hhbm5lbCI6ICJTTVMiCiAgICAgIH0KICAgIF0sCiAgICAiY3JlYXRpb25UaW1lIjogIjIwMjEtMDctMTVUMTc6NTQ6MTJaIiwKICAgICJleHBpcmF0aW9uVGltZSI6ICIyMDIxLTA3LTE1VDE4OjA5OjEyWiIKICB9Cn0="'

const details = {
  eventId: 'event-1',
  walletOperationId: 'operation-1',
  authenticationMode: 'OUTSOURCED',
  availableVerifications: [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS', target: '+44 ••• 123' }],
  creationTime: '2026-11-23T10:00:00Z',
  expirationTime: '2026-11-23T10:15:00Z',
}

function encode(json: unknown, variant: 'base64' | 'base64url' = 'base64'): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json))
  const base64 = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
  return variant === 'base64' ? base64 : base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function invalidReason(header: string): string {
  try {
    parseScaChallenge(header)
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError)
    expect((error as AuthError).code).toBe(AuthErrorCode.InvalidScaChallenge)
    return (error as AuthError).message
  }
  throw new Error('expected a typed error')
}

describe('parseScaChallenge', () => {
  it('reads the header exactly as Paysafe documents it', () => {
    expect(parseScaChallenge(documented)).toEqual({
      eventId: '06bdc2c0-cce-4b36-97ec-281c8f5d743c',
      walletOperationId: 'a5865fd6-18c2-45a8-9953-1c00eac36c36',
      authenticationMode: 'OUTSOURCED',
      availableVerifications: [{ method: 'PIN' }, { method: 'OTP', channel: 'SMS' }],
      createdAt: Date.parse('2021-07-15T17:54:12Z'),
      expiresAt: Date.parse('2021-07-15T18:09:12Z'),
      realm: 'Authentication',
    })
  })

  it.each([
    ['commas', `SCA realm="Authentication", auth-param1="${encode({ scaDetails: details })}"`],
    ['bare values', `SCA realm=Authentication auth-param1=${encode({ scaDetails: details })}`],
    ['base64url', `SCA realm="Authentication" auth-param1="${encode({ scaDetails: details }, 'base64url')}"`],
    ['lower-case scheme', `sca realm="Authentication" auth-param1="${encode({ scaDetails: details })}"`],
    [
      'other challenges',
      `Bearer realm="api", SCA realm="Authentication", auth-param1="${encode({ scaDetails: details })}", Basic realm="x"`,
    ],
  ])('is tolerant of form: %s', (_form, header) => {
    const parsed = parseScaChallenge(header)
    expect(parsed?.eventId).toBe('event-1')
    expect(parsed?.availableVerifications).toEqual(details.availableVerifications)
  })

  it('returns nothing when there is no SCA challenge', () => {
    expect(parseScaChallenge('Bearer error="invalid_token"')).toBeUndefined()
    expect(parseScaChallenge('')).toBeUndefined()
  })

  it('is strict about content', () => {
    expect(invalidReason('SCA realm="Authentication"')).toMatch(/no details/)
    expect(invalidReason('SCA auth-param1="%%%"')).toMatch(/not base64/)
    expect(invalidReason(`SCA auth-param1="${btoa('not json')}"`)).toMatch(/not JSON/)
    expect(invalidReason(`SCA auth-param1="${encode({ other: 1 })}"`)).toMatch(/no scaDetails/)
    expect(invalidReason(`SCA auth-param1="${encode({ scaDetails: { ...details, eventId: '' } })}"`)).toMatch(/eventId/)
    expect(
      invalidReason(`SCA auth-param1="${encode({ scaDetails: { ...details, authenticationMode: 'MAGIC' } })}"`),
    ).toMatch(/authenticationMode/)
    expect(
      invalidReason(
        `SCA auth-param1="${encode({ scaDetails: { ...details, availableVerifications: [{ method: 'TELEPATHY' }] } })}"`,
      ),
    ).toMatch(/method/)
    expect(
      invalidReason(
        `SCA auth-param1="${encode({ scaDetails: { ...details, expirationTime: '2026-11-23T09:00:00Z' } })}"`,
      ),
    ).toMatch(/expirationTime/)
  })

  it('gives a challenge, nothing, or a typed error for any header whatsoever', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), scaLikeHeader()), (header) => {
        try {
          const parsed = parseScaChallenge(header)
          if (parsed) {
            expect(typeof parsed.eventId).toBe('string')
            expect(parsed.expiresAt).toBeGreaterThan(parsed.createdAt)
          }
        } catch (error) {
          expect(error).toBeInstanceOf(AuthError)
          expect((error as AuthError).code).toBe(AuthErrorCode.InvalidScaChallenge)
        }
      }),
      { numRuns: 2_000 },
    )
    // 2,000 runs take a second on an idle machine; a shared one may need far more.
  }, 60_000)

  it('reads back any valid challenge in any of the tolerated forms', () => {
    fc.assert(
      fc.property(
        validDetails(),
        fc.constantFrom(' ', ', ', ',', '  '),
        fc.constantFrom('base64', 'base64url'),
        (sca, separator, variant) => {
          const header = `SCA realm="Authentication"${separator}auth-param1="${encode({ scaDetails: sca }, variant as 'base64')}"`
          const parsed = parseScaChallenge(header)
          expect(parsed).toMatchObject({
            eventId: sca.eventId,
            walletOperationId: sca.walletOperationId,
            authenticationMode: sca.authenticationMode,
            availableVerifications: sca.availableVerifications,
          })
        },
      ),
    )
  })
})

describe('hostile SCA challenges', () => {
  it('refuses a quoted value cut off before its closing quote', () => {
    const complete = `SCA realm="Authentication" auth-param1="${encode({ scaDetails: details })}"`
    expect(parseScaChallenge(complete)?.eventId).toBe('event-1')
    expect(invalidReason(complete.slice(0, -1))).toMatch(/closing quote/)
    expect(invalidReason('SCA realm="Authentic')).toMatch(/closing quote/)
  })

  it('refuses ids that would change the verifier’s path or overflow, before any request', () => {
    for (const eventId of ['..', '.', 'a/b', 'a?b', '%2e%2e', 'x'.repeat(160_000)]) {
      expect(invalidReason(`SCA auth-param1="${encode({ scaDetails: { ...details, eventId } })}"`)).toMatch(/eventId/)
    }
  })
})

describe('scaAuthorization', () => {
  it('encodes long values without overflowing the stack', () => {
    const header = scaAuthorization({ eventId: 'e'.repeat(200_000), walletOperationId: 'w' })
    expect(JSON.parse(atob(header)).scaDetails.eventId).toHaveLength(200_000)
  })

  it('encodes the event and operation as the wallet expects them back', () => {
    const header = scaAuthorization({ eventId: 'event-1', walletOperationId: 'operation-1' })
    expect(JSON.parse(atob(header))).toEqual({ scaDetails: { eventId: 'event-1', walletOperationId: 'operation-1' } })
  })
})

function validDetails() {
  const verification = fc.record(
    {
      method: fc.constantFrom(...scaMethods),
      channel: fc.constantFrom(...scaChannels),
      target: fc.string({ minLength: 1, maxLength: 20 }),
    },
    { requiredKeys: ['method'] },
  )
  return fc
    .record({
      eventId: fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._~-]{0,39}$/),
      walletOperationId: fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._~-]{0,39}$/),
      authenticationMode: fc.constantFrom(...scaAuthenticationModes),
      availableVerifications: fc.array(verification, { maxLength: 4 }),
      created: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      window: fc.integer({ min: 1_000, max: 3_600_000 }),
    })
    .map(({ created, window, ...rest }) => ({
      ...rest,
      creationTime: new Date(created).toISOString(),
      expirationTime: new Date(created + window).toISOString(),
    }))
}

/** Headers that look like SCA challenges, with random content: where a lax parser would crash. */
function scaLikeHeader() {
  return fc
    .tuple(
      fc.constantFrom('SCA', 'sca', 'Bearer x, SCA', 'SCA  ,'),
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((value) => encode(value)),
        fc.jsonValue().map((value) => encode({ scaDetails: value })),
        validDetails().map((value) => encode({ scaDetails: { ...value, eventId: 7 } })),
      ),
      fc.constantFrom('"', ''),
    )
    .map(([scheme, value, quote]) => `${scheme} realm="Authentication" auth-param1=${quote}${value}${quote}`)
}
