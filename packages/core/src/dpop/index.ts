export type { DpopFeature } from '../oauth/protocolFeatures.ts'
export { dpop } from './dpop.ts'
