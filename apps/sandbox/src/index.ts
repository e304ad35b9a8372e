export { getpaidAudiences, getpaidDemoClient } from './getpaid/getpaidClients.ts'
export {
  confidentialClientId as merchantBackendClientId,
  confidentialClientSecret as merchantBackendClientSecret,
} from './oauth20/oauth20Clients.ts'
export { autoLoginCookie } from './pace/autoLoginCookie.ts'
export { paceBffClientId, paceBffClientSecret } from './pace/bffClients.ts'
export { type DemoUser, demoUsers } from './pace/demoUsers.ts'
export { paysafeDemoBrand, paysafeDemoClient } from './paysafe/paysafeClients.ts'
export { picpayDemoClient, picpayDisabledClient } from './picpay/picpayClients.ts'
export { defaultAppOrigins, type Sandbox, type SandboxOptions, startSandbox } from './startSandbox.ts'
export { type BrowseAuthorizationOptions, browseAuthorization } from './testing/browseAuthorization.ts'
export { type PaceAccessTokenOptions, paceAccessToken } from './testing/paceAccessToken.ts'
