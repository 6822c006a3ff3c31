// Outages: the repeats of one failure are one toast with their count; a Retry-After wait is
// counted down on it; with the retry option, reads that can update the page get a "Try again"
// button (at the end of the wait), which sends again every request the toast counted.

import { failureToast } from '../render/toast';
import { fill } from '../text';
import { burstPolicy, isBurstKind } from './burst';
import { drawsToasts, type Policy, type PolicyDeps } from './policy';
import { CALLBACKS, retryAction, retryRequest } from './retry';
import { countdownFor, withoutWait } from './throttle';

/** A burst's button re-sends at most this many requests. */
const MAX_RETRIED = 20;

export function outagePolicy(deps: PolicyDeps): Policy {
  const join = burstPolicy();
  return {
    fail(error, context, options, shown = error.message) {
      const request = retryRequest(error, context, options);
      const text = options.text;
      const countdown = countdownFor(error, text);
      if (countdown) shown = withoutWait(shown);
      if (!drawsToasts(options) || (!request && !countdown && !isBurstKind(error))) return false;
      const burst = join(error, shown);
      const requests = burst.requests;
      const url = context.settings.url;
      // A repeat of the same read (same URL, same callbacks: a poll) is sent again once.
      if (request && requests.length < MAX_RETRIED
        && !requests.some(([sentTo, sent]) => sentTo === url && CALLBACKS.every((name) => sent[name] === request[name]))) {
        requests.push([url, request]);
      }
      // Keyed without the reference: the same failure again is counted on the toast on screen.
      const spec = failureToast(burst.count > 1 ? fill(text.burst, burst.count, shown) : shown, shown, error, context, options, text);
      const action = requests.length
        ? retryAction(deps.jQuery, requests.map((entry) => entry[1]), text.retry, () => handle && handle.close())
        : undefined;
      // A toast with a button stays until dismissed: nobody should have to race a timer.
      if (action) spec.duration = 0;
      if (countdown) {
        // Kept on screen through the wait, and a few seconds past it to read "try again now";
        // the button comes at zero, from the toast's own countdown, so it ends with the toast.
        spec.countdown = countdown;
        countdown.action = action;
        if (spec.duration) spec.duration += countdown.seconds * 1000;
      } else spec.action = action;
      if (burst.handle) burst.handle.update(spec);
      else burst.handle = deps.show(options, spec);
      const handle = burst.handle;
      return true;
    },
  };
}
