import type { IncomingMessage, ServerResponse } from 'node:http'
import { escapeHtml } from '../http/escapeHtml.ts'
import { randomToken } from '../http/randomToken.ts'
import { readCookie } from '../http/readCookie.ts'
import { readForm } from '../http/readForm.ts'
import { autoLoginCookie } from '../pace/autoLoginCookie.ts'
import { checkPassword, findDemoUser } from '../pace/demoUsers.ts'
import { consentPage } from './consentPage.ts'
import { type Intent, type IntentStore, isIntentType } from './intents.ts'
import type { Oauth20Client } from './oauth20Clients.ts'
import type { Oauth20Tokens } from './oauth20Tokens.ts'

/** An authorization request that passed validation and waits for the user's decision. */
interface PendingConsent {
  readonly client: Oauth20Client
  readonly redirectUri: string
  readonly responseType: 'code' | 'token'
  readonly state: string | undefined
  readonly scope: string
  readonly codeChallenge: string | undefined
  readonly intentId: string
  readonly expiresAt: number
  decided: boolean
}

export interface AuthorizationCode {
  readonly clientId: string
  readonly redirectUri: string
  readonly codeChallenge: string | undefined
  readonly subject: string
  readonly scope: string
  readonly intentId: string
  readonly expiresAt: number
  used: boolean
}

export interface AuthorizeContext {
  readonly clients: ReadonlyMap<string, Oauth20Client>
  readonly intents: IntentStore
  readonly codes: Map<string, AuthorizationCode>
  readonly tokens: Oauth20Tokens
  readonly intentIdParam: string
  readonly intentTypeParam: string
}

const consentLifetimeMs = 10 * 60 * 1000
const codeLifetimeMs = 60 * 1000

class RedirectError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description)
  }
}

