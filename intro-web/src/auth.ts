// The bearer token's life in the browser: taken from the URL fragment a host hands it over in
// (jwt mode) or from the dev endpoint, kept in sessionStorage for this tab only, and read for the
// user id and roles it carries. The service verifies the token; the page only reads it.

const TOKEN_KEY = 'intro.token';
const NAME_KEY = 'intro.displayName';

export const ADMIN_ROLE = 'intro:admin';

export interface Session {
  token: string;
  userId: string;
  roles: string[];
  displayName: string | null;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads a JWT's claims; returns null for anything that is not a readable, unexpired JWT. */
export function readToken(token: string, now: number = Date.now()): Omit<Session, 'displayName'> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as {
      sub?: unknown;
      roles?: unknown;
      exp?: unknown;
    };
    if (typeof claims.sub !== 'string' || claims.sub === '') return null;
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return null;
    const roles = Array.isArray(claims.roles)
      ? claims.roles.filter((r): r is string => typeof r === 'string')
      : typeof claims.roles === 'string'
        ? claims.roles.split(/[ ,]+/).filter(Boolean)
        : [];
    return { token, userId: claims.sub, roles };
  } catch {
    return null;
  }
}

/**
 * Moves a token handed over as `#access_token=...` into sessionStorage and takes it out of the
 * address bar, so it is neither bookmarked nor sent on. Returns whether there was one.
 */
export function takeFragmentToken(win: Window = window): boolean {
  const hash = win.location.hash.replace(/^#/, '');
  if (!hash) return false;
  const params = new URLSearchParams(hash);
  const token = params.get('access_token');
  if (!token) return false;
  win.sessionStorage.setItem(TOKEN_KEY, token);
  win.sessionStorage.removeItem(NAME_KEY);
  params.delete('access_token');
  params.delete('token_type');
  params.delete('expires_in');
  const rest = params.toString();
  win.history.replaceState(
    win.history.state,
    '',
    win.location.pathname + win.location.search + (rest ? `#${rest}` : ''),
  );
  return true;
}

/** Returns the session kept for this tab, or null (an expired token is dropped). */
export function storedSession(storage: Storage = window.sessionStorage): Session | null {
  const token = storage.getItem(TOKEN_KEY);
  if (!token) return null;
  const read = readToken(token);
  if (!read) {
    clearSession(storage);
    return null;
  }
  return { ...read, displayName: storage.getItem(NAME_KEY) };
}

export function keepSession(session: Session, storage: Storage = window.sessionStorage): void {
  storage.setItem(TOKEN_KEY, session.token);
  if (session.displayName) storage.setItem(NAME_KEY, session.displayName);
  else storage.removeItem(NAME_KEY);
}

export function clearSession(storage: Storage = window.sessionStorage): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(NAME_KEY);
}
