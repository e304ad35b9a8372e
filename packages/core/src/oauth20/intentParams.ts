import { authError } from '../errors.ts'
import type { IntentSupport } from '../oauth/directConfig.ts'
import type { IntentType } from '../tokenSet.ts'

const intentTypes: readonly IntentType[] = ['payments', 'rewards', 'redemptions', 'accounts', 'customers']

/**
 * Intent parameters by name: a missing id, a type without an id, or an unknown type would only come
 * back as an error page, so they are refused before the user leaves.
 */
export function intentParams(idParam: string, typeParam: string, required: boolean): IntentSupport {
  return {
    params(intent) {
      if (!intent) {
        if (required) throw invalid('This provider needs an intent: login({ intent: { id, type } })', intent)
        return {}
      }
      if (typeof intent.id !== 'string' || intent.id.trim() === '') throw invalid('The intent has no id', intent)
      if (intent.type !== undefined && !intentTypes.includes(intent.type)) {
        throw invalid(`Unknown intent type ${String(intent.type)}; expected one of ${intentTypes.join(', ')}`, intent)
      }
      return { [idParam]: intent.id, ...(intent.type ? { [typeParam]: intent.type } : {}) }
    },
  }
}

function invalid(message: string, intent: unknown) {
  return authError('intent_rejected', message, { intent })
}
