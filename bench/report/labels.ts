import type { PageName } from '../ports.ts'

export const pageLabels: Record<PageName, string> = {
  payauth: 'payauth',
  oidcClientTsShared: 'oidc-client-ts, session shared by tabs (localStorage)',
  oidcClientTsPerTab: 'oidc-client-ts, default per-tab session (sessionStorage)',
  oauth4webapi: 'bare oauth4webapi (the minimum)',
}

/** For charts, where a label has about 40 characters of room. */
export const shortPageLabels: Record<PageName, string> = {
  payauth: 'payauth',
  oidcClientTsShared: 'oidc-client-ts (localStorage)',
  oidcClientTsPerTab: 'oidc-client-ts (sessionStorage)',
  oauth4webapi: 'bare oauth4webapi (the minimum)',
}
