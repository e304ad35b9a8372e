import type { AuthSnapshot } from '@payauth/core'
import { useSyncExternalStore } from 'react'
import { useAuthClient } from './authContext.ts'

function accessTokenOf(snapshot: AuthSnapshot): string | undefined {
  return snapshot.status === 'signedIn' ? snapshot.session.accessToken : undefined
}

/**
 * The current access token, or `undefined` when signed out. Re-renders only when the token itself
 * changes. For a request, prefer `await client.getAccessToken()`, which also checks expiry.
 */
export function useToken(): string | undefined {
  const client = useAuthClient()
  const read = () => accessTokenOf(client.getSnapshot())
  return useSyncExternalStore(client.subscribe, read, read)
}
