import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paysafeDemoBrand, paysafeDemoClient, tokenExchangeGrantType } from '../paysafe/paysafeClients.ts'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { paceAccessToken } from '../testing/paceAccessToken.ts'

// The wallet's side of OUTSOURCED SCA: a partner backend reports attempts server-to-server.
const appOrigin = 'http://127.0.0.1:5173'
let sandbox: Sandbox
let alice: { pace: string; paysafe: string }
let bobPaysafe: string
let clientPaysafe: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin] })
  const alicePace = await paceAccessToken({ ...sandbox, appOrigin, username: 'alice' })
  alice = { pace: alicePace, paysafe: await paysafeToken(exchange(alicePace)) }
  bobPaysafe = await paysafeToken(exchange(await paceAccessToken({ ...sandbox, appOrigin, username: 'bob' })))
  clientPaysafe = await paysafeToken({ grant_type: 'client_credentials' })
})
afterAll(() => sandbox.close())

const exchange = (subjectToken: string) => ({
  grant_type: tokenExchangeGrantType,
  subject_token: subjectToken,
  subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
})

async function paysafeToken(grant: Record<string, string>): Promise<string> {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2)
  const basic = `${encode(paysafeDemoClient.clientId)}:${encode(paysafeDemoClient.clientSecret)}`
  const response = await fetch(`${sandbox.paysafeBaseUrl}/auth/brands/${paysafeDemoBrand}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(basic).toString('base64')}` },
    body: new URLSearchParams(grant),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

/** Starts a transfer as alice; the wallet answers with an SCA challenge. */
async function challengedTransfer() {
  const transfer = () =>
    fetch(`${sandbox.walletBaseUrl}/transfers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.pace}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: '10.00', to: 'bob' }),
    })
  const challenge = (await transfer()).headers.get('www-authenticate') ?? ''
  const encoded = /auth-param1="([^"]+)"/.exec(challenge)?.[1] ?? ''
  const { scaDetails } = JSON.parse(Buffer.from(encoded, 'base64').toString()) as {
    scaDetails: { eventId: string; walletOperationId: string }
  }
  return { ...scaDetails, transfer }
}

function report(eventId: string, body: Record<string, unknown>, token = alice.paysafe) {
  return fetch(`${sandbox.walletBaseUrl}/sca/events/${eventId}/attempts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

const pinAttempt = (walletOperationId: string, status: string) => ({
  walletOperationId,
  verification: { method: 'PIN' },
  status,
})

describe('POST /wallet/sca/events/{eventId}/attempts', () => {
  it('takes a VERIFIED report for the user, after which the operation goes through with SCA-Authorization', async () => {
    const { eventId, walletOperationId, transfer } = await challengedTransfer()
    const reported = await report(eventId, pinAttempt(walletOperationId, 'VERIFIED'))
    expect(reported.status).toBe(201)
    expect(await reported.json()).toMatchObject({
      eventId,
      walletOperationId,
      authenticationMode: 'OUTSOURCED',
      verification: { method: 'PIN' },
      status: 'VERIFIED',
      currentAttempts: 1,
      allowableAttempts: 3,
    })
    const scaAuthorization = Buffer.from(JSON.stringify({ scaDetails: { eventId, walletOperationId } })).toString(
      'base64',
    )
    const repeated = await fetch(`${sandbox.walletBaseUrl}/transfers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.pace}`, 'sca-authorization': scaAuthorization },
      body: JSON.stringify({ amount: '10.00', to: 'bob' }),
    })
    expect(repeated.status).toBe(201)
    expect((await transfer()).status).toBe(401)
  })

  it('caps attempts: the third REJECTED fails the event and a fourth report is refused with 429', async () => {
    const { eventId, walletOperationId } = await challengedTransfer()
    for (const currentAttempts of [1, 2, 3]) {
      const rejected = await report(eventId, pinAttempt(walletOperationId, 'REJECTED'))
      expect(await rejected.json()).toMatchObject({ status: 'REJECTED', currentAttempts })
    }
    expect((await report(eventId, pinAttempt(walletOperationId, 'VERIFIED'))).status).toBe(429)
  })

  it('lets a FAILED report end the event at once', async () => {
    const { eventId, walletOperationId } = await challengedTransfer()
    expect((await report(eventId, pinAttempt(walletOperationId, 'FAILED'))).status).toBe(201)
    expect((await report(eventId, pinAttempt(walletOperationId, 'VERIFIED'))).status).toBe(429)
  })

  it("needs a Paysafe token issued for the event's user", async () => {
    const { eventId, walletOperationId } = await challengedTransfer()
    const attempt = pinAttempt(walletOperationId, 'VERIFIED')
    expect((await report(eventId, attempt, 'not-a-token')).status).toBe(401)
    expect((await report(eventId, attempt, alice.pace)).status).toBe(401)
    expect((await report(eventId, attempt, clientPaysafe)).status).toBe(403)
    expect((await report(eventId, attempt, bobPaysafe)).status).toBe(404)
    expect((await report(crypto.randomUUID(), attempt)).status).toBe(404)
  })

  it('refuses malformed reports and a walletOperationId of another operation', async () => {
    const { eventId, walletOperationId } = await challengedTransfer()
    expect((await report(eventId, { ...pinAttempt(walletOperationId, 'MAYBE') })).status).toBe(400)
    expect((await report(eventId, { walletOperationId, status: 'VERIFIED' })).status).toBe(400)
    const otp = { walletOperationId, verification: { method: 'OTP', channel: 'CARRIER_PIGEON' }, status: 'VERIFIED' }
    expect((await report(eventId, otp)).status).toBe(400)
    expect((await report(eventId, pinAttempt(crypto.randomUUID(), 'VERIFIED'))).status).toBe(400)
  })

  it('refuses event ids with path tricks before reading anything', async () => {
    const { eventId } = await challengedTransfer()
    for (const path of [
      `/wallet/sca/events/../events/${eventId}/attempts`,
      `/wallet/sca/events/%2e%2e%2f${eventId}/attempts`,
      `/wallet/sca/events/${eventId}%2Fattempts/attempts`,
      `/wallet/sca/events/${eventId.toUpperCase()}/attempts`,
      `/wallet/sca/events/${eventId}/attempts/`,
    ]) {
      expect(await rawPostStatus(path), path).toBe(400)
    }
  })
})

/** POSTs to a path exactly as written: fetch would normalise `..` away before sending. */
function rawPostStatus(path: string): Promise<number> {
  const { hostname, port } = new URL(sandbox.origin)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'POST', headers: { authorization: `Bearer ${alice.paysafe}` } })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end('{}')
  })
}
