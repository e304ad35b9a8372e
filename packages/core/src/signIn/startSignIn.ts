import { authError } from '../errors.ts'
import { createAuthorizationRequest } from '../oauth/authorizationRequest.ts'
import type { DirectProviderConfig } from '../oauth/directConfig.ts'
import type { ProtocolClient } from '../oauth/protocolClient.ts'
import type { ProtocolFeatures } from '../oauth/protocolFeatures.ts'
import { type LoginTransaction, loginTransactionLifetimeMs } from '../session/loginTransaction.ts'
import type { SessionStore } from '../session/sessionStore.ts'
import type { SignInRequest } from './signInTypes.ts'

export interface StartSignInDeps {
  readonly config: DirectProviderConfig
  readonly protocol: ProtocolClient
  readonly redirectUri: string
  readonly sessions: SessionStore
  readonly now: () => number
  readonly features: ProtocolFeatures
}

/** Builds the authorization request and remembers it under its `state`; the URL to send the user to. */
export async function startSignIn(
  deps: StartSignInDeps,
  request: SignInRequest,
): Promise<{ readonly url: URL; readonly state: string }> {
  const { config, protocol, features } = deps
  // An unusable intent would only come back as the bank's error page: refuse it before leaving.
  const intentParams = config.intents ? config.intents.params(request.intent) : {}
  if (request.intent && !config.intents) {
    throw authError('intent_rejected', 'This provider does not take intents', { intent: request.intent })
  }
  const details = request.authorizationDetails
  if (details && !features.rar) {
    throw authError('invalid_config', 'authorizationDetails needs the rar: richAuthorization() option', {
      feature: 'rar',
    })
  }
  const responseType = config.implicit ? 'token' : 'code'
  const server = await protocol.server()
  const authorization = await createAuthorizationRequest(server, {
    responseType,
    clientId: protocol.clientId,
    redirectUri: deps.redirectUri,
    scope: request.scope.join(protocol.scopeSeparator),
    openid: config.openIdConnect !== false && request.scope.includes('openid'),
    extraParams: { ...config.authorizeParams, ...request.params },
    featureParams: {
      ...intentParams,
      ...(details && features.rar ? { authorization_details: features.rar.param(details) } : {}),
    },
  })
  if (server.require_pushed_authorization_requests === true && !features.par) {
    throw authError('invalid_config', `${server.issuer} requires PAR: pass par: par()`, { feature: 'par' })
  }
  const url = features.par ? await features.par.push(protocol, authorization.url.searchParams) : authorization.url
  const createdAt = deps.now()
  const transaction: LoginTransaction = {
    state: authorization.state,
    responseType,
    codeVerifier: authorization.codeVerifier,
    intent: request.intent,
    nonce: authorization.nonce,
    redirectUri: deps.redirectUri,
    scope: request.scope,
    returnTo: request.returnTo,
    // Remembered so the callback can check that the server did as asked (RFC 9470 step-up).
    acrValues: request.params.acr_values?.split(' ').filter(Boolean),
    maxAge: request.params.max_age === undefined ? undefined : Number(request.params.max_age),
    createdAt,
    expiresAt: createdAt + loginTransactionLifetimeMs,
    appState: request.appState,
    popup: request.popup,
  }
  await deps.sessions.saveLogin(transaction)
  return { url, state: transaction.state }
}
