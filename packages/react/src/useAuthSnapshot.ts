'use client'
import type { AuthSnapshot } from '@payauth/core'
import { useSyncExternalStore } from 'react'
import { useAuthClient } from './authContext.ts'

/** The client's snapshot, re-rendering on every change; the one subscription the other hooks build on. */
export function useAuthSnapshot(): AuthSnapshot {
  const client = useAuthClient()
  return useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot)
}
