/** `scope` as the space-separated string of the wire, or undefined when none was given. */
export function scopeParameter(scope: string | readonly string[] | undefined): string | undefined {
  const joined = typeof scope === 'string' ? scope.trim() : scope?.join(' ')
  return joined ? joined : undefined
}
