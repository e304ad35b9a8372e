import { ProviderToken, type ProviderTokenFields } from '../providerToken.ts'

/**
 * One entry of PicPay's `authorization_details` (RFC 9396): what the credential may act on,
 * e.g. `{type: 'authorized_account', accountId, fingerprint, displayName: 'PicPay Wallet'}`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9396
 */
export interface PicpayAuthorizationDetail {
  /** The kind of entry (`type`), e.g. `authorized_account`; entries without a string `type` are dropped. */
  readonly type: 'authorized_account' | (string & {})
  /** `account_id`: the account the credential may act on; undefined when absent or not a string. */
  readonly accountId: string | undefined
  /** `fingerprint` as PicPay sent it; undefined when absent or not a string. */
  readonly fingerprint: string | undefined
  /** `display_name`, e.g. `PicPay Wallet`; undefined when absent or not a string. */
  readonly displayName: string | undefined
}

/** PicPay's extras: the Keycloak fields and the seller's identifiers, in payauth's shape. */
export interface PicpayTokenExtras {
  /**
   * `refresh_expires_in` in seconds, undefined when absent: 0 from PicPay, which gives no refresh
   * token (a new request replaces the token).
   */
  readonly refreshExpiresIn: number | undefined
  /** Keycloak's `not-before-policy`: tokens issued before this epoch second are void. */
  readonly notBeforePolicy: number | undefined
  /** `core-seller-id` */
  readonly coreSellerId: string | undefined
  /** `merchant-document`: the seller's CNPJ. */
  readonly merchantDocument: string | undefined
  /** `seller-acquirer-id` */
  readonly sellerAcquirerId: string | undefined
  /**
   * `authorization_details` (RFC 9396): what the credential may act on. Empty when the response has
   * none; entries that are not objects with a string `type` are left out.
   */
  readonly authorizationDetails: readonly PicpayAuthorizationDetail[]
}

/** A PicPay access token (5 minutes) with PicPay's extras. */
export class PicpayToken extends ProviderToken implements PicpayTokenExtras {
  readonly refreshExpiresIn: number | undefined
  readonly notBeforePolicy: number | undefined
  readonly coreSellerId: string | undefined
  readonly merchantDocument: string | undefined
  readonly sellerAcquirerId: string | undefined
  readonly authorizationDetails: readonly PicpayAuthorizationDetail[]

  /** Built by {@link picpayTokenSource} from a checked token response. */
  constructor(fields: ProviderTokenFields, extras: PicpayTokenExtras) {
    super(fields)
    this.refreshExpiresIn = extras.refreshExpiresIn
    this.notBeforePolicy = extras.notBeforePolicy
    this.coreSellerId = extras.coreSellerId
    this.merchantDocument = extras.merchantDocument
    this.sellerAcquirerId = extras.sellerAcquirerId
    this.authorizationDetails = extras.authorizationDetails
  }
}

/** Reads PicPay's extras from a token response; fields of the wrong type are left out. */
export function picpayTokenExtras(body: Record<string, unknown>): PicpayTokenExtras {
  const details = Array.isArray(body.authorization_details) ? body.authorization_details : []
  return {
    refreshExpiresIn: numberOrUndefined(body.refresh_expires_in),
    notBeforePolicy: numberOrUndefined(body['not-before-policy']),
    coreSellerId: stringOrUndefined(body['core-seller-id']),
    merchantDocument: stringOrUndefined(body['merchant-document']),
    sellerAcquirerId: stringOrUndefined(body['seller-acquirer-id']),
    authorizationDetails: details.flatMap((detail: unknown) => {
      if (typeof detail !== 'object' || detail === null) return []
      const entry = detail as Record<string, unknown>
      if (typeof entry.type !== 'string') return []
      return [
        {
          type: entry.type,
          accountId: stringOrUndefined(entry.account_id),
          fingerprint: stringOrUndefined(entry.fingerprint),
          displayName: stringOrUndefined(entry.display_name),
        },
      ]
    }),
  }
}

const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined)
const stringOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined)
