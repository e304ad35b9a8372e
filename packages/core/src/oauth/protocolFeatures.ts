import type { DPoPHandle, TokenEndpointResponse } from 'oauth4webapi'
import type { AuthLock } from '../session/authLock.ts'
import type { TokenStore } from '../storage/tokenStore.ts'
import type { AuthorizationDetail } from '../tokenSet.ts'
import type { ProtocolClient } from './protocolClient.ts'

/** Opt-in protocol features, each from its own entry point (`@payauth/core/dpop`...). */
export interface ProtocolFeatures {
  readonly dpop?: DpopFeature | undefined
  readonly par?: ParFeature | undefined
  readonly rar?: RarFeature | undefined
}

/** DPoP (RFC 9449), from `dpop()` in `@payauth/core/dpop`. */
export interface DpopFeature {
  /** @internal The client's proof signer, on a key made once and kept in the store. */
  readonly handle: (deps: {
    readonly store: TokenStore
    readonly key: string
    readonly lock: AuthLock
    readonly lockName: string
  }) => Promise<DPoPHandle>
}

/** Pushed authorization requests (RFC 9126), from `par()` in `@payauth/core/par`. */
export interface ParFeature {
  /** @internal Pushes the request's parameters; the URL the browser goes to instead. */
  readonly push: (protocol: ProtocolClient, params: URLSearchParams) => Promise<URL>
}

/** Rich authorization requests (RFC 9396), from `richAuthorization()` in `@payauth/core/rar`. */
export interface RarFeature {
  /** @internal The `authorization_details` parameter for `details`. */
  readonly param: (details: readonly AuthorizationDetail[]) => string
  /** @internal The granted details of a token response, when well-formed. */
  readonly granted: (result: TokenEndpointResponse) => readonly AuthorizationDetail[] | undefined
}
