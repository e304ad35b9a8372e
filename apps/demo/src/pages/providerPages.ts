/** A confidential provider the demo backend calls on the signed-in user's behalf. */
export interface ProviderPageInfo {
  /** The SPA route of its page. */
  readonly page: string
  readonly name: string
  /** The backend route that makes the call. */
  readonly backendRoute: string
  /** What the call fetches, for the button: "Fetch {what} through the backend". */
  readonly what: string
  /** Why only a backend can make this call. */
  readonly why: string
}

/** The pages of the providers that demand a client secret, in the order the header lists them. */
export const providerPages: readonly ProviderPageInfo[] = [
  {
    page: '/paysafe',
    name: 'Paysafe',
    backendRoute: '/providers/paysafe/accounts',
    what: 'your wallet accounts',
    why: 'Paysafe issues tokens to a partner client that authenticates with its secret. The backend exchanges your PACE token for Paysafe tokens for you (RFC 8693 token exchange) and reads your wallet with them.',
  },
  {
    page: '/picpay',
    name: 'PicPay',
    backendRoute: '/providers/picpay/payment-links',
    what: 'the payment links',
    why: "PicPay grants client-credentials tokens to the seller's credential, client secret included. The backend's token source keeps the 5-minute token and renews it early, once however many calls ask.",
  },
  {
    page: '/getpaid',
    name: 'getpaid',
    backendRoute: '/providers/getpaid/accounts',
    what: 'the merchant accounts',
    why: 'getpaid issues JWT access tokens for an API audience to a client with a secret. The backend caches the token and renews it a minute before it expires.',
  },
]
