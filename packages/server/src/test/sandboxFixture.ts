import { type Sandbox, type SandboxOptions, startSandbox } from '@payauth/sandbox'
import { afterAll, beforeAll, beforeEach } from 'vitest'

export type ProviderName = 'paysafe' | 'picpay' | 'getpaid'

export type TokenFault =
  | { readonly kind: 'unavailable' | 'server-error' | 'hang' | 'drop'; readonly times?: number }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number; readonly times?: number }

export const appOrigin = 'http://127.0.0.1:5173'

/**
 * Starts the real sandbox in-process on port 0 for the calling test file, and forgets the
 * providers' token-request counts and queued faults before each test.
 */
export function useSandbox(options: Omit<SandboxOptions, 'port' | 'appOrigins'> = {}): () => Sandbox {
  let sandbox: Sandbox | undefined
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, appOrigins: [appOrigin], ...options })
  })
  afterAll(() => sandbox?.close())
  beforeEach(async () => {
    for (const provider of ['paysafe', 'picpay', 'getpaid']) {
      await fetch(`${sandbox?.origin}/test/providers/${provider}`, { method: 'DELETE' })
    }
  })
  return () => {
    if (!sandbox) throw new Error('the sandbox is not running')
    return sandbox
  }
}

/** Token requests the sandbox received from `clientId` since the test began. */
export async function tokenRequests(
  sandbox: Sandbox,
  provider: ProviderName,
  clientId: string,
): Promise<{ total: number; faulted: number; byGrantType: Record<string, number> }> {
  const response = await fetch(
    `${sandbox.origin}/test/providers/${provider}/token-requests?client_id=${encodeURIComponent(clientId)}`,
  )
  return (await response.json()) as { total: number; faulted: number; byGrantType: Record<string, number> }
}

/** Makes the provider's next token requests fail as `fault` says. */
export async function injectFault(sandbox: Sandbox, provider: ProviderName, fault: TokenFault): Promise<void> {
  const response = await fetch(`${sandbox.origin}/test/providers/${provider}/faults`, {
    method: 'POST',
    body: JSON.stringify(fault),
  })
  if (response.status !== 204) throw new Error(`injecting ${fault.kind} failed with ${response.status}`)
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.now()) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}

/** Sleeps that return at once and remember how long they were asked to wait. */
export function recordedSleeps() {
  const delays: number[] = []
  return { delays, sleep: async (ms: number) => void delays.push(ms) }
}

/** A logger that keeps its lines for the test to read. */
export function recordingLogger() {
  const lines: string[] = []
  return { lines, warn: (message: string) => void lines.push(message) }
}

/** The global fetch, remembering every request sent through it. */
export function recordingFetch() {
  const sent: { url: string; init: RequestInit }[] = []
  return {
    sent,
    fetch: (url: string, init: RequestInit) => {
      sent.push({ url, init })
      return fetch(url, init)
    },
  }
}
