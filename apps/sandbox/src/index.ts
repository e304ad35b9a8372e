export { autoLoginCookie } from './pace/autoLoginCookie.ts'
export { type DemoUser, demoUsers } from './pace/demoUsers.ts'
export { defaultAppOrigins, type Sandbox, type SandboxOptions, startSandbox } from './startSandbox.ts'
export { type BrowseAuthorizationOptions, browseAuthorization } from './testing/browseAuthorization.ts'
