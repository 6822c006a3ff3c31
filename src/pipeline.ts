// handleFailure: the one path every failure takes, whatever adapter saw it. Clear what was drawn
// before → render each field → toast → focus the first invalid field → announce the error.
// Every user renderer runs inside a guard: one that throws is reported and the rest go on.

import type { ResolvedOptions } from './options';
import { reportError } from './render/dom';
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

function focusFirstInvalid(scope: Element | Document): void {
  const first = scope.querySelector('[aria-invalid="true"]') as HTMLElement | null;
  if (first && typeof first.focus === 'function') first.focus();
}

function announce(error: ApiError, context: ApiErrorContext, jQuery: JQueryLike): void {
  const doc = context.scope.nodeType === 9 ? context.scope : context.scope.ownerDocument;
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
  decide(error: ApiError, context: ApiErrorContext, options: ResolvedOptions): boolean;
  succeed(context: ApiErrorContext): void;
}

export function handleFailure(
  error: ApiError,
  context: ApiErrorContext,
  options: ResolvedOptions,
  jQuery: JQueryLike,
  policies?: FailurePolicies,
): void {
  const clearFields = options.clearFields;
  if (clearFields) guarded('clearFields', () => clearFields(context));
  context.unrendered = renderFields(error, context, options);
  const toast = options.toast;
  const taken = !!policies && guarded('the plugin', () => policies.decide(error, context, options), false);
  if (toast && !taken) guarded('toast', () => toast(error.message, error, context));
  // Only move focus when this failure marked a field: never steal it for a toast alone.
  const renderedFields = Object.keys(error.errors).length - Object.keys(context.unrendered).length;
  if (renderedFields > 0) guarded('focus', () => focusFirstInvalid(context.scope));
  announce(error, context, jQuery);
}

/** A later success in the same scope clears the field errors drawn there. */
export function handleSuccess(context: ApiErrorContext, options: ResolvedOptions, policies?: FailurePolicies): void {
  if (policies) guarded('the plugin', () => policies.succeed(context));
  const clearFields = options.clearFields;
  if (clearFields) guarded('clearFields', () => clearFields(context));
}
