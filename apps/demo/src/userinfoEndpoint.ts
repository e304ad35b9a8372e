import { provider } from './config.ts'

let userinfo: Promise<string> | undefined

/** The PACE realm's userinfo endpoint, from its discovery document: an API every PACE token may call. */
export function userinfoEndpoint(): Promise<string> {
  userinfo ??= fetch(`${provider.issuer}/.well-known/openid-configuration`)
    .then((response) => response.json() as Promise<{ userinfo_endpoint: string }>)
    .then((metadata) => metadata.userinfo_endpoint)
  return userinfo
}
