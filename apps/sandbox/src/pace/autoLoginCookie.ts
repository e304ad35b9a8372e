/**
 * Tests that are not about the login form opt in to skipping it by setting this cookie on the
 * sandbox's origin to a demo username. A real user never has it, so the form stays the default.
 */
export const autoLoginCookie = 'payauth_sandbox_autologin'
