// Every user-visible string the plugin draws, in one table with English defaults; the `text`
// option replaces any of them. A number goes in through a `{n}` placeholder (see fill).

import type { ApiErrorsText } from './types';

export type { ApiErrorsText };

export const DEFAULT_TEXT: ApiErrorsText = {
  dismiss: 'Dismiss',
  copy: 'Copy',
  copied: 'Copied',
  reference: 'Reference:',
  more: '\u2026and {n} more',
  count: '\u00d7{n}',
  error: 'Error:',
  summaryHeading: 'There is a problem',
  item: 'Item {n}:',
  serverAnswered: 'The server answered {n}.',
  sessionExpired: 'Your session has expired.',
  signIn: 'Sign in again',
  pageOutOfDate: 'The page is out of date. Reload it and try again.',
  reload: 'Reload',
  rateLimited: 'Too many requests. Try again in {n} seconds.',
  unavailable: 'Try again in {n} seconds.',
  retryReady: 'You can try again now.',
  retry: 'Try again',
  offline: 'You are offline. Changes will not be saved until the connection is back.',
  burst: '{n} requests failed: {message}',
};

/**
 * A copy of `base` with the non-empty strings of `layer` over it; anything else in `layer` is
 * ignored, so a page's half-filled or hostile table never leaves a hole. Also merges `messages`.
 */
export function overlayStrings<T extends object>(base: T, layer: unknown): T {
  if (!layer || typeof layer !== 'object') return base;
  const merged = Object.assign({}, base) as Record<string, string>;
  for (const key of Object.keys(layer)) {
    const value = (layer as Record<string, unknown>)[key];
    if (typeof value === 'string' && value && key !== '__proto__') merged[key] = value;
  }
  return merged as T;
}

/** The text table of some options: their `text` over the English defaults. */
export function textFor(options?: { text?: unknown } | null): ApiErrorsText {
  return overlayStrings(DEFAULT_TEXT, options && options.text);
}

/**
 * Puts a number (and the message) into a template: every `{n}`, then every `{message}`, by plain
 * string replacement, so a message that contains `{n}` is left as it is.
 */
export function fill(template: string, n: number | string, message?: string): string {
  // English's one exception to "{n} seconds": the countdown's last second.
  const filled = template.split('{n}').join(n as string).replace(' 1 seconds', ' 1 second');
  return message === undefined ? filled : filled.split('{message}').join(message);
}