/** `/oauth20/authorize`: validates like the documented server, then asks the user. */
export function authorizeEndpoint(context: AuthorizeContext) {
  const consents = new Map<string, PendingConsent>()

  async function handleGet(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = new URL(req.url ?? '/', 'http://sandbox').searchParams
    const client = context.clients.get(params.get('client_id') ?? '')
    if (!client) return errorPage(res, 400, 'invalid_client', 'Unknown client_id')
    const redirectUri = params.get('redirect_uri') ?? ''
    if (!client.redirectUris.includes(redirectUri)) {
      return errorPage(res, 400, 'invalid_request', 'redirect_uri is not registered for this client')
    }
    const responseType = params.get('response_type')
    const state = params.get('state') ?? undefined
    const back = (error: string, description: string) =>
      redirectWith(res, redirectUri, responseType === 'token' ? 'fragment' : 'query', {
        error,
        error_description: description,
        ...(state ? { state } : {}),
      })
    if (responseType !== 'code' && responseType !== 'token') {
      return back('unsupported_response_type', 'response_type must be code or token')
    }
    if (responseType === 'token' && !client.allowImplicit) {
      return back('unauthorized_client', 'This client may not use the implicit grant')
    }
    const codeChallenge = params.get('code_challenge') ?? undefined
    if (responseType === 'code' && client.clientSecret === undefined) {
      if (!codeChallenge) return back('invalid_request', 'Public clients must use PKCE (code_challenge)')
      if (params.get('code_challenge_method') !== 'S256')
        return back('invalid_request', 'code_challenge_method must be S256')
    }
    let intent: Intent
    try {
      intent = usableIntent(params.get(context.intentIdParam), params.get(context.intentTypeParam))
    } catch (error) {
      if (error instanceof RedirectError) return back(error.error, error.description)
      throw error
    }
    const consentId = randomToken()
    const consent: PendingConsent = {
      client,
      redirectUri,
      responseType,
      state,
      scope: params.get('scope') ?? intent.type,
      codeChallenge,
      intentId: intent.id,
      expiresAt: Date.now() + consentLifetimeMs,
      decided: false,
    }
    consents.set(consentId, consent)
    const autoLoginUser = findDemoUser(readCookie(req, autoLoginCookie) ?? '')
    if (autoLoginUser) {
      approve(res, consent, autoLoginUser.username)
      return
    }
    sendHtml(res, 200, consentPage({ consentId, clientId: client.clientId, intent }))
  }

  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req)
    const consentId = form.get('consent') ?? ''
    const consent = consents.get(consentId)
    if (!consent || consent.expiresAt <= Date.now()) {
      return errorPage(res, 400, 'invalid_request', 'This authorization page has expired. Go back to the app.')
    }
    const back = (error: string, description: string) =>
      redirectWith(res, consent.redirectUri, consent.responseType === 'token' ? 'fragment' : 'query', {
        error,
        error_description: description,
        ...(consent.state ? { state: consent.state } : {}),
      })
    // The decision was already taken: this form came back through the browser's history.
    if (consent.decided) return back('BACK_BUTTON_NOT_ALLOWED', 'This authorization was already decided')
    if (form.get('decision') === 'deny') {
      consent.decided = true
      return back('access_denied', 'The user denied the request')
    }
    const user = findDemoUser(form.get('username') ?? '')
    if (!user || !checkPassword(user, form.get('password') ?? '')) {
      const intent = context.intents.find(consent.intentId)
      if (!intent) return back('INTENT_NOT_FOUND', 'The intent no longer exists')
      return sendHtml(
        res,
        401,
        consentPage({ consentId, clientId: consent.client.clientId, intent, error: 'Invalid username or password.' }),
      )
    }
    approve(res, consent, user.username)
  }

  function approve(res: ServerResponse, consent: PendingConsent, subject: string): void {
    consent.decided = true
    const back = (params: Record<string, string>) =>
      redirectWith(res, consent.redirectUri, consent.responseType === 'token' ? 'fragment' : 'query', {
        ...params,
        ...(consent.state ? { state: consent.state } : {}),
      })
    const intent = context.intents.find(consent.intentId)
    const refusal = !intent
      ? { error: 'INTENT_NOT_FOUND', error_description: 'The intent no longer exists' }
      : intent.expiresAt <= Date.now()
        ? { error: 'INTENT_HAS_EXPIRED', error_description: 'The intent expired before it was approved' }
        : intent.status !== 'CREATED'
          ? { error: 'INTENT_HAS_BEEN_USED_BEFORE', error_description: 'The intent was already authorized' }
          : undefined
    if (!intent || refusal) {
      back(refusal ?? {})
      return
    }
    intent.status = 'AUTHORIZED'
    intent.subject = subject
    if (consent.responseType === 'token') {
      intent.status = 'CONSUMED'
      const grant = { clientId: consent.client.clientId, subject, scope: consent.scope, intentId: intent.id }
      const { accessToken, expiresIn } = context.tokens.issueAccess(grant)
      back({ access_token: accessToken, token_type: 'bearer', expires_in: String(expiresIn), scope: consent.scope })
      return
    }
    const code = randomToken()
    context.codes.set(code, {
      clientId: consent.client.clientId,
      redirectUri: consent.redirectUri,
      codeChallenge: consent.codeChallenge,
      subject,
      scope: consent.scope,
      intentId: intent.id,
      expiresAt: Date.now() + codeLifetimeMs,
      used: false,
    })
    back({ code })
  }

  /** The intent named by the request, or the documented error for why it cannot be used. */
  function usableIntent(id: string | null, type: string | null): Intent {
    if (!id) throw new RedirectError('INTENT_ID_MISSING', 'The intent id parameter is missing')
    if (!isIntentType(type))
      throw new RedirectError('ITYPE_MISSING_OR_INVALID', 'The intent type is missing or invalid')
    const intent = context.intents.find(id)
    if (!intent) throw new RedirectError('INTENT_NOT_FOUND', 'No intent with this id')
    if (intent.type !== type)
      throw new RedirectError('ITYPE_MISSING_OR_INVALID', `The intent is of type ${intent.type}`)
    if (intent.expiresAt <= Date.now()) throw new RedirectError('INTENT_HAS_EXPIRED', 'The intent has expired')
    if (intent.status !== 'CREATED')
      throw new RedirectError('INTENT_HAS_BEEN_USED_BEFORE', 'The intent was already used')
    return intent
  }

  return { handleGet, handlePost }
}

function redirectWith(
  res: ServerResponse,
  redirectUri: string,
  mode: 'query' | 'fragment',
  params: Record<string, string>,
): void {
  const url = new URL(redirectUri)
  const encoded = new URLSearchParams(params)
  if (mode === 'fragment') url.hash = encoded.toString()
  else for (const [name, value] of encoded) url.searchParams.set(name, value)
  res.writeHead(303, { location: url.href, 'cache-control': 'no-store' })
  res.end()
}

function errorPage(res: ServerResponse, status: number, error: string, description: string): void {
  sendHtml(
    res,
    status,
    `<!doctype html><title>Authorization error</title><h1>Authorization error</h1><p role="alert">${escapeHtml(error)}: ${escapeHtml(description)}</p>`,
  )
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(html)
}
