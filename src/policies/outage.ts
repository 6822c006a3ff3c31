// Outages: a burst of failures of one kind is one toast with its count; a Retry-After wait is
// counted down on it; with the retry option, reads get a "Try again" button (after the wait).

import type { ResolvedOptions } from '../options';
import type { ToastSpec } from '../render/toast';
import type { ApiError, ApiErrorContext } from '../types';
import { burstPolicy, isBurstKind } from './burst';
import { drawsToasts, failureSpec, type Policy, type PolicyDeps } from './policy';
import { MAX_RETRIED, retryPolicy } from './retry';
import { POLICY_TEXT } from './text';
import { throttlePolicy } from './throttle';

/** One outage, however many requests it fails: one toast, its count, countdown and button. */
export function outagePolicy(deps: PolicyDeps): Policy {
  const bursts = burstPolicy(deps.now);
  const retry = retryPolicy(deps.jQuery);
  const throttle = throttlePolicy();
  return {
    fail(error: ApiError, context: ApiErrorContext, options: ResolvedOptions) {
      const request = retry.requestFor(error, context, options);
      const countdown = throttle.countdownFor(error);
      if (!drawsToasts(options) || (!request && !countdown && !isBurstKind(error))) return false;
      const burst = bursts.join(error);
      if (request && burst.requests.length < MAX_RETRIED) burst.requests.push(request);
      const spec: ToastSpec = failureSpec(error, context);
      if (burst.count > 1) spec.message = POLICY_TEXT.burst.replace('{n}', String(burst.count)) + spec.message;
      const action = burst.requests.length ? retry.action(burst.requests, () => burst.handle && burst.handle.close()) : undefined;
      if (countdown) {
        // Kept on screen through the wait, and a few seconds past it to read "try again now".
        spec.countdown = countdown;
        spec.duration += countdown.seconds * 1000;
      } else if (action) {
        // A toast with a button stays until dismissed: nobody should have to race a timer.
        spec.action = action;
        spec.duration = 0;
      }
      if (burst.handle) burst.handle.update(spec);
      else burst.handle = deps.show(spec);
      const handle = burst.handle;
      if (handle && countdown && action) throttle.atZero(handle, countdown.seconds, () => handle.update({ action, duration: 0 }));
      return true;
    },
    stop: throttle.stop,
  };
}
