// Where the dashboard keeps the user's API token: this tab's sessionStorage, nowhere else.

const key = 'flotilla.token';

/** The stored token, or null when the user has not signed in in this tab. */
export function readToken(): string | null {
  return sessionStorage.getItem(key);
}

/** Remembers `token` for this tab. */
export function saveToken(token: string): void {
  sessionStorage.setItem(key, token);
}

/** Forgets the token (sign out, or the hub rejected it). */
export function clearToken(): void {
  sessionStorage.removeItem(key);
}

/**
 * Accepts a token handed over in the URL fragment (`#token=...`, the demo's direct link) once:
 * stores it and removes the fragment so it stays out of history and screenshots.
 */
export function adoptTokenFromFragment(location: Location, history: History): void {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token === null) return;
  if (token.trim() !== '') saveToken(token.trim());
  history.replaceState(history.state, '', location.pathname + location.search);
}
