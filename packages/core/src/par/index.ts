export type { ParFeature } from '../oauth/protocolFeatures.ts'
export { par } from './par.ts'
