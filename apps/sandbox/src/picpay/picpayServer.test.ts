import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import { picpayDemoClient, picpayDisabledClient } from './picpayClients.ts'

// Protocol tests of the PicPay stand-in: it must answer as PicPay's token page documents.
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(() => sandbox.close())

type Json = Record<string, unknown>

async function token(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${sandbox.picpayBaseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Json }
}

const credentials = { grant_type: 'client_credentials', ...toWire(picpayDemoClient) }

function toWire(client: { clientId: string; clientSecret: string }) {
  return { client_id: client.clientId, client_secret: client.clientSecret }
}

describe('PicPay token endpoint', () => {
  it("answers exactly the fields of PicPay's example, in its order, with 5-minute tokens", async () => {
    const { status, body } = await token(credentials)
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual([
      'access_token',
      'expires_in',
      'refresh_expires_in',
      'token_type',
      'not-before-policy',
      'scope',
      'core-seller-id',
      'merchant-document',
      'seller-acquirer-id',
      'authorization_details',
    ])
    expect(body).toEqual({
      access_token: expect.stringMatching(/^([\w=]+)\.([\w=]+)\.([\w\-+/=]*)/),
      expires_in: 300,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 1640873903,
      scope: 'p2b.paymentlink.transactional credential.client_secret.rotate',
      'core-seller-id': '000000',
      'merchant-document': '22896431000110',
      'seller-acquirer-id': '0000000005968341',
      authorization_details: [
        {
          type: 'authorized_account',
          account_id: '28a1586b-c810-48df-99ba-f1d304ba00f9',
          fingerprint: '28a1586b-c810-48df-99ba-f1d304ba00f9',
          display_name: 'PicPay Wallet',
        },
      ],
    })
  })

  it('refuses a form body', async () => {
    const form = await token(new URLSearchParams(credentials).toString(), 'application/x-www-form-urlencoded')
    expect(form.status).toBe(400)
    expect(form.body.error).toBe('invalid_request')
  })

  it('answers the documented errors with their statuses', async () => {
    const unknown = await token({ ...credentials, client_id: 'nobody' })
    expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    const wrongSecret = await token({ ...credentials, client_secret: 'guess' })
    expect(wrongSecret).toEqual({
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' },
    })
    const refresh = await token({ ...credentials, grant_type: 'refresh_token' })
    expect(refresh).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } })
    const disabled = await token({ grant_type: 'client_credentials', ...toWire(picpayDisabledClient) })
    expect(disabled).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } })
  })

  it('lets the token read payment links, and nothing else in', async () => {
    const read = (authorization?: string) =>
      fetch(`${sandbox.picpayBaseUrl}/v1/paymentlinks`, authorization ? { headers: { authorization } } : {})
    const { body } = await token(credentials)
    expect((await read(`Bearer ${String(body.access_token)}`)).status).toBe(200)
    expect((await read()).status).toBe(401)
    const [header, payload] = String(body.access_token).split('.')
    expect((await read(`Bearer ${header}.${payload}.${'A'.repeat(342)}`)).status).toBe(401)
  })
})
