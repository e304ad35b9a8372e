'use client'
import type { AuthClient } from '@payauth/core'
import { createContext, useContext } from 'react'

/** The client `<AuthProvider>` hands down; read it with `useAuthClient()`. */
export const AuthContext = createContext<AuthClient | null>(null)

/**
 * The client handed to the nearest `<AuthProvider>`, for what the hooks do not cover
 * (`exchangeToken`, `handleCallback` with a URL...); a clear error outside a provider.
 */
export function useAuthClient(): AuthClient {
  const client = useContext(AuthContext)
  if (!client) {
    throw new Error('payauth: this hook or component must be rendered inside <AuthProvider client={...}>')
  }
  return client
}
