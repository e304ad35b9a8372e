export type { RarFeature } from '../oauth/protocolFeatures.ts'
export type { AuthorizationDetail } from '../tokenSet.ts'
export { richAuthorization } from './richAuthorization.ts'
