import { authError } from '../errors.ts'
import { validateAuthorizationResponse } from '../oauth/authorizationResponse.ts'
import type { DirectProviderConfig } from '../oauth/directConfig.ts'
import type { ProtocolClient } from '../oauth/protocolClient.ts'
import type { AuthLock } from '../session/authLock.ts'
import type { ClientNamespace } from '../session/clientNamespace.ts'
import type { SessionStore } from '../session/sessionStore.ts'
import { fragmentParams } from './callbackUrl.ts'
import type { SignedIn } from './signInTypes.ts'

export interface CompleteSignInDeps {
  readonly config: DirectProviderConfig
  readonly protocol: ProtocolClient
  readonly sessions: SessionStore
  readonly lock: AuthLock
  readonly names: ClientNamespace
  readonly now: () => number
}

/** Claims the sign-in `state` names, then redeems its code (or reads its legacy implicit tokens). */
export async function completeSignIn(deps: CompleteSignInDeps, url: URL, state: string): Promise<SignedIn> {
  const { protocol } = deps
  // Under the cross-tab lock: one callback URL open in two tabs completes in one of them only.
  const claim = deps.lock.run(deps.names.callbackLock(state), () => deps.sessions.claimLogin(state, deps.now()))
  // The server's metadata does not depend on the pending sign-in: on a new page it is fetched while
  // the claim waits for the lock and the store, and nothing is checked or sent with it before the
  // claim succeeded. A failed claim is the error to report; a failed discovery retries on next use.
  const discovery = protocol.server()
  discovery.catch(() => {})
  const transaction = await claim
  const server = await discovery
  const fragment = fragmentParams(url)
  let tokens: SignedIn['tokens']
  if (transaction.responseType === 'token') {
    if (!fragment || !deps.config.implicit) {
      throw authError('invalid_response', 'The implicit response carries no fragment', {
        url: url.origin + url.pathname,
      })
    }
    tokens = deps.config.implicit.tokens(server, fragment, {
      requestedScope: transaction.scope,
      scopeSeparator: protocol.scopeSeparator,
      now: deps.now(),
    })
  } else {
    // Only the query is read for a code: a response in the fragment (a token, or a server that
    // ignored the response mode) is refused as such, not mistaken for a missing `iss`.
    if (fragment || transaction.codeVerifier === undefined) {
      const problem = fragment
        ? 'The code-flow response arrived in the URL fragment'
        : 'The sign-in has no code verifier'
      throw authError('invalid_response', problem, { url: url.origin + url.pathname })
    }
    const params = validateAuthorizationResponse(server, protocol.clientId, url, transaction.state)
    tokens = await protocol.redeemCode(params, transaction)
    // A server that ignores a step-up request must not pass for one that honoured it.
    const acr = tokens.user?.acr
    if (transaction.acrValues?.length && !(typeof acr === 'string' && transaction.acrValues.includes(acr))) {
      throw authError('step_up_not_met', `The sign-in's acr is ${String(acr)}, not one of those asked for`, {
        acr,
        acrValues: transaction.acrValues,
      })
    }
  }
  return {
    tokens: transaction.intent ? { ...tokens, intent: transaction.intent } : tokens,
    returnTo: transaction.returnTo,
    appState: transaction.appState,
  }
}
