import type { AuthClient } from '@payauth/core'
import { createContext, useContext } from 'react'

export const AuthContext = createContext<AuthClient | null>(null)

/** The client handed to the nearest `<AuthProvider>`; a clear error outside one. */
export function useAuthClient(): AuthClient {
  const client = useContext(AuthContext)
  if (!client) {
    throw new Error('payauth: this hook or component must be rendered inside <AuthProvider client={...}>')
  }
  return client
}
