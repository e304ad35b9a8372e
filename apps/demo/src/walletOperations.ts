import type { FetchLike } from '@payauth/core'
import { parseScaChallenge } from '@payauth/core/sca'

/** A wallet operation the user is asked to approve, as the demo sent it. */
export type WalletOperation =
  | { readonly kind: 'transfer'; readonly amount: string; readonly to: string }
  | { readonly kind: 'cardDetails'; readonly cardId: string }

/** By the wallet's `walletOperationId`: the operations its SCA challenges hold back. */
const challenged = new Map<string, WalletOperation>()
/** Enough for every operation a person can have waiting at once. */
const remembered = 20

/**
 * The wallet names the operation an SCA challenge holds back only by its id. This `fetch` for the
 * client (`createAuthClient({ fetch })`) notes, for each challenge the wallet answers with, which
 * request it answered, so the dialog can say what is being approved. It passes every request and
 * response through unchanged.
 */
export function recordingWalletOperations(fetchImpl: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetchImpl(input, init)
    const header = response.status === 401 ? response.headers.get('www-authenticate') : null
    if (header) remember(header, input, init)
    return response
  }
}

/** The operation behind a challenge, when this page sent it. */
export function challengedOperation(walletOperationId: string): WalletOperation | undefined {
  return challenged.get(walletOperationId)
}

function remember(header: string, input: string | URL | Request, init: RequestInit | undefined): void {
  let walletOperationId: string | undefined
  let operation: WalletOperation | undefined
  try {
    walletOperationId = parseScaChallenge(header)?.walletOperationId
    operation = walletOperationId === undefined ? undefined : describedRequest(input, init)
  } catch {
    // A malformed challenge is the client's to refuse, and an unreadable body has nothing to show.
    return
  }
  if (!walletOperationId || !operation) return
  challenged.set(walletOperationId, operation)
  for (const oldest of challenged.keys()) {
    if (challenged.size <= remembered) break
    challenged.delete(oldest)
  }
}

function describedRequest(input: string | URL | Request, init: RequestInit | undefined): WalletOperation | undefined {
  const { pathname } = new URL(input instanceof Request ? input.url : String(input))
  if (pathname.endsWith('/wallet/transfers')) {
    const body = JSON.parse(bodyText(init?.body) || '{}') as { amount?: unknown; to?: unknown }
    return { kind: 'transfer', amount: String(body.amount ?? ''), to: String(body.to ?? '') }
  }
  const cardId = /\/wallet\/cards\/([^/]+)\/details$/.exec(pathname)?.[1]
  return cardId ? { kind: 'cardDetails', cardId } : undefined
}

/** auth.fetch hands the body over buffered, so every retry sends the same bytes. */
function bodyText(body: BodyInit | null | undefined): string {
  if (typeof body === 'string') return body
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body)
  return ''
}
