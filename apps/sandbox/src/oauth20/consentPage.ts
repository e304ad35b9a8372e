import { escapeHtml } from '../http/escapeHtml.ts'
import type { Intent } from './intents.ts'

export interface ConsentPageInput {
  readonly consentId: string
  readonly clientId: string
  readonly intent: Intent
  readonly error?: string
}

/** The bank's page: who asks, for which intent (payee and amount for a payment), with sign-in. */
export function consentPage({ consentId, clientId, intent, error }: ConsentPageInput): string {
  const what =
    intent.type === 'payments'
      ? `a payment of <strong data-testid="intent-amount">${escapeHtml(`${intent.amount ?? '?'} ${intent.currency ?? ''}`.trim())}</strong> to <strong>${escapeHtml(intent.payee ?? 'an unnamed payee')}</strong>`
      : `access of type <strong>${escapeHtml(intent.type)}</strong>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Authorize with your bank (sandbox)</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef3ef; color: #14241a; }
  main { max-width: 26rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { flex: 1; padding: .7rem; font-size: 1rem; border-radius: 6px; border: 1px solid #1d6b3a;
    background: #1d6b3a; color: #fff; }
  button[value="deny"] { background: #fff; color: #1d6b3a; }
  .error { color: #a4001d; font-weight: 600; }
</style></head><body><main>
<h1>Sandbox Bank</h1>
<p><strong>${escapeHtml(clientId)}</strong> asks you to authorize ${what}.</p>
<p><small>Intent <code>${escapeHtml(intent.id)}</code>, valid until ${escapeHtml(new Date(intent.expiresAt).toISOString())}.</small></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth20/authorize">
  <input type="hidden" name="consent" value="${escapeHtml(consentId)}">
  <label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <div class="actions">
    <button type="submit" name="decision" value="approve">Approve</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>
</main></body></html>`
}
