import { ProviderToken, type ProviderTokenFields } from '../providerToken.ts'

/** A getpaid access token: a JWT for one API audience. */
export class GetpaidToken extends ProviderToken {
  /** The API the token is for, e.g. `https://api.sandbox.getpaid.io`. */
  readonly audience: string

  /** Built by {@link getpaidTokenSource} from a checked token response. */
  constructor(fields: ProviderTokenFields, audience: string) {
    super(fields)
    this.audience = audience
  }
}
