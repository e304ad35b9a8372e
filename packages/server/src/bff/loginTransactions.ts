import { type CookieAttributes, readCookies, serializeCookie } from '../http/cookies.ts'
import type { SessionIntent } from '../sessions/bffSession.ts'
import type { KeyRing } from '../sessions/keyRing.ts'

/** A sign-in on its way through the provider: what the callback must check and where it returns. */
export interface LoginTransaction {
  readonly state: string
  readonly nonce: string | undefined
  readonly codeVerifier: string
  /** Absolute URL on the app origin, already confined. */
  readonly returnTo: string
  readonly intent?: SessionIntent
  /** The `acr_values` asked for, which the ID token's `acr` must be one of (RFC 9470 step-up). */
  readonly acrValues?: readonly string[]
  /** The `max_age` asked for, in seconds: the ID token's `auth_time` must be no older. */
  readonly maxAge?: number
}

/** What login transactions need from the BFF. */
export interface LoginTransactionsDeps {
  readonly keyRing: KeyRing
  readonly now: () => number
  /** Session cookie name with its prefix; transactions are named after it. */
  readonly cookieName: string
}

const purpose = 'payauth-bff:login'
/** Ten minutes to get through the provider's pages; the same as Keycloak's login timeout. */
const lifetimeMs = 10 * 60 * 1000

/**
 * Binds each sign-in to the browser that started it: the state, nonce and PKCE verifier travel
 * in an encrypted cookie named after the state, so sign-ins in several tabs do not overwrite each
 * other and an authorization response forged or replayed into another browser finds no cookie.
 * SameSite=Lax, because the provider's redirect back is a cross-site navigation (Strict cookies
 * would not be sent on it).
 */
export function loginTransactions(deps: LoginTransactionsDeps) {
  const attributes = (maxAge: number): CookieAttributes => ({ sameSite: 'Lax', maxAge })
  const nameFor = (state: string) => `${deps.cookieName}-login-${state.slice(0, 16)}`

  return {
    /** The `Set-Cookie` that starts the transaction. */
    async begin(transaction: LoginTransaction): Promise<string> {
      const sealed = await deps.keyRing.seal({ transaction }, purpose, deps.now() + lifetimeMs)
      return serializeCookie(nameFor(transaction.state), sealed, attributes(lifetimeMs / 1000))
    },

    /**
     * The transaction the request's `state` names, if this browser started it, and the
     * `Set-Cookie` that ends it either way: a state is good for one callback only.
     */
    async take(request: Request, state: string): Promise<{ transaction: LoginTransaction | undefined; end: string }> {
      const name = nameFor(state)
      const sealed = readCookies(request).get(name)
      const payload = sealed ? await deps.keyRing.open(sealed, purpose) : undefined
      const transaction = payload?.transaction as LoginTransaction | undefined
      return {
        transaction: transaction?.state === state ? transaction : undefined,
        end: serializeCookie(name, '', attributes(0)),
      }
    },
  }
}

/** The login transactions of one BFF. */
export type LoginTransactions = ReturnType<typeof loginTransactions>
