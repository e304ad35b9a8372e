import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { autoLoginCookie } from '../pace/autoLoginCookie.ts'
import { type Sandbox, startSandbox } from '../startSandbox.ts'
import {
  confidentialClientId,
  confidentialClientSecret,
  merchantBffCallbackPath,
  publicClientId,
} from './oauth20Clients.ts'

// Protocol tests of the sandbox's oauth20 server on its own: it must answer as the documented API does.
const appOrigin = 'http://127.0.0.1:5173'
const redirectUri = `${appOrigin}/pay/callback`
let sandbox: Sandbox
let base: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], accessTokenTtl: 60 })
  base = sandbox.oauth20BaseUrl
})
afterAll(() => sandbox.close())

type Json = Record<string, string>

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`

async function token(params: Record<string, string>, authorization?: string) {
  const response = await fetch(`${base}/oauth20/token`, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
    body: new URLSearchParams(params),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json }
}

/** The public client redeems a code with the test's PKCE verifier. */
function redeem(code: string | null) {
  return token({
    grant_type: 'authorization_code',
    code: code ?? '',
    redirect_uri: redirectUri,
    client_id: publicClientId,
    code_verifier: verifier,
  })
}

async function createIntent(input: Record<string, unknown> = {}): Promise<Json> {
  const { body } = await token(
    { grant_type: 'client_credentials' },
    basic(confidentialClientId, confidentialClientSecret),
  )
  const response = await fetch(`${base}/oauth20/intents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${body.access_token ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'payments', payee: 'Merchant A', amount: '12.50', currency: 'EUR', ...input }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as Json
}

interface AuthorizeInput {
  readonly intentid?: string
  readonly itype?: string
  readonly responseType?: 'code' | 'token'
  readonly clientId?: string
  readonly redirect?: string
  readonly challenge?: string | null
  readonly autoLogin?: boolean
}

/** GET /oauth20/authorize; returns the redirect's parameters (query or fragment), or the page. */
async function authorize(input: AuthorizeInput) {
  const url = new URL(`${base}/oauth20/authorize`)
  const params: Record<string, string> = {
    client_id: input.clientId ?? publicClientId,
    redirect_uri: input.redirect ?? redirectUri,
    response_type: input.responseType ?? 'code',
    scope: 'openid,payments',
    state: 'xyz',
    ...(input.intentid ? { intentid: input.intentid } : {}),
    ...(input.itype ? { itype: input.itype } : {}),
  }
  if (input.challenge !== null && (input.responseType ?? 'code') === 'code') {
    params.code_challenge = input.challenge ?? (await oauth.calculatePKCECodeChallenge(verifier))
    params.code_challenge_method = 'S256'
  }
  url.search = new URLSearchParams(params).toString()
  const response = await fetch(url, {
    redirect: 'manual',
    headers: input.autoLogin === false ? {} : { cookie: `${autoLoginCookie}=alice` },
  })
  return redirectParams(response)
}

async function redirectParams(response: Response) {
  const location = response.headers.get('location')
  if (!location) return { status: response.status, page: await response.text(), params: new URLSearchParams() }
  const url = new URL(location)
  const params = url.hash ? new URLSearchParams(url.hash.slice(1)) : url.searchParams
  return { status: response.status, page: '', params, url }
}

const verifier = oauth.generateRandomCodeVerifier()

