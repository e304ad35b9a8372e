/** Blanks out each secret, as written and URL-encoded, from text a provider sent back. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text
  for (const secret of secrets) {
    for (const form of new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
    ])) {
      redacted = redacted.split(form).join('[redacted]')
    }
  }
  return redacted
}
