'use client'
import { accessTokenOf } from '@payauth/core'
import { useSyncExternalStore } from 'react'
import { useAuthClient } from './authContext.ts'

/**
 * The access token the snapshot shows, or `undefined` when signed out. Re-renders only when the
 * token itself changes. It may be stale (up to its expiry) until the next refresh lands: for a
 * request, prefer `await client.getAccessToken()` or `useAuthFetch()`, which renew it first.
 *
 * @example
 * function PaymentWidget() {
 *   const token = useToken()
 *   // A third-party widget that takes the token as a prop, and is given the new one on refresh.
 *   return token ? <WalletWidget accessToken={token} /> : null
 * }
 */
export function useToken(): string | undefined {
  const client = useAuthClient()
  const read = () => accessTokenOf(client.getSnapshot())
  return useSyncExternalStore(client.subscribe, read, read)
}
