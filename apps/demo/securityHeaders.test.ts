import { type PaceEnvironment, pace } from '@payauth/core'
import { describe, expect, it } from 'vitest'
import { demoApiOrigins } from './securityHeaders.ts'

const environments: PaceEnvironment[] = ['production', 'sandbox', 'development']

describe('demoApiOrigins', () => {
  it('lets the demo reach the realm pace() signs in to, in every PACE environment', () => {
    for (const environment of environments) {
      const realm = new URL(pace({ environment }).issuer).origin
      expect(demoApiOrigins({ VITE_PAYAUTH_ENVIRONMENT: environment })).toContain(realm)
    }
  })

  it('is the local sandbox alone by default, as src/config.ts', () => {
    expect(demoApiOrigins({})).toEqual(['http://127.0.0.1:9400'])
  })

  it('adds the issuer, bank API and wallet API the env names, once each', () => {
    const origins = demoApiOrigins({
      VITE_PAYAUTH_ISSUER: 'https://id.example/auth/realms/pace',
      VITE_PAYAUTH_OAUTH20_URL: 'https://bank.example/api',
      VITE_PAYAUTH_WALLET_URL: 'https://id.example/wallet',
    })
    expect(origins).toEqual(['https://id.example', 'https://bank.example'])
  })
})
