// retryAfter: how many seconds the server asks a client to wait, from the Retry-After header (as
// seconds or as an HTTP date), the envelope's `retry_after`, or DRF's throttle text. Pure.

/** The longest wait kept: a day. Longer asks are cut to it. */
export const MAX_RETRY_AFTER = 86400;

/** DRF's Throttled detail: "Request was throttled. Expected available in 37 seconds." */
const DRF_WAIT = /available in (\d{1,9}) seconds?\b/;

/**
 * Seconds from a Retry-After value: delta-seconds (digits only: "-1" and "1e309" are not), an
 * HTTP date counted from `now` (ms), or a number. A string longer than any real value (an HTTP
 * date is 29 characters) is not read at all.
 */
const secondsOf = (value: unknown, now: number): number =>
  typeof value === 'number'
    ? value
    : typeof value !== 'string' || value.length > 40
      ? NaN
      : /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : /[a-z]/i.test(value)
          ? (Date.parse(value) - now) / 1000
          : NaN;

/**
 * The first source that gives a wait of at least a second: the header, then `retry_after`, then
 * the message. Whole seconds, rounded up, at most MAX_RETRY_AFTER; null when none does (a wait
 * below a second, a date already past, or a value that is no wait at all).
 */
export function retryAfterOf(header: unknown, bodyValue: unknown, message: string | undefined, now: number): number | null {
  const match = DRF_WAIT.exec(message || '');
  for (const seconds of [secondsOf(header, now), secondsOf(bodyValue, now), match ? Number(match[1]) : NaN]) {
    if (seconds >= 1) return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER);
  }
  return null;
}
