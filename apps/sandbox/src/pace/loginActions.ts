import type { IncomingMessage, ServerResponse } from 'node:http'
import type Provider from 'oidc-provider'
import type { InteractionResults } from 'oidc-provider'
import { readCookie } from '../http/readCookie.ts'
import { readForm } from '../http/readForm.ts'
import { autoLoginCookie } from './autoLoginCookie.ts'
import { checkPassword, checkPin, demoUsers, findDemoUser } from './demoUsers.ts'
import { consentPage, loginPage } from './loginPages.ts'

/** The authentication context of a sign-in with password and wallet PIN. */
export const strongAcr = 'strong'

/** Keycloak's name for the realm's own pages, below the realm path. */
export const loginActionsPath = '/login-actions'

const loginActionsPattern = /^\/login-actions\/([\w-]+)(?:\/(login|consent|abort))?$/

/** Serves the realm's own login and consent pages; returns false for every other path. */
export async function handleLoginActions(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  innerPath: string,
  publicPath: string,
): Promise<boolean> {
  const match = loginActionsPattern.exec(innerPath.split('?')[0] ?? '')
  if (!match) return false
  const [, uid, action] = match
  try {
    const details = await provider.interactionDetails(req, res)
    if (details.uid !== uid) throw new Error('interaction mismatch')
    const strong = String(details.params.acr_values ?? '')
      .split(' ')
      .includes(strongAcr)
    if (req.method === 'GET' && !action) {
      const autoLoginUser = findDemoUser(readCookie(req, autoLoginCookie) ?? '')
      // Step-up is what a test of it is about: the form, with the PIN, always shows for its login.
      if (autoLoginUser && details.prompt.name === 'consent' && details.session?.accountId) {
        const grantId = await grantRequested(provider, details, details.session.accountId)
        await finish(provider, req, res, { consent: { grantId } })
        return true
      }
      if (autoLoginUser && !strong) {
        await finish(provider, req, res, await completeAll(provider, details, autoLoginUser.username))
        return true
      }
      const clientId = String(details.params.client_id)
      if (details.prompt.name === 'login') {
        send(
          res,
          200,
          loginPage({ actionPath: `${publicPath}/${uid}`, clientId, users: demoUsers, pinRequired: strong }),
        )
      } else {
        send(res, 200, consentPage({ actionPath: `${publicPath}/${uid}`, clientId, scopes: requestedScopes(details) }))
      }
      return true
    }
    if (req.method !== 'POST') {
      send(res, 405, 'Method not allowed')
      return true
    }
    const form = await readForm(req)
    if (action === 'abort' || form.get('action') === 'deny') {
      await finish(provider, req, res, {
        error: 'access_denied',
        error_description: 'The user denied the request',
      })
      return true
    }
    if (action === 'login') {
      const user = findDemoUser(form.get('username') ?? '')
      const passed =
        user !== undefined &&
        checkPassword(user, form.get('password') ?? '') &&
        (!strong || checkPin(user, form.get('pin') ?? ''))
      if (!user || !passed) {
        const clientId = String(details.params.client_id)
        send(
          res,
          401,
          loginPage({
            actionPath: `${publicPath}/${uid}`,
            clientId,
            users: demoUsers,
            pinRequired: strong,
            error: strong ? 'Invalid username, password or PIN.' : 'Invalid username or password.',
          }),
        )
        return true
      }
      await finish(provider, req, res, {
        login: strong
          ? { accountId: user.username, acr: strongAcr, amr: ['pwd', 'pin'] }
          : { accountId: user.username, acr: 'basic', amr: ['pwd'] },
      })
      return true
    }
    if (action === 'consent') {
      const accountId = details.session?.accountId
      if (!accountId) throw new Error('consent before login')
      await finish(provider, req, res, { consent: { grantId: await grantRequested(provider, details, accountId) } })
      return true
    }
    send(res, 404, 'Not found')
  } catch (error) {
    send(
      res,
      400,
      `<!doctype html><title>Sign-in expired</title><p>This sign-in page has expired or is invalid. Go back to the app and sign in again.</p><!-- ${String(error).replace(/--/g, '')} -->`,
    )
  }
  return true
}

type InteractionDetails = Awaited<ReturnType<Provider['interactionDetails']>>

async function completeAll(
  provider: Provider,
  details: InteractionDetails,
  accountId: string,
): Promise<InteractionResults> {
  return {
    login: { accountId, acr: 'basic', amr: ['pwd'] },
    consent: { grantId: await grantRequested(provider, details, accountId) },
  }
}

async function grantRequested(provider: Provider, details: InteractionDetails, accountId: string): Promise<string> {
  const clientId = String(details.params.client_id)
  const grant = details.grantId
    ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
    : new provider.Grant({ accountId, clientId })
  const missing = details.prompt.details as {
    missingOIDCScope?: string[]
    missingOIDCClaims?: string[]
    missingResourceScopes?: Record<string, string[]>
  }
  grant.addOIDCScope(missing.missingOIDCScope?.join(' ') ?? String(details.params.scope ?? 'openid'))
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '))
  }
  return grant.save()
}

function requestedScopes(details: InteractionDetails): string[] {
  return String(details.params.scope ?? '')
    .split(' ')
    .filter(Boolean)
}

async function finish(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  result: InteractionResults,
): Promise<void> {
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true })
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  })
  res.end(html)
}
