import { AuthErrorCode, type ScaDetails } from '@payauth/core'
import { parseScaChallenge, partnerScaVerifier } from '@payauth/core/sca'
import { demoUsers, paceAccessToken, paysafeDemoBrand, paysafeDemoClient } from '@payauth/sandbox'
import { beforeAll, describe, expect, it } from 'vitest'
import { paysafeTokenSource } from '../sources/paysafe/paysafeTokenSource.ts'
import { appOrigin, recordingLogger, useSandbox } from '../test/sandboxFixture.ts'
import type { UserVerifier } from './jwksUserVerifier.ts'
import { type CredentialCheck, type PaysafeScaRouteOptions, paysafeScaRoute } from './paysafeScaRoute.ts'

// The whole OUTSOURCED round trip against the sandbox: the wallet challenges the browser, the
// browser's partnerScaVerifier calls this route, the route reports to the wallet with a Paysafe
// token exchanged for the user, and the repeated operation goes through.
const sandbox = useSandbox()
const partnerOrigin = 'https://partner.example'
let alice: string
let bob: string

beforeAll(async () => {
  alice = await paceAccessToken({ ...sandbox(), appOrigin, username: 'alice' })
  bob = await paceAccessToken({ ...sandbox(), appOrigin, username: 'bob' })
})

/** The app's own check of its users' bearer tokens: here, the sandbox identity provider's userinfo. */
const verifyWithUserinfo: UserVerifier = async (accessToken) => {
  const response = await fetch(`${sandbox().paceIssuer}/protocol/openid-connect/userinfo`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })
  return response.ok ? { subject: ((await response.json()) as { sub: string }).sub } : undefined
}

/** The app's own PIN store. */
async function checkPin(check: CredentialCheck): Promise<boolean> {
  return check.method === 'PIN' && demoUsers.find((user) => user.username === check.subject)?.pin === check.value
}

function partner(overrides: Partial<PaysafeScaRouteOptions> = {}) {
  const paysafe = paysafeTokenSource({
    baseUrl: sandbox().paysafeBaseUrl,
    brandIdentity: paysafeDemoBrand,
    ...paysafeDemoClient,
  })
  const checks: CredentialCheck[] = []
  const route = paysafeScaRoute({
    walletBaseUrl: sandbox().walletBaseUrl,
    verifyUser: verifyWithUserinfo,
    checkCredential: async (check) => {
      checks.push(check)
      return checkPin(check)
    },
    walletAccessToken: async (user) => (await paysafe.exchange({ subjectToken: user.accessToken })).getAccessToken(),
    ...overrides,
  })
  const verifier = partnerScaVerifier({
    baseUrl: partnerOrigin,
    fetch: (input, init) => route(new Request(input, init)),
  })
  return { route, verifier, checks }
}

const transferBody = JSON.stringify({ amount: '25.00', to: 'carol' })

