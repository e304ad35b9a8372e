// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { createAuthClient, pace } from '@payauth/core'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AuthProvider } from './AuthProvider.tsx'
import { RequireAuth } from './RequireAuth.tsx'
import { ScaChallenge } from './ScaChallenge.tsx'
import { useAuth } from './useAuth.ts'

function Header() {
  const { isLoading, isAuthenticated } = useAuth()
  if (isLoading) return <p>Loading…</p>
  return <p>{isAuthenticated ? 'Signed in' : 'Signed out'}</p>
}

/** Whether a module calls a hook or creates a context (comments, such as `@example`s, left out). */
function usesHooks(text: string): boolean {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  return /\b(use[A-Z]\w*|createContext)\(/.test(code)
}

/** The package's own modules, as published (tests left out). */
function sourceModules(): { readonly path: string; readonly text: string }[] {
  const directory = new URL('.', import.meta.url)
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => ({ path, text: readFileSync(new URL(path, directory), 'utf8') }))
}

describe('React Server Components and server rendering', () => {
  it('marks every component and hook module as a client module, so an app-router page can import them', () => {
    const clientModules = sourceModules().filter(({ path, text }) => path.endsWith('.tsx') || usesHooks(text))
    expect(clientModules.map(({ path }) => path)).toEqual(
      expect.arrayContaining([
        'AuthProvider.tsx',
        'ScaChallenge.tsx',
        'authContext.ts',
        'useAuth.ts',
        'useAuthFetch.ts',
      ]),
    )
    const unmarked = clientModules.filter(({ text }) => !text.startsWith("'use client'\n"))
    expect(unmarked.map(({ path }) => path)).toEqual([])
  })

  it('renders loading states on the server, never protected content or a dialog', () => {
    expect(typeof window).toBe('undefined')
    const client = createAuthClient({
      provider: pace({ environment: 'sandbox' }),
      clientId: 'demo-spa',
      redirectUri: 'https://shop.example/callback',
    })
    const html = renderToString(
      <AuthProvider client={client}>
        <Header />
        <RequireAuth fallback={<p>Checking your session…</p>}>
          <p>Your cards</p>
        </RequireAuth>
        <ScaChallenge />
      </AuthProvider>,
    )
    expect(html).toContain('Loading…')
    expect(html).toContain('Checking your session…')
    expect(html).not.toContain('Your cards')
    expect(html).not.toContain('<dialog')
  })
})
