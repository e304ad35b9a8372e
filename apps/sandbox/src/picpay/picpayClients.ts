import { constantTimeEqual } from '../http/constantTimeEqual.ts'

/** One `authorization_details` entry (RFC 9396) as PicPay returns it. */
export interface PicpayAuthorizationDetail {
  readonly type: string
  readonly account_id: string
  readonly fingerprint: string
  readonly display_name: string
}

/** A seller's credential, as PicPay provisions it (a Keycloak client with a service account). */
export interface PicpayClient {
  readonly clientId: string
  readonly clientSecret: string
  /** Keycloak's "service accounts enabled": without it, `client_credentials` is refused. */
  readonly serviceAccount: boolean
  readonly scope: string
  readonly coreSellerId: string
  readonly merchantDocument: string
  readonly sellerAcquirerId: string
  readonly authorizationDetails: readonly PicpayAuthorizationDetail[]
}

/** Public on purpose: sandbox credentials, shaped as PicPay's patterns require (`[\w-]+`, `\w+`). */
export const picpayDemoClient = {
  clientId: 'payauth-demo-seller',
  clientSecret: 'picpay_demo_secret_0001',
} as const

/** A credential whose service account is disabled: its token requests get `unauthorized_client`. */
export const picpayDisabledClient = {
  clientId: 'payauth-disabled-seller',
  clientSecret: 'picpay_disabled_secret_0002',
} as const

export const picpayClients: readonly PicpayClient[] = [
  {
    ...picpayDemoClient,
    serviceAccount: true,
    // The values of PicPay's own example response.
    scope: 'p2b.paymentlink.transactional credential.client_secret.rotate',
    coreSellerId: '000000',
    merchantDocument: '22896431000110',
    sellerAcquirerId: '0000000005968341',
    authorizationDetails: [
      {
        type: 'authorized_account',
        account_id: '28a1586b-c810-48df-99ba-f1d304ba00f9',
        fingerprint: '28a1586b-c810-48df-99ba-f1d304ba00f9',
        display_name: 'PicPay Wallet',
      },
    ],
  },
  {
    ...picpayDisabledClient,
    serviceAccount: false,
    scope: '',
    coreSellerId: '000001',
    merchantDocument: '22896431000111',
    sellerAcquirerId: '0000000005968342',
    authorizationDetails: [],
  },
]

export function findPicpayClient(clientId: string): PicpayClient | undefined {
  return picpayClients.find((client) => client.clientId === clientId)
}

export function picpaySecretMatches(client: PicpayClient, secret: string): boolean {
  return constantTimeEqual(client.clientSecret, secret)
}
