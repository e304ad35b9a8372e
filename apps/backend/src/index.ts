// The demo backend as a library, for the benchmark and tests that run it in-process.
export { type BackendConfig, backendConfigFromEnv, instanceHeader } from './backendConfig.ts'
export { createDemoBackend, type DemoBackend } from './createDemoBackend.ts'
export { createDemoBffs, type DemoBffs, paceBffScope } from './demoBffs.ts'
export { type CallingUser, type ProviderAnswer, type ProviderCall, providerCalls } from './providerCalls.ts'
export { type ProviderRouteView, providerRoutes, providerRoutesBasePath } from './providerRoutes.ts'
export { type SandboxEndpoints, sandboxEndpoints } from './sandboxEndpoints.ts'
