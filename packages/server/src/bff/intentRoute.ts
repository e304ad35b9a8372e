import { ServerAuthError, ServerErrorCode } from '../errors.ts'
import { confineReturnTo } from '../http/confineReturnTo.ts'
import { jsonResponse } from '../http/jsonResponse.ts'
import type { SessionIntent } from '../sessions/bffSession.ts'
import type { BffContext } from './bffContext.ts'

/** What the intent route needs. */
export type IntentRouteDeps = Pick<
  BffContext,
  'provider' | 'protocol' | 'transactions' | 'appOrigins' | 'redirectUri' | 'defaultReturnTo'
>

/** The intent types the oauth20 API documents. */
export const intentTypes = ['payments', 'rewards', 'redemptions', 'accounts', 'customers'] as const

/** The answer (201) of `POST {baseUrl}/intents`: the intent as the provider created it, and where to send the browser to authorize it. */
export interface IntentView {
  /** The provider's answer to the intent's creation, as it sent it, with at least its `id` and `type`. */
  readonly intent: SessionIntent & Readonly<Record<string, unknown>>
  /** Navigate the browser here (`location.assign`) to sign in and approve the intent. */
  readonly authorizationUrl: string
}

/**
 * `POST {base}/intents` with JSON `{ type, payee?, amount?, currency?, ttlSeconds?, returnTo? }`:
 * creates the intent server-side with the BFF's client-credentials token (the secret never
 * reaches the browser) and starts the sign-in for it, bound to this browser by a login
 * transaction cookie. Sign-ins for intents start only here, behind the CSRF check, so no other
 * site can make a user's browser authorize an intent it chose.
 */
export async function intentRoute(request: Request, deps: IntentRouteDeps): Promise<Response> {
  const settings = deps.provider.intents
  if (!settings) {
    throw new ServerAuthError(ServerErrorCode.NotFound, 'This provider has no intents', { cause: { route: 'intents' } })
  }
  const input = await readIntentInput(request)
  const returnTo = confineReturnTo(input.returnTo, deps.appOrigins, deps.defaultReturnTo)
  const { accessToken } = await deps.protocol.clientCredentials(undefined)
  const { returnTo: _ignored, ...intentRequest } = input
  const response = await deps.protocol.fetchProtected(
    settings.endpoint,
    accessToken,
    'POST',
    JSON.stringify(intentRequest),
    new Headers({ 'content-type': 'application/json', accept: 'application/json' }),
  )
  const created = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined
  if (!response.ok || typeof created?.id !== 'string' || typeof created.type !== 'string') {
    throw new ServerAuthError(
      response.status >= 500 ? ServerErrorCode.ServerError : ServerErrorCode.InvalidResponse,
      `The provider did not create the intent (HTTP ${response.status})`,
      { cause: { status: response.status, error: typeof created?.error === 'string' ? created.error : undefined } },
    )
  }
  const intent: SessionIntent = { id: created.id, type: created.type }
  const started = await deps.protocol.startAuthorization(deps.redirectUri, {
    [settings.idParameter]: intent.id,
    [settings.typeParameter]: intent.type,
    scope: [...deps.provider.scope, intent.type].join(deps.provider.scopeSeparator),
  })
  const setCookie = await deps.transactions.begin({
    state: started.state,
    nonce: started.nonce,
    codeVerifier: started.codeVerifier,
    returnTo,
    intent,
  })
  const view: IntentView = { intent: { ...created, ...intent }, authorizationUrl: started.url.href }
  return jsonResponse(201, view, [setCookie])
}

interface IntentInput {
  readonly type: string
  readonly payee?: string
  readonly amount?: string
  readonly currency?: string
  readonly ttlSeconds?: number
  readonly returnTo?: string
}

async function readIntentInput(request: Request): Promise<IntentInput> {
  const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined
  const type = body?.type
  if (typeof type !== 'string' || !(intentTypes as readonly string[]).includes(type)) {
    throw new ServerAuthError(ServerErrorCode.InvalidRequest, `type must be one of ${intentTypes.join(', ')}`, {
      cause: { field: 'type' },
    })
  }
  const text = (name: string) => (typeof body?.[name] === 'string' ? { [name]: body[name] } : {})
  return {
    type,
    ...text('payee'),
    ...text('amount'),
    ...text('currency'),
    ...text('returnTo'),
    ...(typeof body?.ttlSeconds === 'number' ? { ttlSeconds: body.ttlSeconds } : {}),
  }
}