describe('intent creation', () => {
  it('needs a client-credentials token of a confidential client', async () => {
    const anonymous = await fetch(`${base}/oauth20/intents`, { method: 'POST', body: '{"type":"payments"}' })
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toContain('invalid_token')
    const intent = await createIntent({ ttlSeconds: 120 })
    expect(intent).toMatchObject({ type: 'payments', status: 'CREATED', amount: '12.50', expired: false })
    expect(Date.parse(intent.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(120_000)
  })
})

describe('client authentication', () => {
  it('accepts HTTP Basic and form credentials, and refuses a wrong secret with 401', async () => {
    expect(
      (await token({ grant_type: 'client_credentials' }, basic(confidentialClientId, confidentialClientSecret))).status,
    ).toBe(200)
    const form = await token({
      grant_type: 'client_credentials',
      client_id: confidentialClientId,
      client_secret: confidentialClientSecret,
    })
    expect(form.body.token_type).toBe('bearer')
    const wrong = await token({ grant_type: 'client_credentials' }, basic(confidentialClientId, 'guess'))
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toBe('invalid_client')
    expect(wrong.headers.get('www-authenticate')).toContain('Basic')
  })

  it('keeps confidential grants from public clients', async () => {
    const publicCredentials = await token({ grant_type: 'client_credentials', client_id: publicClientId })
    expect(publicCredentials.body.error).toBe('unauthorized_client')
    const password = await token({
      grant_type: 'password',
      client_id: publicClientId,
      username: 'alice',
      password: 'alice-pass',
    })
    expect(password.body.error).toBe('unauthorized_client')
    const unknown = await token({ grant_type: 'urn:example:magic', client_id: publicClientId })
    expect(unknown.body.error).toBe('unsupported_grant_type')
  })

  it('grants a confidential client the password grant with the user credentials', async () => {
    const auth = basic(confidentialClientId, confidentialClientSecret)
    const ok = await token(
      { grant_type: 'password', username: 'alice', password: 'alice-pass', scope: 'accounts' },
      auth,
    )
    expect(ok.body).toMatchObject({ token_type: 'bearer', scope: 'accounts', expires_in: 60 })
    const refused = await token({ grant_type: 'password', username: 'alice', password: 'nope' }, auth)
    expect(refused.body.error).toBe('invalid_grant')
  })
})

describe('authorize: the documented intent errors', () => {
  it('INTENT_ID_MISSING, ITYPE_MISSING_OR_INVALID, INTENT_NOT_FOUND, with the state echoed', async () => {
    const intent = await createIntent()
    const missingId = await authorize({ itype: 'payments' })
    expect(missingId.params.get('error')).toBe('INTENT_ID_MISSING')
    expect(missingId.params.get('state')).toBe('xyz')
    expect((await authorize({ intentid: intent.id })).params.get('error')).toBe('ITYPE_MISSING_OR_INVALID')
    expect((await authorize({ intentid: intent.id, itype: 'loans' })).params.get('error')).toBe(
      'ITYPE_MISSING_OR_INVALID',
    )
    expect((await authorize({ intentid: intent.id, itype: 'rewards' })).params.get('error')).toBe(
      'ITYPE_MISSING_OR_INVALID',
    )
    const unknown = await authorize({ intentid: 'no-such-intent', itype: 'payments' })
    expect(unknown.params.get('error')).toBe('INTENT_NOT_FOUND')
    expect(unknown.params.get('error_description')).toBeTruthy()
  })

  it('INTENT_HAS_EXPIRED and INTENT_HAS_BEEN_USED_BEFORE', async () => {
    const shortLived = await createIntent({ ttlSeconds: 1 })
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    expect((await authorize({ intentid: shortLived.id, itype: 'payments' })).params.get('error')).toBe(
      'INTENT_HAS_EXPIRED',
    )
    const intent = await createIntent()
    expect((await authorize({ intentid: intent.id, itype: 'payments' })).params.get('code')).toBeTruthy()
    expect((await authorize({ intentid: intent.id, itype: 'payments' })).params.get('error')).toBe(
      'INTENT_HAS_BEEN_USED_BEFORE',
    )
  })

  it('shows an error page, not a redirect, for an unknown client or redirect URI', async () => {
    const intent = await createIntent()
    const unknownClient = await authorize({ intentid: intent.id, itype: 'payments', clientId: 'nobody' })
    expect(unknownClient.status).toBe(400)
    expect(unknownClient.page).toContain('invalid_client')
    const foreign = await authorize({ intentid: intent.id, itype: 'payments', redirect: 'https://evil.example/cb' })
    expect(foreign.status).toBe(400)
    expect(foreign.page).toContain('redirect_uri')
  })

  it('requires PKCE S256 from public clients', async () => {
    const intent = await createIntent()
    const withoutPkce = await authorize({ intentid: intent.id, itype: 'payments', challenge: null })
    expect(withoutPkce.params.get('error')).toBe('invalid_request')
  })
})

describe('code flow', () => {
  it('issues bearer tokens for the code and verifier; codes and intents are single-use', async () => {
    const intent = await createIntent()
    const { params } = await authorize({ intentid: intent.id, itype: 'payments' })
    const code = params.get('code') ?? ''
    const grant = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: publicClientId }
    const wrongVerifier = await token({ ...grant, code_verifier: oauth.generateRandomCodeVerifier() })
    expect(wrongVerifier.body.error).toBe('invalid_grant')

    const second = await authorize({ intentid: (await createIntent()).id, itype: 'payments' })
    const ok = await token({ ...grant, code: second.params.get('code') ?? '', code_verifier: verifier })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ token_type: 'bearer', scope: 'openid,payments', expires_in: 60 })
    expect(ok.body.refresh_token).toBeTruthy()
    const reused = await token({ ...grant, code: second.params.get('code') ?? '', code_verifier: verifier })
    expect(reused.body.error).toBe('invalid_grant')
  })

  it('lets the user read the intent the token was granted for, now consumed', async () => {
    const intent = await createIntent()
    const { params } = await authorize({ intentid: intent.id, itype: 'payments' })
    const { body } = await redeem(params.get('code'))
    const read = await fetch(`${base}/oauth20/intents/${intent.id ?? ''}`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    })
    expect(((await read.json()) as Json).status).toBe('CONSUMED')
    const other = await fetch(`${base}/oauth20/intents/${(await createIntent()).id ?? ''}`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    })
    expect(other.status).toBe(404)
  })

  it('answers INTENT_USED_OR_EXPIRED when the intent expires between approval and redemption', async () => {
    const intent = await createIntent({ ttlSeconds: 1 })
    const { params } = await authorize({ intentid: intent.id, itype: 'payments' })
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const late = await redeem(params.get('code'))
    expect(late.body.error).toBe('INTENT_USED_OR_EXPIRED')
  })

  it('rotates refresh tokens and revokes the family when one is reused', async () => {
    const { params } = await authorize({ intentid: (await createIntent()).id, itype: 'payments' })
    const first = await redeem(params.get('code'))
    const refresh = (refreshToken: string) =>
      token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: publicClientId })
    const second = await refresh(first.body.refresh_token ?? '')
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token)
    expect((await refresh(first.body.refresh_token ?? '')).body.error).toBe('invalid_grant')
    expect((await refresh(second.body.refresh_token ?? '')).body.error).toBe('invalid_grant')
  })
})

