// Throttling and unavailable services: when the server said how long to wait (`retryAfter`),
// the toast counts the seconds down and says "You can try again now." at zero; a "Try again"
// button, if any, appears only then.

import type { ToastHandle, ToastSpec } from '../render/toast';
import type { ApiError } from '../types';
import { POLICY_TEXT } from './text';

export function throttlePolicy(): {
  countdownFor(error: ApiError): NonNullable<ToastSpec['countdown']> | null;
  atZero(handle: ToastHandle, seconds: number, then: () => void): void;
  stop(): void;
} {
  const timers: Map<ToastHandle, ReturnType<typeof setTimeout>> = new Map();
  const clear = (handle: ToastHandle): void => {
    clearTimeout(timers.get(handle));
    timers.delete(handle);
  };
  return {
    countdownFor(error) {
      const seconds = error.retryAfter;
      const throttled = error.code === 'RATE_LIMITED';
      if (!seconds || !(seconds > 0) || (!throttled && error.code !== 'SERVICE_UNAVAILABLE')) return null;
      return { seconds, text: throttled ? POLICY_TEXT.rateLimited : POLICY_TEXT.unavailable, done: POLICY_TEXT.tryAgainNow };
    },
    /** Runs `then` when the countdown of `handle` ends; a newer countdown replaces the older. */
    atZero(handle, seconds, then) {
      clear(handle);
      timers.set(handle, setTimeout(() => {
        timers.delete(handle);
        then();
      }, seconds * 1000));
    },
    stop() {
      timers.forEach((_timer, handle) => clear(handle));
    },
  };
}
