// The default toast: the message, the lines a person needs that are nowhere else on the page,
// the reference; it stays until dismissed unless every part of the failure is also on the page.

import { fill, textFor, type ApiErrorsText } from '../text';
import type { ApiError, ApiErrorContext, ToastPosition } from '../types';
import { documentOf, pageDocument, reportError } from './dom';
import type { ToastSpec } from './toast-parts';
import { showToast } from './toasts';

/** Lines beyond this are summed up as "…and N more": a toast is not a report. */
const MAX_DETAIL_LINES = 8;

/**
 * The lines under the message: form errors, then `path: message` for fields no element took,
 * then the status of a server error. None when an error summary on the page holds them.
 */
export function toastLines(message: string, error: ApiError, context: Partial<ApiErrorContext>, text: ApiErrorsText): string[] {
  if (context.summary) return [];
  const lines: string[] = [];
  for (const formError of error.formErrors) if (formError !== message) lines.push(formError);
  const unrendered = context.unrendered || {};
  for (const path of Object.keys(unrendered)) {
    const label = (context.fieldLabels && context.fieldLabels[path]) || path;
    for (const fieldMessage of unrendered[path] || []) lines.push(label + ': ' + fieldMessage);
  }
  if (lines.length > MAX_DETAIL_LINES) {
    lines.splice(MAX_DETAIL_LINES - 1, lines.length, fill(text.more, lines.length - MAX_DETAIL_LINES + 1));
  }
  if (error.status >= 500) lines.push(fill(text.serverAnswered, error.status));
  return lines;
}

/**
 * Whether the toast may go by itself: only for a `validation` failure whose every field error was
 * drawn beside its field and whose form errors, if any, are in an error summary. Anything else
 * would vanish before a slow reader is done with it (WCAG 2.2.1).
 */
function onPage(error: ApiError, context: Partial<ApiErrorContext>): boolean {
  const unrendered = context.unrendered || {};
  return error.kind === 'validation' && Object.keys(unrendered).length === 0
    && (!error.formErrors.length || !!context.summary);
}

function isSticky(error: ApiError, context: Partial<ApiErrorContext>, stickyWhen: unknown): boolean {
  if (typeof stickyWhen !== 'function') return !onPage(error, context);
  try {
    return !!stickyWhen(error);
  } catch (exception) {
    reportError('stickyWhen', exception);
    return true;
  }
}

/** How long a failure's toast stays: 0 (until dismissed) when it is sticky, else `toastDuration`. */
export function durationFor(error: ApiError, context: Partial<ApiErrorContext>, options: { stickyWhen?: unknown; toastDuration?: unknown }): number {
  const duration = options.toastDuration;
  return isSticky(error, context, options.stickyWhen) ? 0 : typeof duration === 'number' && duration >= 0 ? duration : 5000;
}

/**
 * A failure's toast: `message` over the lines a person needs (`shown` is the message before any
 * burst count), the reference, and how long it stays. Keyed without the reference: the same
 * failure again with a new correlation id is a repeat (counted, showing the newest reference,
 * the one support can find), not a second toast beside it.
 */
export function failureToast(message: string, shown: string, error: ApiError, context: Partial<ApiErrorContext>, options: { stickyWhen?: unknown; toastDuration?: unknown }, text: ApiErrorsText): ToastSpec {
  const lines = toastLines(shown, error, context, text);
  return {
    message,
    lines,
    reference: error.correlationId,
    key: [message].concat(lines).join('\n'),
    duration: durationFor(error, context, options),
  };
}

/**
 * By context, for a page's own `toast`: the failure policies (session, CSRF, countdowns, bursts),
 * so that its call of the built-in toast gets what the built-in gets. True when one took it.
 */
export const wrappedPolicies: WeakMap<object, (message: string) => boolean | undefined> = new WeakMap();

/** The built-in `toast`. */
export function defaultToast(message: string, error: ApiError, context?: Partial<ApiErrorContext>): void {
  const given = context || {};
  const policies = wrappedPolicies.get(given);
  if (policies && policies(message)) return;
  const scope = given.scope;
  const doc = scope ? documentOf(scope) : pageDocument();
  if (!doc) return;
  const options = given.apiErrors || {};
  const text = textFor(options);
  const shown = String(message || error.message);
  showToast(doc, failureToast(shown, shown, error, given, options, text), { position: options.position as ToastPosition, text });
}

export { showToast, type ToastHandle, type ToastLook } from './toasts';
export { type ToastSpec } from './toast-parts';
