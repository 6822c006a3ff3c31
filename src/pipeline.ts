// handleFailure: the one path every failure takes, whatever adapter saw it. Clear what was drawn
// before → render each field → toast → focus the first invalid field → announce the error.
// Every user renderer runs inside a guard: one that throws is reported and the rest go on.

import type { ResolvedOptions } from './options';
import { hasOwn } from './parse/values';
import { reportError } from './render/dom';
import { findFieldElements } from './render/fields';
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

/** Renders each field; returns the fields no element took (their renderer said false or threw). */
function renderFields(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): Record<string, string[]> {
  const unrendered: Record<string, string[]> = {};
  const renderField = options.renderField;
  for (const path of Object.keys(error.errors)) {
    const messages = error.errors[path] as string[];
    const taken = renderField
      ? guarded('renderField', () => renderField(path, messages.slice(), error, context), false)
      : false;
    if (taken === false) unrendered[path] = messages;
  }
  return unrendered;
}

/**
 * Of the fields this failure's renderers took, the first marked element on the page: not any
 * `[aria-invalid]` one, which may be the page's own (a validator's) or an earlier failure's.
 */
function focusFirstMarked(scope: Element | Document, fields: string[]): void {
  let first: Element | undefined;
  for (const field of fields) {
    for (const element of findFieldElements(scope, field)) {
      const before = !first || first.compareDocumentPosition(element) & 2; /* DOCUMENT_POSITION_PRECEDING */
      if (before && element.getAttribute('aria-invalid') === 'true') first = element;
    }
  }
  if (first && typeof (first as HTMLElement).focus === 'function') (first as HTMLElement).focus();
}

function announce(error: ApiError, context: ApiErrorContext, jQuery: JQueryLike): void {
  const doc = context.scope.nodeType === 9 ? context.scope : context.scope.ownerDocument;
  guarded('an api:error handler', () => jQuery(doc).trigger('api:error', [error, context.jqXHR]));
  const model = context.model as { trigger?: (...args: unknown[]) => unknown } | undefined;
  if (model && typeof model.trigger === 'function') {
    guarded('a Backbone api:error handler', () => model.trigger!('api:error', model, error, context.options));
  }
}

export function handleFailure(
  error: ApiError,
  context: ApiErrorContext,
  options: ResolvedOptions,
  jQuery: JQueryLike,
): void {
  const clearFields = options.clearFields;
  if (clearFields) guarded('clearFields', () => clearFields(context));
  context.unrendered = renderFields(error, context, options);
  const toast = options.toast;
  if (toast) guarded('toast', () => toast(error.message, error, context));
  // Only move focus when this failure marked a field: never steal it for a toast alone.
  const rendered = Object.keys(error.errors).filter((field) => !hasOwn(context.unrendered, field));
  guarded('focus', () => focusFirstMarked(context.scope, rendered));
  announce(error, context, jQuery);
}

/** A later success in the same scope clears the field errors drawn there. */
export function handleSuccess(context: ApiErrorContext, options: ResolvedOptions): void {
  const clearFields = options.clearFields;
  if (clearFields) guarded('clearFields', () => clearFields(context));
}
