export { signedIn, signInAs } from './signInAs.ts'
export { type TestBrowser, testBrowser } from './testBrowser.ts'
export { appOrigin, redirectUri, type TestClient, type TestClientOptions, testClient } from './testClient.ts'
