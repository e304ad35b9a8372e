export { autoLoginCookie } from './pace/loginActions.ts'
export { demoUsers, type DemoUser } from './pace/demoUsers.ts'
export { defaultAppOrigins, startSandbox, type Sandbox, type SandboxOptions } from './startSandbox.ts'
export { type BrowseAuthorizationOptions, browseAuthorization } from './testing/browseAuthorization.ts'
