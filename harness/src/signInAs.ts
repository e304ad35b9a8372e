import { browseAuthorization } from '@payauth/sandbox'
import type { TestClient } from './testClient.ts'

/**
 * Starts a sign-in and plays the user through the sandbox's login page up to the redirect back;
 * the tab is then at the callback URL, which is returned.
 */
export async function signInAs(
  test: TestClient,
  username = 'alice',
  decision: 'allow' | 'deny' = 'allow',
): Promise<string> {
  await test.client.login()
  const authorizationUrl = test.navigator.assigned.at(-1)
  if (!authorizationUrl) throw new Error('login did not navigate')
  const callbackUrl = await browseAuthorization(authorizationUrl, { username, redirectUri: test.redirectUri, decision })
  test.navigator.land(callbackUrl)
  return callbackUrl
}

/** Signs in and completes the callback: the tab is signed in. */
export async function signedIn(test: TestClient, username = 'alice'): Promise<TestClient> {
  await test.client.handleCallback(await signInAs(test, username))
  return test
}
