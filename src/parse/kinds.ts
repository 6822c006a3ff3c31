// The kinds of failure a response shows by itself (an expired session, a CSRF failure, throttling,
// a gateway error, no network), each a derived code, an `error.kind` and a built-in English
// message. Pure: reads only its arguments.

import type { ApiErrorKind } from '../types';
import { hasOwn } from './values';

/** DRF's codes and default texts for a missing or rejected login (NotAuthenticated, AuthenticationFailed), and Laravel's. */
const NOT_SIGNED_IN =
  /^(not_authenticated|authentication_failed|Authentication credentials were not provided\.|Incorrect authentication credentials\.|Unauthenticated\.)$/;

/** Django's CSRF failure page ("CSRF verification failed") and DRF's `{"detail": "CSRF Failed: …"}`. */
const CSRF_TEXT = /CSRF (verification failed|Failed)/;

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
 * The derived code of the failure's kind (kindNamed gives the kind), else undefined. `code` is the
 * server's, lower-cased; `page` the start of the body as text (searched, never shown); `online`
 * is `navigator.onLine` when the caller knows it; `redirectedToPage` says a 2xx HTML page came
 * from another URL (a login page).
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

/**
 * The kind a code names (one of KIND_MESSAGES): each derived code its own (`CSRF_FAILED` is
 * `csrf`, `SERVICE_UNAVAILABLE` `unavailable`), and a server's code spelled the same, in any case.
 * PARSE_ERROR names none: a body that could not be read is `parse` only on a success status, and
 * otherwise the kind of its status (kindByStatus), like the other failures no code names.
 */
export function kindNamed(code: string): ApiErrorKind | undefined {
  const kind = code.toLowerCase().replace(/^service_|_(error|failed)$/, '');
  return hasOwn(KIND_MESSAGES, kind) ? (kind as ApiErrorKind) : undefined;
}

/** What is left once no other kind applies: 500 and above, 400 and above, else a success jQuery could not read. */
export const kindByStatus = (status: number): ApiErrorKind => (status > 499 ? 'server' : status > 399 ? 'client' : 'parse');

/**
 * The built-in message of each kind a code can name, used when neither the server nor `messages`
 * gave one (a validation failure has none: its fields say it).
 */
export const KIND_MESSAGES: Readonly<Record<string, string>> = {
  validation: '',
  session_expired: 'Your session has expired.',
  csrf: 'The page is out of date. Reload it and try again.',
  rate_limited: 'Too many requests.',
  unavailable: 'The service is unavailable right now. Try again in a moment.',
  timeout: 'The server took too long to answer.',
  offline: 'You are offline.',
  network: 'The server could not be reached. Check your connection.',
};
