import { getpaidDemoClient, paysafeDemoBrand, paysafeDemoClient, picpayDemoClient } from '@payauth/sandbox'
import {
  getpaidTokenSource,
  type ProviderToken,
  paysafeTokenSource,
  picpayTokenSource,
  type TokenSource,
} from '@payauth/server'
import type { SandboxEndpoints } from './sandboxEndpoints.ts'

/** The signed-in user a provider call is made for. */
export interface CallingUser {
  readonly subject: string
  /** The user's PACE access token, for calls that exchange it (RFC 8693); undefined when not asked for. */
  readonly accessToken: string | undefined
}

/** What a provider's API answered, and which token the backend used: its kind and expiry, never its value. */
export interface ProviderAnswer {
  readonly status: number
  readonly body: unknown
  readonly token: { readonly grant: string; readonly scope: string | undefined; readonly expiresAt: number }
}

/** One server-side call to a confidential provider's API, served at `/providers{path}`. */
export interface ProviderCall {
  readonly path: string
  readonly provider: 'PicPay' | 'getpaid' | 'Paysafe'
  /** Whether the call needs the user's own PACE access token. */
  readonly needsUserToken: boolean
  call(user: CallingUser): Promise<ProviderAnswer>
}

/**
 * The demo's calls to PicPay, getpaid and Paysafe through @payauth/server's token sources. The
 * sources hold the client secrets, cache the tokens and renew them early, one request at a time.
 */
export function providerCalls(sandbox: SandboxEndpoints): readonly ProviderCall[] {
  const picpay = picpayTokenSource({ baseUrl: sandbox.picpayBaseUrl, ...picpayDemoClient })
  const getpaid = getpaidTokenSource({
    environment: 'sandbox',
    baseUrl: sandbox.getpaidBaseUrl,
    ...getpaidDemoClient,
    scope: ['accounts:read_write'],
  })
  const paysafe = paysafeTokenSource({
    baseUrl: sandbox.paysafeBaseUrl,
    brandIdentity: paysafeDemoBrand,
    ...paysafeDemoClient,
  })
  return [
    {
      path: '/picpay/payment-links',
      provider: 'PicPay',
      needsUserToken: false,
      call: () => callWith(picpay, `${sandbox.picpayBaseUrl}/v1/paymentlinks`, 'client_credentials'),
    },
    {
      path: '/getpaid/accounts',
      provider: 'getpaid',
      needsUserToken: false,
      call: () => callWith(getpaid, `${sandbox.getpaidBaseUrl}/accounts`, 'client_credentials'),
    },
    {
      path: '/paysafe/accounts',
      provider: 'Paysafe',
      needsUserToken: true,
      async call(user) {
        if (!user.accessToken) throw new Error('The Paysafe call needs the user access token')
        // The wallet trusts PACE: the user's PACE token becomes Paysafe tokens for that same user.
        // Not kept between calls, to keep the demo stateless; an app would keep them with its session.
        const userTokens = await paysafe.exchange({ subjectToken: user.accessToken, scope: 'wallet:read' })
        return callWith(userTokens, `${sandbox.paysafeBaseUrl}/accounts`, 'token-exchange')
      },
    },
  ]
}

/** Calls `url` with the source's token; a 401 means the cached token died early: drop it and try once more. */
async function callWith(source: TokenSource<ProviderToken>, url: string, grant: string): Promise<ProviderAnswer> {
  for (let attempt = 1; ; attempt++) {
    const token = await source.getToken()
    const response = await fetch(url, { headers: { authorization: `Bearer ${token.accessToken}` } })
    if (response.status === 401 && attempt === 1) {
      source.invalidate()
      continue
    }
    return {
      status: response.status,
      body: await response.json().catch(() => null),
      token: { grant, scope: token.scope, expiresAt: token.expiresAt },
    }
  }
}
