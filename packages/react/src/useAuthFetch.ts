'use client'
import type { AuthClient } from '@payauth/core'
import { useAuthClient } from './authContext.ts'

/** `fetch` with the session's token and its challenges handled; see `AuthClient.fetch`. */
export function useAuthFetch(): AuthClient['fetch'] {
  return useAuthClient().fetch
}
