// Outages: a burst of failures of one kind is one toast with its count; a Retry-After wait is
// counted down on it; with the retry option, reads get a "Try again" button (after the wait).

import { failureToast } from '../render/toast';
import { fill } from '../text';
import { burstPolicy, isBurstKind } from './burst';
import { drawsToasts, type Policy, type PolicyDeps } from './policy';
import { retryAction, retryRequest } from './retry';
import { countdownFor, withoutWait } from './throttle';

/** A burst's button re-sends at most this many requests. */
const MAX_RETRIED = 20;

export function outagePolicy(deps: PolicyDeps): Policy {
  const join = burstPolicy(deps.now);
  let stopped = false;
  return {
    fail(error, context, options, shown = error.message) {
      const request = retryRequest(error, context, options);
      const text = options.text;
      const countdown = countdownFor(error, text);
      if (countdown) shown = withoutWait(shown);
      if (!drawsToasts(options) || (!request && !countdown && !isBurstKind(error))) return false;
      const burst = join(error);
      const requests = burst.requests;
      if (request && Object.keys(requests).length < MAX_RETRIED) requests[context.settings.url] = request;
      // Keyed without the reference: the same failure again after the window is counted on the
      // toast still on screen.
      const spec = failureToast(burst.count > 1 ? fill(text.burst, burst.count, shown) : shown, shown, error, context, options, text);
      const action = Object.keys(requests).length ? retryAction(deps.jQuery, requests, text.retry, () => handle && handle.close()) : undefined;
      if (countdown) {
        // Kept on screen through the wait, and a few seconds past it to read "try again now".
        spec.countdown = countdown;
        if (spec.duration) spec.duration += countdown.seconds * 1000;
      } else if (action) {
        // A toast with a button stays until dismissed: nobody should have to race a timer.
        spec.action = action;
        spec.duration = 0;
      }
      if (burst.handle) burst.handle.update(spec);
      else burst.handle = deps.show(options, spec);
      const handle = burst.handle;
      clearTimeout(burst.timer);
      if (handle && countdown && action) {
        burst.timer = setTimeout(() => stopped || handle.update({ action, duration: 0 }), countdown.seconds * 1000);
      }
      return true;
    },
    stop() {
      stopped = true;
    },
  };
}
