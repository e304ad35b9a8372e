import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { confineReturnTo } from '../http/confineReturnTo.ts'
import { redirectResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'

/** What the login route needs. */
export type LoginRouteDeps = Pick<
  BffContext,
  'provider' | 'protocol' | 'transactions' | 'appOrigins' | 'redirectUri' | 'defaultReturnTo' | 'loginParameters'
>

/**
 * `GET {base}/login?returnTo=/path`: a top-level navigation that starts code + PKCE and sends
 * the browser to the provider. Safe to reach from anywhere: it changes nothing but a new login
 * transaction cookie, and `returnTo` must stay on the app's origin (no open redirect).
 */
export async function loginRoute(request: Request, deps: LoginRouteDeps): Promise<Response> {
  if (deps.provider.intents) {
    throw new ServerAuthError(
      ServerErrorCode.InvalidRequest,
      'This provider signs in for an intent: POST to the intents route instead',
      { cause: { route: 'login' } },
    )
  }
  const query = new URL(request.url).searchParams
  const returnTo = confineReturnTo(query.get('returnTo'), deps.appOrigins, deps.defaultReturnTo)
  const passedOn: Record<string, string> = {}
  for (const name of deps.loginParameters) {
    const value = query.get(name)
    if (value !== null) passedOn[name] = value
  }
  // Digits only: the provider gets the string the callback checks, not one Number() reads otherwise ("", "1e3").
  if (passedOn.max_age !== undefined && !/^\d+$/.test(passedOn.max_age)) {
    throw new ServerAuthError(ServerErrorCode.InvalidRequest, 'max_age must be a whole number of seconds', {
      cause: { max_age: passedOn.max_age },
    })
  }
  const maxAge = passedOn.max_age === undefined ? undefined : Number(passedOn.max_age)
  const acrValues = passedOn.acr_values?.split(' ').filter(Boolean)
  const started = await deps.protocol.startAuthorization(deps.redirectUri, passedOn)
  const setCookie = await deps.transactions.begin({
    state: started.state,
    nonce: started.nonce,
    codeVerifier: started.codeVerifier,
    returnTo,
    // Remembered so the callback can check that the provider did as asked.
    ...(acrValues?.length ? { acrValues } : {}),
    ...(maxAge !== undefined ? { maxAge } : {}),
  })
  return redirectResponse(started.url.href, [setCookie])
}
