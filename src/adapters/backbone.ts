// Wraps Backbone.sync so a model's failed request carries its model and options to the jQuery
// adapter, and so `options.apiError` is set before the user's own `error` callback runs.
// The failure itself is handled once, by the jQuery adapter, on the same jqXHR.

import { reportError } from '../render/dom';
import type { BackboneLike, JqXHR } from '../types';

/** Carried from Backbone's options into $.ajax's settings. A class instance, not a plain object,
 * so jQuery's deep extend of the settings passes it by reference instead of copying it. */
export class BackboneRequest {
  constructor(
    readonly model: unknown,
    readonly options: Record<string, unknown>,
  ) {}
}

export const REQUEST_KEY = 'apiErrorsBackboneRequest';

/** What the adapter asks of the installation. */
export interface BackboneListener {
  /** The ApiError for a failed Backbone request, before the user's error callback sees it. */
  errorFor(jqXHR: JqXHR, textStatus: unknown, perRequest: unknown): unknown;
  /** A Backbone failure whose request never reached the jQuery adapter (a replaced Backbone.ajax). */
  onUntrackedFailure(request: BackboneRequest, jqXHR: JqXHR, textStatus: unknown, errorThrown: unknown): void;
  /** A Backbone success, which the jQuery adapter may not have seen either. */
  onUntrackedSuccess(request: BackboneRequest, jqXHR: JqXHR): void;
}

type Sync = (this: unknown, method: string, model: unknown, options?: Record<string, unknown>) => unknown;

/**
 * The request's `apiErrors` as `$.ajax` will see it: `$.ajaxSetup({ apiErrors })` defaults
 * deep-merged with the Backbone options' own, the way jQuery merges every setting. The ApiError is
 * parsed here, before the jQuery adapter sees the request, so it must use the same options.
 */
function requestApiErrors(Backbone: BackboneLike, options: Record<string, unknown>): unknown {
  const jQuery = Backbone && Backbone.$;
  const defaults = jQuery && jQuery.ajaxSettings ? jQuery.ajaxSettings.apiErrors : undefined;
  if (defaults === undefined || typeof jQuery.extend !== 'function') return options.apiErrors;
  return jQuery.extend(true, {}, { apiErrors: defaults }, { apiErrors: options.apiErrors }).apiErrors;
}

function prepare(Backbone: BackboneLike, model: unknown, options: Record<string, unknown>, listener: BackboneListener): void {
  if (options.apiErrors === false) return;
  const request = new BackboneRequest(model, options);
  options[REQUEST_KEY] = request;
  const userError = options.error as ((...args: unknown[]) => unknown) | undefined;
  const userSuccess = options.success as ((...args: unknown[]) => unknown) | undefined;
  // jQuery calls it as `success(data, textStatus, jqXHR)`; a replaced Backbone.ajax may pass
  // the data alone, and then the request is the one it returned.
  options.success = function apiErrorsSuccess(this: unknown, _data: unknown, _textStatus: unknown, jqXHR: unknown) {
    setTimeout(() => listener.onUntrackedSuccess(request, jqXHR || options.xhr), 0);
    if (typeof userSuccess === 'function') return userSuccess.apply(this, arguments as unknown as unknown[]);
    return undefined;
  };
  // Backbone 1.1 calls this as jQuery's `error(jqXHR, textStatus, errorThrown)`; 1.2+ from its
  // own wrapper with the same arguments. Either way the jqXHR is the first one.
  options.error = function apiErrorsError(this: unknown, jqXHR: JqXHR, textStatus: unknown, errorThrown: unknown) {
    try {
      const perRequest = requestApiErrors(Backbone, options);
      if (perRequest !== false) {
        options.apiError = listener.errorFor(jqXHR, textStatus, perRequest);
        setTimeout(() => listener.onUntrackedFailure(request, jqXHR, textStatus, errorThrown), 0);
      }
    } catch (exception) {
      // The user's error callback below must run whatever happens here.
      reportError('the plugin', exception);
    }
    if (typeof userError === 'function') return userError.apply(this, arguments as unknown as unknown[]);
    return undefined;
  };
}

/** Wraps `Backbone.sync`; returns the function that unwraps it. */
export function wrapBackboneSync(Backbone: BackboneLike, listener: BackboneListener): () => void {
  const originalSync: Sync = Backbone.sync;
  let active = true;
  const apiErrorsSync: Sync = function apiErrorsSync(method, model, options) {
    const syncOptions = options || {};
    if (active) {
      try {
        prepare(Backbone, model, syncOptions, listener);
      } catch (_exception) {
        // Preparing is best effort: the request must go out whatever happens here.
      }
    }
    return originalSync.call(this, method, model, syncOptions);
  };
  Backbone.sync = apiErrorsSync;
  return () => {
    active = false;
    // Someone may have wrapped Backbone.sync after us; then ours stays in their chain, inactive.
    if (Backbone.sync === apiErrorsSync) Backbone.sync = originalSync;
  };
}
