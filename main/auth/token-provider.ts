/**
 * What the GraphReader needs from sign-in: a bearer token on demand, and a way to say "that token was
 * refused, get a fresh one" (401 mid-run). Every sign-in method (interactive, app, static) implements it.
 */
export interface TokenProvider {
  /** A currently valid access token for Microsoft Graph (cached by the provider). */
  getToken(): Promise<string>;
  /** Drop the cached token so the next getToken() fetches a new one. */
  invalidate?(): void;
}
