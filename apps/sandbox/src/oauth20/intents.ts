import { randomUUID } from 'node:crypto'

export const intentTypes = ['payments', 'rewards', 'redemptions', 'accounts', 'customers'] as const
export type IntentType = (typeof intentTypes)[number]

/** CREATED → AUTHORIZED (a user approved it) → CONSUMED (its code was redeemed). */
export type IntentStatus = 'CREATED' | 'AUTHORIZED' | 'CONSUMED'

export interface Intent {
  readonly id: string
  readonly type: IntentType
  readonly clientId: string
  readonly createdAt: number
  readonly expiresAt: number
  status: IntentStatus
  /** The user who approved it. */
  subject: string | undefined
  readonly payee: string | undefined
  readonly amount: string | undefined
  readonly currency: string | undefined
}

export interface IntentInput {
  readonly type: IntentType
  readonly payee?: string
  readonly amount?: string
  readonly currency?: string
  readonly ttlSeconds?: number
}

export function isIntentType(value: unknown): value is IntentType {
  return typeof value === 'string' && (intentTypes as readonly string[]).includes(value)
}

/** The intents created through the API, in memory: the sandbox forgets them when it stops. */
export function intentStore(defaultTtlSeconds: number) {
  const intents = new Map<string, Intent>()
  return {
    create(clientId: string, input: IntentInput): Intent {
      const ttl = Math.min(3600, Math.max(1, input.ttlSeconds ?? defaultTtlSeconds))
      const now = Date.now()
      const intent: Intent = {
        id: randomUUID(),
        type: input.type,
        clientId,
        createdAt: now,
        expiresAt: now + ttl * 1000,
        status: 'CREATED',
        subject: undefined,
        payee: input.payee,
        amount: input.amount,
        currency: input.currency,
      }
      intents.set(intent.id, intent)
      return intent
    },
    find(id: string): Intent | undefined {
      return intents.get(id)
    },
  }
}

export type IntentStore = ReturnType<typeof intentStore>

export function intentView(intent: Intent) {
  return {
    id: intent.id,
    type: intent.type,
    status: intent.status,
    expired: intent.expiresAt <= Date.now(),
    expiresAt: new Date(intent.expiresAt).toISOString(),
    payee: intent.payee,
    amount: intent.amount,
    currency: intent.currency,
  }
}
