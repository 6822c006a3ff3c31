// The "Try again" button (option `retry`): for a failed GET or HEAD that may work a moment later
// (throttled, service unavailable, timeout, network) and whose answer the page would use (it
// passed callbacks), re-sends the options the page passed to $.ajax, once. What happens on
// success is then the page's own callbacks' business.

import type { ResolvedOptions } from '../options';
import { guarded } from '../pipeline';
import type { ToastSpec } from '../render/toast';
import type { AjaxSettings, ApiError, ApiErrorContext, JQueryLike } from '../types';

const RETRIED_KINDS = /^(rate_limited|unavailable|timeout|network)$/;
/** Only reads: sending a POST twice could place an order twice. */
const IDEMPOTENT = /^(GET|HEAD)$/i;

/**
 * The callbacks through which a request sent again can update the page. `$.getJSON(url).done(render)`
 * has none: its copy would be answered and nobody would hear of it. Backbone's fetch has them.
 */
export const CALLBACKS = ['success', 'error', 'complete'];

/** The copies this plugin sent again: when one fails again, it gets no second button. */
const resent: WeakSet<object> = new WeakSet();

/** What to send again for this failure, or null when it gets no "Try again". */
export function retryRequest(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): AjaxSettings | null {
  const original = context.originalOptions;
  const settings = context.settings;
  if (!options.retry || !original || resent.has(original) || !CALLBACKS.some((name) => original[name])
    || !RETRIED_KINDS.test(error.kind)
    || !IDEMPOTENT.test(settings.type || settings.method)) return null;
  // A copy, so a page that sends the same options object again still gets its button.
  const request: AjaxSettings = Object.assign({}, original);
  if (!request.url) {
    // `$.ajax(url, options)`: the URL was not in the options. jQuery's settings.url already
    // carries a read's data in its query, so the data is not sent twice.
    request.url = settings.url;
    delete request.data;
  }
  return request;
}

/** The button: sends each request once with the page's jQuery, then `done` (the toast goes). */
export function retryAction(jQuery: JQueryLike, requests: AjaxSettings[], label: string, done: () => void): NonNullable<ToastSpec['action']> {
  let used = false;
  return {
    label,
    run() {
      if (used) return;
      used = true;
      done();
      for (const request of requests) {
        resent.add(request);
        guarded('the retried request', () => jQuery.ajax(request));
      }
    },
  };
}
