// The "Try again" button (option `retry`): for a failed GET or HEAD that may work a moment later
// (throttled, service unavailable, timeout, network), re-sends the options the page passed to
// $.ajax, once. What happens on success is then the page's own callbacks' business.

import { guarded } from '../pipeline';
import type { ToastSpec } from '../render/toast';
import type { AjaxSettings, ApiError, ApiErrorContext, JQueryLike } from '../types';
import type { ResolvedOptions } from '../options';
import { POLICY_TEXT } from './text';

const RETRIED_CODES = ['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'NETWORK_ERROR'];
/** Only reads: sending a POST twice could place an order twice. */
const IDEMPOTENT = ['GET', 'HEAD'];
/** A burst's button re-sends at most this many requests. */
export const MAX_RETRIED = 20;

export function retryPolicy(jQuery: JQueryLike): {
  requestFor(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): AjaxSettings | null;
  action(requests: AjaxSettings[], done: () => void): NonNullable<ToastSpec['action']>;
} {
  /** The copies this policy sent: when one fails again, it gets no second button. */
  const resent = new WeakSet<object>();
  return {
    /** What to send again for this failure, or null when it gets no "Try again". */
    requestFor(error, context, options) {
      const original = context.originalOptions;
      const settings = context.settings;
      if (!options.retry || !original || resent.has(original) || RETRIED_CODES.indexOf(error.code) < 0) return null;
      if (IDEMPOTENT.indexOf(String(settings.type || settings.method || 'GET').toUpperCase()) < 0) return null;
      // A copy, so a page that sends the same options object again still gets its button.
      const request: AjaxSettings = Object.assign({}, original);
      if (!request.url) {
        // `$.ajax(url, options)`: the URL was not in the options. jQuery's settings.url already
        // carries a read's data in its query, so the data is not sent twice.
        request.url = settings.url;
        delete request.data;
      }
      return request;
    },
    action(requests, done) {
      let used = false;
      return {
        label: POLICY_TEXT.tryAgain,
        run() {
          if (used) return;
          used = true;
          done();
          guarded('the retried request', () => {
            const sent: string[] = [];
            for (const request of requests) {
              const what = String(request.url) + ' ' + JSON.stringify(request.data);
              if (sent.indexOf(what) >= 0) continue;
              sent.push(what);
              resent.add(request);
              jQuery.ajax(request);
            }
          });
        },
      };
    },
  };
}
