// @payauth/server: the backend-for-frontend for confidential providers, and its session stores.
export type { AccessTokenView } from './bff/accessTokenRoute.ts'
export type { BffLogger, BffMode, BffOptions } from './bff/bffOptions.ts'
export type { BffProvider, IntentSettings, ProviderEndpoints } from './bff/bffProvider.ts'
export {
  type ClientAuthentication,
  type ClientAuthenticationMethod,
  clientSecretBasic,
  clientSecretPost,
  privateKeyJwt,
} from './bff/clientAuthentication.ts'
export { type Bff, createBff } from './bff/createBff.ts'
export { type IntentView, intentTypes } from './bff/intentRoute.ts'
export type { LogoutView } from './bff/logoutRoute.ts'
export { type Oauth20ProviderOptions, oauth20Provider } from './bff/oauth20Provider.ts'
export { type PaceProviderOptions, paceIssuers, paceProvider } from './bff/paceProvider.ts'
export type { SessionView } from './bff/sessionRoute.ts'
export { ServerAuthError, ServerErrorCode, ServerOAuthError } from './errors.ts'
export {
  type NodeHandler,
  type NodeHandlerOptions,
  type NodeHandlerTarget,
  toNodeHandler,
} from './http/toNodeHandler.ts'
export type { BffSession, SessionIntent } from './sessions/bffSession.ts'
export { cookieSessionStore } from './sessions/cookieSessionStore.ts'
export { generateSessionKey, type KeyRing } from './sessions/keyRing.ts'
export type { RedisCommands } from './sessions/redisCommands.ts'
export { type RedisSessionStoreOptions, redisSessionStore } from './sessions/redisSessionStore.ts'
export type { SessionStore, SessionStoreDeps, SessionStoreFactory, StoredSession } from './sessions/sessionStore.ts'
