import { createAuthClient } from './authClient.ts'
import { pace } from './providers/pace.ts'
import { memoryTokenStore } from './storage/memoryTokenStore.ts'

const base = {
  provider: pace({ environment: 'sandbox' }),
  clientId: 'demo-spa',
  redirectUri: 'https://app.example/callback',
  store: memoryTokenStore(),
}

// Documented payment scopes, OpenID scopes and scopes of other namespaces all compile.
createAuthClient({
  ...base,
  scope: ['openid', 'payment:payment-methods:read:authenticated', 'fueling:transactions:read', 'custom'],
})

createAuthClient({
  ...base,
  // @ts-expect-error a typo in a documented namespace does not compile
  scope: ['openid', 'payment:payment-method:read:authenticated'],
})
