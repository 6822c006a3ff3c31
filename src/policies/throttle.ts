// Throttling and unavailable services: when the server said how long to wait (`retryAfter`),
// the toast counts the seconds down and says "You can try again now." at zero.

import type { ToastSpec } from '../render/toast';
import type { ApiError } from '../types';
import type { ApiErrorsText } from '../text';

/** DRF's throttle text names a wait that goes stale while the countdown runs. */
const DRF_WAIT = / ?Expected available in \d+ seconds?\./;

/** The message without DRF's stale wait: the countdown shows the live one. */
export const withoutWait = (message: string): string => message.replace(DRF_WAIT, '') || message;

export function countdownFor(error: ApiError, text: ApiErrorsText): ToastSpec['countdown'] | null {
  const seconds = error.retryAfter;
  const throttled = error.kind === 'rate_limited';
  return seconds && seconds > 0 && (throttled || error.kind === 'unavailable' || error.status > 501)
    ? { seconds, text: throttled ? text.rateLimited : text.unavailable, done: text.retryReady }
    : null;
}
