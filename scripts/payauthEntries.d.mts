/** Folder whose node_modules hold @payauth/core's dependencies. */
export const payauthResolveFrom: string
/** What a typical PACE app imports. */
export const typicalPayauthApp: string
/** Every public entry point of core and react. */
export const wholePayauthApi: string
/** The built entry points, as package.json's publishConfig maps them. */
export const payauthDistAliases: Readonly<Record<string, string>>
/** Builds core and react afresh. */
export function buildPayauthPackages(stdio?: 'inherit' | 'ignore' | 'pipe'): void
