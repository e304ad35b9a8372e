import type { ScaFeature } from '../fetch/challengeHandlers.ts'
import { parseScaChallenge } from './parseScaChallenge.ts'
import { scaQueue } from './scaQueue.ts'
import type { ScaVerifier } from './scaVerifier.ts'

/** Options of `paysafeSca()`. */
export interface PaysafeScaOptions {
  /** Checks what the user enters; in OUTSOURCED mode your backend (`partnerScaVerifier()`). */
  readonly verifier: ScaVerifier
}

/**
 * PSD2 strong customer authentication as Paysafe's wallet asks for it: a `401` with
 * `WWW-Authenticate: SCA …` holds `auth.fetch` while the user verifies (`snapshot.challenge`,
 * `auth.verifyChallenge()`), then the call is repeated with `SCA-Authorization`. Challenges of
 * several calls wait in turn, one shown at a time; each rejects its call with a {@link ScaError}
 * when it fails for good, expires or is cancelled.
 * @example createAuthClient({ ..., sca: paysafeSca({ verifier: partnerScaVerifier({ baseUrl }) }) })
 * @see https://docs.paysafe.com/docs/embedded-wallets/1.0.0/strong-customer-authentication
 */
export function paysafeSca(options: PaysafeScaOptions): ScaFeature {
  return (deps) => {
    const queue = scaQueue({ verifier: options.verifier, ...deps })
    return {
      ...queue,
      detect({ response }) {
        const header = response.headers.get('www-authenticate')
        return header === null ? undefined : parseScaChallenge(header)
      },
      complete: queue.enqueue,
    }
  }
}
