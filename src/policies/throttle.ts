// Throttling and unavailable services: when the server said how long to wait (`retryAfter`),
// the toast counts the seconds down and says "You can try again now." at zero.

import type { ToastSpec } from '../render/toast';
import type { ApiError } from '../types';
import { POLICY_TEXT } from './text';

export function countdownFor(error: ApiError): ToastSpec['countdown'] | null {
  const seconds = error.retryAfter;
  const throttled = error.code === 'RATE_LIMITED';
  return seconds && seconds > 0 && (throttled || error.code === 'SERVICE_UNAVAILABLE')
    ? { seconds, text: throttled ? POLICY_TEXT.rateLimited : POLICY_TEXT.unavailable, done: POLICY_TEXT.tryAgainNow }
    : null;
}
