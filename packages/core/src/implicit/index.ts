export { legacyImplicit } from './legacyImplicit.ts'
