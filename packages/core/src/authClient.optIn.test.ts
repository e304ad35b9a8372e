import { describe, expect, it } from 'vitest'
import { createAuthClient } from './authClient.ts'
import { AuthErrorCode, isAuthError } from './errors.ts'
import { pace } from './providers/pace.ts'
import { memoryLock } from './session/memoryLock.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'
import { recordingNavigator } from './testing.ts'

// What an app gets when it uses a feature it did not opt into: a typed configuration error,
// before anything leaves the browser, never a silent no-op.
const issuer = 'https://id.example.com/auth/realms/pace'

function client(discovery: Record<string, unknown> = {}) {
  const navigator = recordingNavigator('https://app.example/wallet')
  const requests: string[] = []
  const auth = createAuthClient({
    provider: pace({ issuer }),
    clientId: 'spa',
    redirectUri: 'https://app.example/callback',
    navigator,
    store: memoryTokenStore(),
    lock: memoryLock(),
    channel: { post() {}, subscribe: () => () => {} },
    wakeEvents: () => () => {},
    fetch: async (input) => {
      requests.push(String(input))
      return Response.json({
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        ...discovery,
      })
    },
  })
  return { auth, navigator, requests }
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  return isAuthError(error) ? error.code : error
}

describe('features an app did not opt into', () => {
  it('token exchange: invalid_config, recorded in the snapshot, no request made', async () => {
    const { auth, requests } = client()
    expect(await codeOf(auth.exchangeToken({ audience: 'api' }))).toBe(AuthErrorCode.InvalidConfig)
    expect(auth.getSnapshot()).toMatchObject({ status: 'error', error: { code: AuthErrorCode.InvalidConfig } })
    expect(requests).toEqual([])
  })

  it('SCA and step-up actions: invalid_config', async () => {
    const { auth } = client()
    expect(await codeOf(auth.verifyChallenge({ method: 'PIN', value: '1234' }))).toBe(AuthErrorCode.InvalidConfig)
    expect(await codeOf(auth.resendChallenge('SMS'))).toBe(AuthErrorCode.InvalidConfig)
    expect(await codeOf(auth.stepUp())).toBe(AuthErrorCode.InvalidConfig)
    expect(() => auth.cancelChallenge()).not.toThrow()
  })

  it('RAR details: invalid_config before the user leaves', async () => {
    const { auth, navigator } = client()
    const login = auth.login({ authorizationDetails: [{ type: 'payment_initiation' }] })
    expect(await codeOf(login)).toBe(AuthErrorCode.InvalidConfig)
    expect(navigator.assigned).toEqual([])
  })

  it('a server that requires PAR: invalid_config naming the option, before the user leaves', async () => {
    const { auth, navigator } = client({
      require_pushed_authorization_requests: true,
      pushed_authorization_request_endpoint: `${issuer}/protocol/openid-connect/ext/par/request`,
    })
    const error = await auth.login().catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: AuthErrorCode.InvalidConfig, message: expect.stringMatching(/par\(\)/) })
    expect(navigator.assigned).toEqual([])
  })

  it('an intent with a provider that takes none: intent_rejected before the user leaves', async () => {
    const { auth, navigator, requests } = client()
    expect(await codeOf(auth.login({ intent: { id: 'intent-1' } }))).toBe(AuthErrorCode.IntentRejected)
    expect(navigator.assigned).toEqual([])
    expect(requests).toEqual([])
  })
})
