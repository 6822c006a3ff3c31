// handleFailure: the one path every failure takes, whatever adapter saw it. Clear what was drawn
// before → render each field → summary → toast → focus the summary or the first invalid field
// (when the person is waiting on it) → announce the error. Every user renderer runs inside a
// guard: one that throws is reported and the rest go on.

import type { ResolvedOptions } from './options';
import { hasOwn, isText } from './parse/values';
import { documentOf, drawnFor, focusedElement, reportError, rootOf } from './render/dom';
import { labelsOf } from './render/labels';
import { sweepStale } from './render/redraw';
import { renderSummary } from './render/summary';
import { DRAWN, findFieldElements, formOf } from './render/lookup';
import { markedBy } from './render/marks';
import { defaultToast, wrappedPolicies } from './render/toast';
import { fill } from './text';
import type { ApiError, ApiErrorContext, JQueryLike } from './types';

/** Runs `work`, reporting what it throws; `failed` is returned in that case. */
export function guarded<T>(where: string, work: () => T, failed?: T): T | undefined {
  try {
    return work();
  } catch (exception) {
    reportError(where, exception);
    return failed;
  }
}

/** How many levels up a field with no element of its own looks for an ancestor's element. */
const MAX_ANCESTORS = 3;

/**
 * Renders each field; returns the fields no element took (their renderer said false or threw).
 * A field with no element of its own goes to its nearest ancestor's, each message led by where
 * it belongs: `tags.1` on the `tags` input reads "Item 2: …".
 */
function renderFields(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): Record<string, string[]> {
  const unrendered: Record<string, string[]> = {};
  const renderField = options.renderField;
  if (!renderField) return error.errors;
  const drawnAt: Record<string, string[]> = {};
  const render = (path: string, messages: string[]): boolean => {
    const taken = guarded('renderField', () => renderField(path, messages.slice(), error, context), false) !== false;
    if (taken) drawnAt[path] = messages;
    return taken;
  };
  const pending = Object.keys(error.errors).filter((path) => !render(path, error.errors[path] as string[]));
  for (const path of pending) {
    const parts = path.split('.');
    let taken = false;
    for (let depth = parts.length - 1; depth > 0 && depth >= parts.length - MAX_ANCESTORS && !taken; depth--) {
      const lead = parts.slice(depth).map((part) => (/^\d+$/.test(part) ? fill(options.text.item, +part + 1) : part + ':')).join(' ');
      const ancestor = parts.slice(0, depth).join('.');
      const led = (error.errors[path] as string[]).map((message) => lead + ' ' + message);
      taken = render(ancestor, (drawnAt[ancestor] || []).concat(led));
    }
    if (!taken) unrendered[path] = error.errors[path] as string[];
  }
  return unrendered;
}

/**
 * The form a failure belongs to: the one it names or was submitted from, else the one form a
 * failure for the page marked, else the scope's form (its data's, its context's), else the page.
 */
function ownerOf(context: ApiErrorContext): Element | Document {
  const drawing = drawnFor.get(context);
  const scope = context.scope;
  return (drawing && (drawing.form || drawing.holder)) || (scope.nodeType === 1 && (scope as Element).closest('form')) || documentOf(scope);
}

/**
 * Whether the person is waiting on this failure, so focus may move to it: its request was sent
 * in a form's submission or names its form, and focus is now on nothing, inside that form, or
 * (for a submission) still where it was when the request was sent. A background request (an
 * autosave, a validator's check) never takes focus from where someone is typing.
 */
function isWaitedOn(context: ApiErrorContext): boolean {
  const drawing = drawnFor.get(context);
  const form = drawing && drawing.form;
  const active = form && focusedElement(documentOf(form));
  return !!form && (!active || active === drawing!.focused || formOf(active) === form);
}

/**
 * Of the fields this failure's renderers took, the first marked element on the page: not any
 * `[aria-invalid]` one, which may be the page's own (a validator's) or an earlier failure's.
 * The elements the built-in renderer marked are known already; other fields are looked up.
 */
function focusFirstMarked(context: ApiErrorContext, fields: string[]): void {
  const marked: Record<string, Element[]> = {};
  const drawing = drawnFor.get(context);
  for (const drawn of drawing ? drawing.drawn : []) marked[drawn.getAttribute(DRAWN) as string] = markedBy.get(drawn) || [];
  let first: Element | undefined;
  for (const field of fields) {
    for (const element of hasOwn(marked, field) ? marked[field] as Element[] : findFieldElements(context.scope, field)) {
      const before = !first || first.compareDocumentPosition(element) & 2; /* DOCUMENT_POSITION_PRECEDING */
      if (before && element.getAttribute('aria-invalid') === 'true') first = element;
    }
  }
  if (first && typeof (first as HTMLElement).focus === 'function') (first as HTMLElement).focus();
}

function announce(error: ApiError, context: ApiErrorContext, jQuery: JQueryLike): void {
  const doc = documentOf(context.scope);
  guarded('an api:error handler', () => jQuery(doc).trigger('api:error', [error, context.jqXHR]));
  const model = context.model as { trigger?: (...args: unknown[]) => unknown } | undefined;
  if (model && typeof model.trigger === 'function') {
    guarded('a Backbone api:error handler', () => model.trigger!('api:error', model, error, context.options));
  }
}

/**
 * What the installation does with a kind of failure (src/policies/): `decide` returns true when
 * a policy drew the failure its own way (or chose to stay quiet), so the default toast is skipped.
 */
export interface FailurePolicies {
  decide(error: ApiError, context: ApiErrorContext, options: ResolvedOptions, message: string): boolean;
  succeed(): void;
}

export function handleFailure(
  error: ApiError,
  context: ApiErrorContext,
  options: ResolvedOptions,
  jQuery: JQueryLike,
  policies: FailurePolicies,
): void {
  context.apiErrors = options;
  const clearFields = options.clearFields;
  if (clearFields) guarded('clearFields', () => clearFields(context));
  context.unrendered = renderFields(error, context, options);
  sweepStale(context);
  const unrenderedPaths = Object.keys(context.unrendered);
  context.fieldLabels = unrenderedPaths.length
    ? guarded('fieldLabel', () => labelsOf(unrenderedPaths, rootOf(context.scope), options), {})
    : {};
  const summary = guarded('summary', () => renderSummary(ownerOf(context), error, context, options), null) || null;
  context.summary = summary;
  const toast = options.toast;
  const hook = options.message;
  const text = hook ? guarded('message', () => hook(error, context)) : undefined;
  const message = isText(text) ? text : error.message;
  const decide = (shown: string, drawing: ResolvedOptions) => guarded('the plugin', () => policies.decide(error, context, drawing, shown), false);
  const taken = decide(message, options);
  if (toast && !taken) {
    // A page's toast may wrap the built-in one: that call gets the policies the built-in gets.
    if (toast !== defaultToast) wrappedPolicies.set(context, (shown) => decide(shown, Object.assign({}, options, { toast: defaultToast })));
    guarded('toast', () => toast(message, error, context));
  }
  // Focus goes to the summary, else to the first element this failure marked (not any
  // `[aria-invalid]` one, which may be the page's own or an earlier failure's): never stolen for a
  // toast alone, nor for a failure nobody is waiting on.
  guarded('focus', () => isWaitedOn(context) && (summary
    ? summary.focus()
    : focusFirstMarked(context, Object.keys(error.errors).filter((field) => !hasOwn(context.unrendered, field)))));
  announce(error, context, jQuery);
}
