import * as oauth from 'oauth4webapi'
import { AuthError } from '../errors.ts'
import { isLoopbackHttp } from './secureUrl.ts'

/**
 * The shape of `fetch` that payauth takes as an option (`createAuthClient`'s `fetch`,
 * `partnerScaVerifier`'s): the global `fetch` fits, as does a test double or a wrapper that adds
 * tracing.
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** oauth4webapi's per-request options: our fetch, and plain HTTP only towards a loopback issuer. */
export interface HttpOptions {
  readonly [oauth.customFetch]: FetchLike
  readonly [oauth.allowInsecureRequests]: boolean
  /** A fresh timeout per request, so a hung server cannot hold the cross-tab refresh lock. */
  readonly signal: () => AbortSignal
  /** Signs DPoP proofs for token requests when the client is DPoP-bound. */
  readonly DPoP?: oauth.DPoPHandle
}

export function httpOptions(issuer: URL, fetchImpl: FetchLike): HttpOptions {
  return {
    [oauth.customFetch]: networkGuardedFetch(fetchImpl),
    [oauth.allowInsecureRequests]: isLoopbackHttp(issuer),
    signal: () => AbortSignal.timeout(requestTimeoutMs),
  }
}

/** Shorter than the IndexedDB lease (15 s), so a slow refresh gives up before another tab may start one. */
const requestTimeoutMs = 10_000

/** A rejected fetch is a network failure (offline, DNS, CORS); give it its own code. */
function networkGuardedFetch(fetchImpl: FetchLike): FetchLike {
  return async (input, init) => {
    try {
      return await fetchImpl(input, init)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      throw new AuthError('network_error', `Network request to ${String(input)} failed`, { cause: error })
    }
  }
}

/** The same options, with DPoP proofs signed by `keyPair` on every token request. */
export function withDpop(http: HttpOptions, keyPair: CryptoKeyPair): HttpOptions {
  return { ...http, DPoP: oauth.DPoP({}, keyPair) }
}
