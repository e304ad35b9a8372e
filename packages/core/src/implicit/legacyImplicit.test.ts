import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthErrorCode, isAuthError } from '../errors.ts'
import { legacyImplicit } from './legacyImplicit.ts'

const server = { issuer: 'https://bank.example' }
const context = { requestedScope: ['payments'], scopeSeparator: ',', now: 1_000 }

function codeOf(fragment: string): string | undefined {
  try {
    legacyImplicit().tokens(server, new URLSearchParams(fragment), context)
  } catch (error) {
    return isAuthError(error) ? error.code : 'not an AuthError'
  }
  return undefined
}

describe('legacyImplicit', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('warns that RFC 9700 advises against the flow', () => {
    legacyImplicit()
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/RFC 9700/))
  })

  it('reads a bearer token with its lifetime, a day at most', () => {
    const tokens = legacyImplicit().tokens(
      server,
      new URLSearchParams('access_token=at&token_type=bearer&expires_in=1e308&state=s'),
      context,
    )
    expect(tokens).toMatchObject({ accessToken: 'at', tokenType: 'Bearer', expiresAt: 1_000 + 86_400_000 })
  })

  it.each(['access_token', 'state', 'token_type', 'expires_in'])('refuses a response that repeats %s', (name) => {
    const fragment = new URLSearchParams('access_token=at&token_type=bearer&expires_in=60&state=s')
    fragment.append(name, 'again')
    expect(codeOf(fragment.toString())).toBe(AuthErrorCode.InvalidResponse)
  })

  it('keeps the fragment out of the error it raises for an error response', () => {
    try {
      legacyImplicit().tokens(server, new URLSearchParams('error=access_denied&access_token=LEAKED&state=s'), context)
    } catch (error) {
      expect(JSON.stringify({ cause: (error as { cause: unknown }).cause, message: String(error) })).not.toContain(
        'LEAKED',
      )
      return
    }
    throw new Error('expected an error')
  })
})
