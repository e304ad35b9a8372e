import { escapeHtml } from '../http/escapeHtml.ts'
import type { DemoUser } from './demoUsers.ts'

const styles = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f5f8; color: #1b2330; }
  main { max-width: 24rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
    box-shadow: 0 2px 12px rgb(0 0 0 / 8%); }
  h1 { font-size: 1.35rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #9aa5b5;
    border-radius: 6px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { flex: 1; padding: .7rem; font-size: 1rem; border-radius: 6px; border: 1px solid #0b5cad;
    background: #0b5cad; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b5cad; }
  .error { color: #a4001d; font-weight: 600; }
  ul { padding-left: 1.2rem; font-size: .9rem; word-break: break-word; }
  small { color: #586174; }
`

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${styles}</style></head>
<body><main>${body}</main></body></html>`
}

export interface LoginPageInput {
  /** Absolute path of this interaction's actions. */
  readonly actionPath: string
  readonly clientId: string
  readonly users: readonly DemoUser[]
  readonly error?: string
  /** A step-up to `strong`: the wallet PIN is asked too. */
  readonly pinRequired?: boolean
}

export function loginPage({ actionPath, clientId, users, error, pinRequired }: LoginPageInput): string {
  const hint = users.map(
    (user) => `<code>${escapeHtml(user.username)}</code> / <code>${escapeHtml(user.password)}</code>`,
  )
  return page(
    'Sign in to PACE (sandbox)',
    `<h1>Sign in to PACE <small>(sandbox realm)</small></h1>
<p><small>Signing in to <strong>${escapeHtml(clientId)}</strong>. Demo users: ${hint.join(', ')}.</small></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(actionPath)}/login" id="login">
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  ${
    pinRequired
      ? `<p>This action needs a stronger sign-in: enter your wallet PIN too.</p>
  <label for="pin">PIN</label>
  <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" required>`
      : ''
  }
</form>
<form method="post" action="${escapeHtml(actionPath)}/abort" id="abort"></form>
<div class="actions">
  <button type="submit" form="login">Sign in</button>
  <button type="submit" form="abort" class="secondary">Cancel</button>
</div>`,
  )
}

export interface ConsentPageInput {
  /** Absolute path of this interaction's actions. */
  readonly actionPath: string
  readonly clientId: string
  readonly scopes: readonly string[]
}

export function consentPage({ actionPath, clientId, scopes }: ConsentPageInput): string {
  return page(
    'Grant access',
    `<h1>Grant access to ${escapeHtml(clientId)}?</h1>
<p>The app asks for:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul>
<form method="post" action="${escapeHtml(actionPath)}/consent">
  <div class="actions">
    <button type="submit" name="action" value="allow">Allow</button>
    <button type="submit" name="action" value="deny" class="secondary">Deny</button>
  </div>
</form>`,
  )
}
