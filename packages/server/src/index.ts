// @payauth/server: token sources for confidential providers and the backend-for-frontend (in progress).
export { ServerAuthError, ServerErrorCode } from './errors.ts'