/** alice starts a transfer; the wallet challenges it. */
async function challengedTransfer(): Promise<ScaDetails> {
  const response = await fetch(`${sandbox().walletBaseUrl}/transfers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
    body: transferBody,
  })
  const challenge = parseScaChallenge(response.headers.get('www-authenticate') ?? '')
  if (!challenge) throw new Error(`no SCA challenge: ${response.status}`)
  return challenge
}

function post(route: (request: Request) => Promise<Response>, path: string, body: unknown, token = alice) {
  return route(
    new Request(`${partnerOrigin}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
}

describe('paysafeScaRoute', () => {
  it('verifies the PIN, reports to the wallet, and the repeated operation goes through', async () => {
    const { verifier, checks } = partner()
    const challenge = await challengedTransfer()
    const wrong = await verifier.verify(challenge, { method: 'PIN', value: '0000' }, { accessToken: alice })
    expect(wrong).toEqual({ outcome: 'REJECTED', attemptsLeft: 2 })
    const right = await verifier.verify(challenge, { method: 'PIN', value: '1234' }, { accessToken: alice })
    expect(right).toEqual({ outcome: 'VERIFIED', attemptsLeft: 1 })
    expect(checks.map(({ subject, eventId }) => ({ subject, eventId }))).toEqual([
      { subject: 'alice', eventId: challenge.eventId },
      { subject: 'alice', eventId: challenge.eventId },
    ])
    const scaAuthorization = Buffer.from(
      JSON.stringify({ scaDetails: { eventId: challenge.eventId, walletOperationId: challenge.walletOperationId } }),
    ).toString('base64')
    const repeated = await fetch(`${sandbox().walletBaseUrl}/transfers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'sca-authorization': scaAuthorization },
      body: transferBody,
    })
    expect(repeated.status).toBe(201)
  })

  it('fails the challenge after the third wrong PIN, and the wallet caps further attempts (429)', async () => {
    const { route, verifier } = partner()
    const challenge = await challengedTransfer()
    const wrongPin = () => verifier.verify(challenge, { method: 'PIN', value: '9999' }, { accessToken: alice })
    expect((await wrongPin()).outcome).toBe('REJECTED')
    expect((await wrongPin()).outcome).toBe('REJECTED')
    expect(await wrongPin()).toEqual({ outcome: 'FAILED', attemptsLeft: 0 })
    const capped = await post(route, `/sca/events/${challenge.eventId}/attempts`, {
      walletOperationId: challenge.walletOperationId,
      method: 'PIN',
      value: '1234',
    })
    expect(capped.status).toBe(429)
  })

  it("cannot settle another user's event, even with that user's PIN", async () => {
    const { route, checks } = partner()
    const challenge = await challengedTransfer()
    const attempt = { walletOperationId: challenge.walletOperationId, method: 'PIN', value: '5678' }
    const response = await post(route, `/sca/events/${challenge.eventId}/attempts`, attempt, bob)
    expect(response.status).toBe(404)
    expect(checks[0]?.subject).toBe('bob')
  })

  it('refuses callers without a valid bearer token, and malformed requests, before checking anything', async () => {
    const { route, checks } = partner()
    const challenge = await challengedTransfer()
    const path = `/sca/events/${challenge.eventId}/attempts`
    const attempt = { walletOperationId: challenge.walletOperationId, method: 'PIN', value: '1234' }
    const anonymous = await route(new Request(`${partnerOrigin}${path}`, { method: 'POST', body: '{}' }))
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    const forged = await post(route, path, attempt, 'forged-token')
    expect(forged.status).toBe(401)
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token')
    expect((await post(route, '/sca/events/..%2Fwallet%2Ftransfers/attempts', attempt)).status).toBe(400)
    expect((await post(route, path, { ...attempt, method: 'GUESS' })).status).toBe(400)
    expect((await post(route, path, { ...attempt, value: '' })).status).toBe(400)
    expect((await post(route, `/sca/events/${challenge.eventId}/other`, attempt)).status).toBe(404)
    expect((await route(new Request(`${partnerOrigin}${path}`))).status).toBe(405)
    expect(checks).toEqual([])
  })

  it('answers 502 and logs without secrets when the wallet cannot be reached', async () => {
    const logger = recordingLogger()
    const { verifier } = partner({ walletBaseUrl: 'http://127.0.0.1:9/wallet', logger })
    const challenge = await challengedTransfer()
    await expect(
      verifier.verify(challenge, { method: 'PIN', value: '1234' }, { accessToken: alice }),
    ).rejects.toMatchObject({ code: AuthErrorCode.InvalidResponse })
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0]).toContain('reporting an SCA attempt')
    expect(logger.lines[0]).not.toContain(alice)
    expect(logger.lines[0]).not.toContain('1234')
  })

  it('sends one-time codes through the app, and tells the browser when no more may be sent', async () => {
    const sent: string[] = []
    const { verifier } = partner({
      async sendOneTimeCode({ subject, channel }) {
        if (sent.length > 0) return { sent: false }
        sent.push(`${subject}:${channel}`)
        return { sent: true, resendsLeft: 0, retryAfterSeconds: 30 }
      },
    })
    const challenge = await challengedTransfer()
    expect(await verifier.resend?.(challenge, 'SMS', { accessToken: alice })).toEqual({
      resendsLeft: 0,
      retryAfterSeconds: 30,
    })
    expect(sent).toEqual(['alice:SMS'])
    await expect(verifier.resend?.(challenge, 'SMS', { accessToken: alice })).rejects.toMatchObject({
      code: AuthErrorCode.ScaResendRefused,
    })
    const withoutCodes = partner()
    const noRoute = await post(withoutCodes.route, `/sca/events/${challenge.eventId}/challenges`, { channel: 'SMS' })
    expect(noRoute.status).toBe(404)
  })
})