describe('consent page', () => {
  it('shows the payment, refuses a wrong password, and refuses a decision sent twice (back button)', async () => {
    const intent = await createIntent({ amount: '99.95', payee: 'Corner Shop' })
    const page = await authorize({ intentid: intent.id, itype: 'payments', autoLogin: false })
    expect(page.status).toBe(200)
    expect(page.page).toContain('99.95 EUR')
    expect(page.page).toContain('Corner Shop')
    const consent = /name="consent" value="([^"]+)"/.exec(page.page)?.[1] ?? ''
    const decide = (fields: Record<string, string>) =>
      fetch(`${base}/oauth20/authorize`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ consent, ...fields }),
      })
    expect((await decide({ decision: 'approve', username: 'alice', password: 'wrong' })).status).toBe(401)
    const approved = await redirectParams(
      await decide({ decision: 'approve', username: 'alice', password: 'alice-pass' }),
    )
    expect(approved.params.get('code')).toBeTruthy()
    const again = await redirectParams(await decide({ decision: 'approve', username: 'alice', password: 'alice-pass' }))
    expect(again.params.get('error')).toBe('BACK_BUTTON_NOT_ALLOWED')
  })

  it('answers access_denied when the user denies', async () => {
    const intent = await createIntent()
    const page = await authorize({ intentid: intent.id, itype: 'payments', autoLogin: false })
    const consent = /name="consent" value="([^"]+)"/.exec(page.page)?.[1] ?? ''
    const denied = await redirectParams(
      await fetch(`${base}/oauth20/authorize`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ consent, decision: 'deny' }),
      }),
    )
    expect(denied.params.get('error')).toBe('access_denied')
    expect(denied.params.get('state')).toBe('xyz')
  })
})

describe('implicit (legacy)', () => {
  it('returns the token in the fragment, for clients allowed to use it only', async () => {
    const intent = await createIntent()
    const implicit = await authorize({ intentid: intent.id, itype: 'payments', responseType: 'token' })
    expect(implicit.url?.search).toBe('')
    expect(implicit.params.get('token_type')).toBe('bearer')
    expect(implicit.params.get('access_token')).toBeTruthy()
    expect(implicit.params.get('expires_in')).toBe('60')
    expect(implicit.params.get('state')).toBe('xyz')
    const refused = await authorize({
      intentid: (await createIntent()).id,
      itype: 'payments',
      responseType: 'token',
      clientId: confidentialClientId,
    })
    expect(refused.params.get('error')).toBe('unauthorized_client')
  })
})

describe("the merchant's backend-for-frontend", () => {
  it('may receive codes for the confidential client at its own callback, and only that client', async () => {
    const redirect = `${appOrigin}${merchantBffCallbackPath}`
    const intent = await createIntent()
    const granted = await authorize({
      intentid: intent.id,
      itype: 'payments',
      clientId: confidentialClientId,
      redirect,
    })
    expect(granted.url?.href.startsWith(redirect)).toBe(true)
    expect(granted.params.get('code')).toBeTruthy()
    const publicClient = await authorize({ intentid: (await createIntent()).id, itype: 'payments', redirect })
    expect(publicClient.status).toBe(400)
  })
})
