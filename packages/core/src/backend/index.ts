export { type BackendOptions, type BackendProvider, backend } from './backend.ts'
