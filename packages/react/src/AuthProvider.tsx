'use client'
import type { AuthClient } from '@payauth/core'
import { type ReactNode, useEffect } from 'react'
import { AuthContext } from './authContext.ts'

/** Props of `<AuthProvider>`. */
export interface AuthProviderProps {
  /** Created once, outside React, with `createAuthClient()`. */
  readonly client: AuthClient
  /** The app, or the part of it that uses the hooks. */
  readonly children?: ReactNode
}

/**
 * Makes `client` available to the hooks below it and restores its session once mounted (in an
 * effect: on the server the hooks see `loading`).
 *
 * @example
 * const auth = createAuthClient({ provider: pace({ environment: 'sandbox' }), clientId, redirectUri })
 *
 * createRoot(root).render(
 *   <AuthProvider client={auth}>
 *     <App />
 *   </AuthProvider>,
 * )
 */
export function AuthProvider({ client, children }: AuthProviderProps): ReactNode {
  useEffect(() => {
    // The snapshot records a failure; the promise's rejection has nobody else to tell.
    client.start().catch(() => {})
  }, [client])
  return <AuthContext.Provider value={client}>{children}</AuthContext.Provider>
}
