'use client'
import { accessTokenOf } from '@payauth/core'
import { useSyncExternalStore } from 'react'
import { useAuthClient } from './authContext.ts'

/**
 * The access token the snapshot shows, or `undefined` when signed out. Re-renders only when the
 * token itself changes. It may be stale (up to its expiry) until the next refresh lands: for a
 * request, prefer `await client.getAccessToken()` or `useAuthFetch()`, which renew it first.
 */
export function useToken(): string | undefined {
  const client = useAuthClient()
  const read = () => accessTokenOf(client.getSnapshot())
  return useSyncExternalStore(client.subscribe, read, read)
}
