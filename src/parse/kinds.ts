// The kinds of failure a response shows by itself (an expired session, a CSRF failure, throttling,
// a gateway error, no network), each a code with a built-in English message. Pure: reads only its
// arguments.

/** DRF's codes and default texts for a missing or rejected login (NotAuthenticated, AuthenticationFailed), and Laravel's. */
const NOT_SIGNED_IN =
  /^(not_authenticated|authentication_failed|Authentication credentials were not provided\.|Incorrect authentication credentials\.|Unauthenticated\.)$/;

/** Django's CSRF failure page ("CSRF verification failed") and DRF's `{"detail": "CSRF Failed: …"}`. */
const CSRF_TEXT = /CSRF (verification failed|Failed)/;

/**
 * Server codes (lower-cased) that only name which check failed, as DRF's exception classes do:
 * a kind found in the response replaces them (a PERMISSION_DENIED whose detail is a CSRF failure
 * is CSRF_FAILED). Every other server code is kept as it is.
 */
export const isGenericCode = (code: string): boolean => NOT_SIGNED_IN.test(code) || code === 'permission_denied';

/** A URL's path as the browser sends it (resolved, percent-encoded); a relative one against `/`. */
const pathOf = (url: string): string => new URL(url, 'http://h/').pathname;

/**
 * Whether a response came from another path than the request was sent to: a redirect the
 * browser followed. Needs both URLs (XMLHttpRequest's `responseURL`, the request's `url`), each
 * compared encoded as the browser sends it (`/api/tags/café/` is `/api/tags/caf%C3%A9/`); a
 * relative `url` (one the caller did not resolve) is compared with the end of the path.
 */
export function isRedirect(responseURL: unknown, url: unknown): boolean {
  if (typeof responseURL !== 'string' || typeof url !== 'string' || !responseURL) return false;
  try {
    const answered = pathOf(responseURL);
    return /^[a-z][\w+.-]*:/i.test(url) ? answered !== pathOf(url) : !answered.endsWith(pathOf(url));
  } catch {
    return false;
  }
}

/**
 * The kind of failure, else undefined. `code` is the server's, lower-cased; `page` the start of
 * the body as text (searched, never shown); `online` is `navigator.onLine` when the caller knows
 * it; `redirectedToPage` says a 2xx HTML page came from another URL (a login page).
 */
export function kindOf(
  status: number,
  code: string,
  message: string,
  page: string,
  textStatus: string | undefined,
  online: unknown,
  redirectedToPage: boolean,
): string | undefined {
  if (status === 403 && CSRF_TEXT.test(message + page)) return 'CSRF_FAILED';
  // A 401 or 403 is an expired session when it says no more: no message of its own (a 401), DRF's
  // codes or default texts, or missing credentials. A login form's "Invalid username or
  // password." is that message, not an expiry.
  const signedOut = message ? NOT_SIGNED_IN.test(message) || code === 'not_authenticated' : status === 401 || NOT_SIGNED_IN.test(code);
  if (redirectedToPage || ((status === 401 || status === 403) && signedOut)) return 'SESSION_EXPIRED';
  if (textStatus === 'timeout') return 'TIMEOUT';
  // The kinds an HTTP status alone tells; status 0 is no response at all.
  if (status === 429) return 'RATE_LIMITED';
  if (status > 501 && status < 505) return 'SERVICE_UNAVAILABLE';
  return status ? undefined : online === false ? 'OFFLINE' : 'NETWORK_ERROR';
}

/** The built-in message of each derived code, used when neither the server nor `messages` gave one. */
export const KIND_MESSAGES: Readonly<Record<string, string>> = {
  SESSION_EXPIRED: 'Your session has expired.',
  CSRF_FAILED: 'The page is out of date. Reload it and try again.',
  RATE_LIMITED: 'Too many requests.',
  SERVICE_UNAVAILABLE: 'The service is unavailable right now. Try again in a moment.',
  TIMEOUT: 'The server took too long to answer.',
  OFFLINE: 'You are offline.',
  NETWORK_ERROR: 'The server could not be reached. Check your connection.',
};
