import { afterEach, describe, expect, it } from 'vitest'
import { expectOutcome, rows } from './hostileCase.ts'
import { idTokenCases } from './idTokens.cases.ts'
import { secret, secrets } from './scriptedServer.ts'
import { signedInWorld, type World } from './signedInWorld.ts'

let world: World | undefined
afterEach(() => {
  world?.dispose()
  world = undefined
})

/** A token response around `idToken`, as the server would send it. */
function tokensWith(idToken: unknown): Response {
  return Response.json({
    access_token: secret('AT'),
    token_type: 'Bearer',
    expires_in: 3600,
    refresh_token: secret('RT'),
    ...(idToken === undefined ? {} : { id_token: idToken }),
  })
}

describe('hostile ID tokens, through a signed-in client', () => {
  it.each(rows(idTokenCases))('%s', async (_name, { input, expect: expected }) => {
    const current = await signedInWorld()
    world = current
    if (input.during === 'signIn') {
      const { authorization, callback } = await current.pendingSignIn(current, input.login)
      const nonce = new URL(authorization).searchParams.get('nonce') ?? ''
      current.server.tokenReply = () => tokensWith(input.idToken(nonce))
      expectOutcome(await current.outcome(current, () => current.auth.handleCallback(callback)), expected, secrets)
    } else {
      current.advance(61)
      current.server.tokenReply = () => tokensWith(input.idToken(''))
      expectOutcome(await current.outcome(current, () => current.auth.getAccessToken()), expected, secrets)
    }
    // Whatever the claims held, no object of this realm gained a property.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
