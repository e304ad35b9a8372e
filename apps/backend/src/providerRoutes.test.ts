import { browseAuthorization, paceBffClientId, paceBffClientSecret, type Sandbox, startSandbox } from '@payauth/sandbox'
import { type Bff, clientSecretBasic, createBff, generateSessionKey, paceProvider } from '@payauth/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { providerCalls } from './providerCalls.ts'
import { type ProviderRouteView, providerRoutes } from './providerRoutes.ts'

// The provider routes against the real sandbox, with the PACE BFF deciding who is signed in.
// Requests are handed to the web-standard handlers directly; the app origin needs no server.
const appOrigin = 'http://127.0.0.1:5199'
let sandbox: Sandbox
let bff: Bff
let routes: (request: Request) => Promise<Response>
let offsetMs = 0

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], accessTokenTtl: 300 })
  bff = createBff({
    baseUrl: `${appOrigin}/bff`,
    provider: paceProvider({
      issuer: sandbox.paceIssuer,
      clientId: paceBffClientId,
      clientAuthentication: clientSecretBasic(paceBffClientSecret),
    }),
    sessionKeys: [generateSessionKey()],
    // The BFF's clock, moved past the access token's expiry instead of waiting for it.
    now: () => Date.now() + offsetMs,
  })
  routes = providerRoutes(bff, providerCalls(sandbox))
})
afterAll(() => sandbox.close())
beforeEach(() => {
  offsetMs = 0
})

/** The SPA's cookies for the app origin, kept as a browser keeps them. */
class CookieJar {
  readonly cookies = new Map<string, string>()

  keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      if (/max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1))
    }
    return response
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

/** A call the SPA makes with fetch: the cookies, its Origin and the CSRF header. */
function spaRequest(jar: CookieJar, path: string, csrfHeader = true): Request {
  const headers = new Headers({ cookie: jar.header(), origin: appOrigin })
  if (csrfHeader) headers.set('x-payauth-csrf', '1')
  return new Request(`${appOrigin}${path}`, { headers })
}

async function signedIn(): Promise<CookieJar> {
  const jar = new CookieJar()
  const login = jar.keep(await bff.handle(new Request(`${appOrigin}/bff/login?returnTo=/`)))
  const callbackUrl = await browseAuthorization(login.headers.get('location') ?? '', {
    username: 'alice',
    redirectUri: `${appOrigin}/bff/callback`,
  })
  jar.keep(await bff.handle(new Request(callbackUrl, { headers: { cookie: jar.header() } })))
  return jar
}

describe('provider routes', () => {
  it('hand the signed-in user the provider’s data and what kind of token was used, never the token', async () => {
    const jar = await signedIn()
    const expected = {
      '/providers/picpay/payment-links': { provider: 'PicPay', grant: 'client_credentials', shows: 'pl-1' },
      '/providers/getpaid/accounts': { provider: 'getpaid', grant: 'client_credentials', shows: 'acct_1' },
      '/providers/paysafe/accounts': { provider: 'Paysafe', grant: 'token-exchange', shows: '"customer":"alice"' },
    }
    for (const [path, { provider, grant, shows }] of Object.entries(expected)) {
      const response = await routes(spaRequest(jar, path))
      const text = await response.text()
      expect(response.status).toBe(200)
      const view = JSON.parse(text) as ProviderRouteView
      expect(view).toMatchObject({ provider, signedInAs: 'alice', status: 200, token: { grant } })
      expect(text).toContain(shows)
      // The providers' tokens are JWTs; none is in the answer.
      expect(text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./)
    }
  })

  it('refuse a browser that is not signed in, and a request without the CSRF header', async () => {
    const anonymous = await routes(spaRequest(new CookieJar(), '/providers/picpay/payment-links'))
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: 'not_signed_in' })

    const withoutHeader = await routes(spaRequest(await signedIn(), '/providers/picpay/payment-links', false))
    expect(withoutHeader.status).toBe(403)
    expect(await withoutHeader.json()).toMatchObject({ error: 'csrf_rejected' })
  })

  it('pass on the session cookie a renewal rewrote, so the browser never keeps a spent refresh token', async () => {
    const jar = await signedIn()
    const before = jar.header()
    offsetMs = 10 * 60_000
    // Paysafe needs the user's PACE token: the stale session is renewed on the way.
    const call = jar.keep(await routes(spaRequest(jar, '/providers/paysafe/accounts')))
    expect(call.status).toBe(200)
    expect(jar.header()).not.toBe(before)

    // Another expiry later, the cookie the browser now holds renews again.
    offsetMs = 20 * 60_000
    const renewed = await bff.handle(spaRequest(jar, '/bff/access-token'))
    expect(renewed.status).toBe(200)
  })
})
