import { useEffect, useState } from 'react'
import { walletBaseUrl } from '../config.ts'

interface SmsMessage {
  readonly to: string
  readonly text: string
  readonly at: string
}

/** Developer panel: the last text message the sandbox "sent", so its code can be typed in. */
export function SmsOutbox({ active }: { readonly active: boolean }) {
  const [messages, setMessages] = useState<readonly SmsMessage[]>([])
  useEffect(() => {
    if (!active) return
    const read = () =>
      fetch(`${walletBaseUrl}/sandbox/sms-outbox`)
        .then((response) => response.json() as Promise<SmsMessage[]>)
        .then(setMessages)
        .catch(() => {})
    void read()
    const timer = setInterval(read, 1_000)
    return () => clearInterval(timer)
  }, [active])
  const latest = messages[0]
  if (!active || !latest) return null
  // Shown like a phone's notification, above the SCA dialog's backdrop, so the code can be read.
  return (
    <aside className="sms-toast" aria-label="Sandbox SMS outbox (developer panel)" data-testid="sms-outbox">
      SMS to {latest.to}: {latest.text}
    </aside>
  )
}
