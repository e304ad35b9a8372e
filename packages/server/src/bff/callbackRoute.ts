import { ServerAuthError, ServerErrorCode, ServerOAuthError } from '../errors.ts'
import { redirectResponse } from '../http/jsonResponse.ts'
import type { BffContext } from './bffContext.ts'
import { sessionFromTokens } from './sessionFromTokens.ts'
import { toServerAuthError } from './toServerAuthError.ts'

/** What the callback route needs. */
export type CallbackRouteDeps = Pick<
  BffContext,
  | 'protocol'
  | 'store'
  | 'sessions'
  | 'transactions'
  | 'redirectUri'
  | 'defaultReturnTo'
  | 'sessionMaxAgeMs'
  | 'now'
  | 'logger'
>

/**
 * `GET {base}/callback`: the provider's redirect back. Takes the login transaction named by
 * `state` (refused when this browser did not start it), lets openid-client check the response
 * (state, RFC 9207 `iss`, error) and redeem the code with the PKCE verifier and the client's
 * credentials, starts the session and returns the browser to `returnTo`. A failure returns it
 * there too, with `payauthError=<code>` (and `oauthError=<provider's error>`) in the query.
 */
export async function callbackRoute(request: Request, deps: CallbackRouteDeps): Promise<Response> {
  const query = new URL(request.url).searchParams
  const state = query.get('state')
  const taken = state ? await deps.transactions.take(request, state) : undefined
  const transaction = taken?.transaction
  const endTransaction = taken ? [taken.end] : []
  if (!transaction) {
    const error = new ServerAuthError(ServerErrorCode.LoginStateMismatch, 'No sign-in was started for this response', {
      cause: { state: state ? 'unknown' : 'missing' },
    })
    return failed(error, deps.defaultReturnTo, endTransaction, deps)
  }
  try {
    // The redirect URI as registered, not as this request's Host header or a proxy may spell it.
    const callbackUrl = new URL(deps.redirectUri)
    callbackUrl.search = query.toString()
    const tokens = await deps.protocol.exchangeCode(callbackUrl, transaction)
    const session = sessionFromTokens(tokens, {
      now: deps.now(),
      maxAgeMs: deps.sessionMaxAgeMs,
      ...(transaction.intent ? { intent: transaction.intent } : {}),
    })
    const stored = await deps.store.save(session)
    return redirectResponse(transaction.returnTo, [...endTransaction, ...deps.sessions.keep(stored)])
  } catch (error) {
    return failed(toServerAuthError(error, 'code exchange'), transaction.returnTo, endTransaction, deps)
  }
}

function failed(
  error: ServerAuthError,
  returnTo: string,
  setCookies: readonly string[],
  deps: Pick<CallbackRouteDeps, 'logger'>,
): Response {
  deps.logger.warn('payauth bff: sign-in failed', error)
  const url = new URL(returnTo)
  url.searchParams.set('payauthError', error.code)
  if (error instanceof ServerOAuthError) url.searchParams.set('oauthError', error.error)
  return redirectResponse(url.href, setCookies)
}
