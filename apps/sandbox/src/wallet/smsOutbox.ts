/** A text message the sandbox "sent": tests and the demo's developer panel read them. */
export interface SmsMessage {
  readonly to: string
  readonly text: string
  readonly code: string
  readonly eventId: string
  readonly at: string
}

export function smsOutbox() {
  const messages: SmsMessage[] = []
  return {
    send(message: Omit<SmsMessage, 'at'>): void {
      messages.unshift({ ...message, at: new Date().toISOString() })
      messages.length = Math.min(messages.length, 50)
    },
    list(): readonly SmsMessage[] {
      return messages
    },
  }
}

export type SmsOutbox = ReturnType<typeof smsOutbox>
