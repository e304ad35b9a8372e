export { type DemoUser, demoUsers } from './pace/demoUsers.ts'
export { autoLoginCookie } from './pace/loginActions.ts'
export { defaultAppOrigins, type Sandbox, type SandboxOptions, startSandbox } from './startSandbox.ts'
export { type BrowseAuthorizationOptions, browseAuthorization } from './testing/browseAuthorization.ts'
