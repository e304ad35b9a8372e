import { AuthError, AuthErrorCode } from '../errors.ts'
import type { IntentType } from '../providers/oauth20.ts'
import type { IntentParams } from '../providers/oauthProvider.ts'

/** The intent a sign-in authorizes, created beforehand through the provider's API. */
export interface Intent {
  readonly id: string
  readonly type?: IntentType
}

const intentTypes: readonly string[] = ['payments', 'rewards', 'redemptions', 'accounts', 'customers']

/**
 * The authorization parameters naming `intent`, checked before the user leaves the app: a missing
 * id, a type without an id, or an unknown type would only come back as an error page.
 */
export function intentAuthorizeParams(
  params: IntentParams | undefined,
  intent: Partial<Intent> | undefined,
): Record<string, string> {
  if (!params) {
    if (intent) throw invalid('This provider does not take intents', intent)
    return {}
  }
  if (!intent) {
    if (params.required) throw invalid('This provider needs an intent: login({ intent: { id, type } })', intent)
    return {}
  }
  if (typeof intent.id !== 'string' || intent.id.trim() === '') throw invalid('The intent has no id', intent)
  if (intent.type !== undefined && !intentTypes.includes(intent.type)) {
    throw invalid(`Unknown intent type ${String(intent.type)}; expected one of ${intentTypes.join(', ')}`, intent)
  }
  return { [params.idParam]: intent.id, ...(intent.type ? { [params.typeParam]: intent.type } : {}) }
}

function invalid(message: string, intent: unknown): AuthError {
  return new AuthError(AuthErrorCode.IntentRejected, message, { cause: { intent } })
}
