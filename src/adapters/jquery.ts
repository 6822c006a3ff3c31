// Decides *when* a jQuery request has failed and may be handled, then hands it on. It hooks one
// $.ajaxPrefilter per jQuery (prefilters cannot be removed, so the hook dispatches to whichever
// installation is current) and wraps the request's own `error` and `complete` callbacks.

import { guarded } from '../pipeline';
import { focusedElement, reportError } from '../render/dom';
import type { AjaxSettings, JQueryLike, JqXHR } from '../types';
import { hasFlag, isMarkedHandled, watchTransport } from './request';
import { scriptTransport } from './script';
import { submittingForm } from './submits';

/** One request as the adapter follows it, from the prefilter to its end. */
export interface TrackedRequest {
  settings: AjaxSettings;
  originalOptions: AjaxSettings;
  jqXHR: JqXHR;
  failed?: boolean;
  textStatus?: string;
  settled?: boolean;
  /** The URL and data as the prefilter saw them: jQuery later appends a GET's data to the URL. */
  url?: unknown;
  data?: unknown;
  /** The XMLHttpRequest jQuery made for it, when it made one. */
  xhr?: { responseURL?: string };
  slot?: Slot;
  /** The form being submitted when it was sent, and where focus was then. */
  submitted?: Element | null;
  focused?: Element | null;
}

/** What the adapter calls on the current installation. */
export interface JQueryListener {
  /** The request failed and none of the rules below excludes it. */
  onFailure(request: TrackedRequest): void;
  /** The request succeeded. */
  onSuccess(request: TrackedRequest): void;
  /** Whether the page is being left (failures then are the browser cancelling requests). */
  isLeavingPage(): boolean;
}

interface Slot {
  listener: JQueryListener | null;
}

/** On the jQuery function, so every copy of the plugin on the page shares one prefilter. */
const SLOT_KEY = '__apiErrorsSlot';

/**
 * Set on every jqXHR the prefilter saw; a Backbone failure without it went around $.ajax. On the
 * jqXHR itself, like markHandled's flag: the prefilter may belong to another copy of the plugin.
 */
const TRACKED_FLAG = '__apiErrorsTracked';

export function isTracked(jqXHR: unknown): boolean {
  return hasFlag(jqXHR, TRACKED_FLAG);
}

/**
 * Which failures are left alone: those marked handled, and of status 0 an abort (any textStatus
 * but "error" or "timeout": `abort()`, a `beforeSend` that returned false ("canceled"),
 * `abort("reason")`) and an "error" while the page is being left.
 */
function isExcluded(request: TrackedRequest, listener: JQueryListener): boolean {
  const { jqXHR, textStatus } = request;
  return isMarkedHandled(jqXHR) || (!Number(jqXHR.status) && (textStatus === 'error' ? listener.isLeavingPage() : textStatus !== 'timeout'));
}

/**
 * Whether the page opted this request out: `apiErrors: false`, or its own `global: false` (what
 * it passed, else its $.ajaxSetup). Not `settings.global`: jQuery 1.12's script prefilter turns
 * that off on every cross-domain script and JSONP request.
 */
export function optsOut(settings: AjaxSettings, pageOptions: AjaxSettings, jQuery: JQueryLike): boolean {
  if (settings.apiErrors === false) return true;
  const own = pageOptions && pageOptions.global !== undefined ? pageOptions.global : jQuery.ajaxSettings.global;
  return own === false;
}

/** Hands a finished request to the listener, once, unless the rules above exclude it. */
export function settle(request: TrackedRequest, listener: JQueryListener | null): void {
  if (request.settled) return;
  request.settled = true;
  if (!listener) return;
  // jQuery rejects every request that is not a success ("success", "notmodified", "nocontent"):
  // an abort, a timeout, an error status, a parse error.
  if (!request.failed) listener.onSuccess(request);
  else if (!isExcluded(request, listener)) listener.onFailure(request);
}

/**
 * The page's own value behind each wrapper put in a request's `error`, `complete` and `xhr`. A
 * settings object sent again (`complete: function () { $.ajax(this); }`) is then wrapped once
 * more instead of wrapping the earlier wrappers, which grew the stack with every request until a
 * long-poll's request could no longer leave. Not a property on the wrapper: in Chromium, a
 * property added to a new function on every request made every request on the page slower,
 * jQuery's own code included.
 */
const pageValues: WeakMap<object, unknown> = new WeakMap();

function pageValue(value: unknown): unknown {
  return pageValues.has(value as object) ? pageValues.get(value as object) : value;
}

/**
 * A request's `error` or `complete` option (a function or an array), each call guarded: one
 * that throws would make jQuery skip the rest of the request and leave $.active above 0. What
 * it threw is reported, then thrown again once the request has finished, so window.onerror
 * and error trackers still see it.
 */
function guardCallbacks(callbacks: unknown, where: string): (this: unknown, ...args: unknown[]) => void {
  const list = (Array.isArray(callbacks) ? callbacks : [callbacks]).filter((fn) => typeof fn === 'function');
  const guardedCallbacks = function guardedCallbacks(this: unknown, ...args: unknown[]): void {
    for (const callback of list) {
      try {
        callback.apply(this, args);
      } catch (exception) {
        reportError(where, exception);
        setTimeout(() => {
          throw exception;
        }, 0);
      }
    }
  };
  pageValues.set(guardedCallbacks, callbacks);
  return guardedCallbacks;
}

/** Requests to settle once the current task is over: one timer for all of them. */
const later: TrackedRequest[] = [];

function settleNow(request: TrackedRequest): void {
  guarded('the plugin', () => settle(request, request.slot!.listener));
}

function settleLater(request: TrackedRequest): void {
  if (later.push(request) < 2) {
    setTimeout(() => {
      later.splice(0).forEach(settleNow);
    }, 0);
  }
}

/**
 * Set while the code that called $.ajax() runs, until the next microtask checkpoint: one promise
 * for all the requests sent in that turn.
 */
let tick: Promise<void> | null = null;

/**
 * Runs for every request (Backbone's, $.get, .load, global:false too); one the page opted out of
 * is left exactly as it was. The `.fail` here runs before all others (it is attached first); it
 * only records the failure. The handling runs from `complete`, which jQuery calls after `error`,
 * the `.fail` handlers attached when the request was sent, `statusCode` and `ajaxError` — so all
 * of those can still call markHandled. A timer settles a failure whose later `.fail` handler threw.
 */
function track(settings: AjaxSettings, originalOptions: AjaxSettings, jqXHR: JqXHR, slot: Slot, jQuery: JQueryLike): void {
  jqXHR[TRACKED_FLAG] = true;
  if (optsOut(settings, originalOptions, jQuery)) return;
  const submitted = submittingForm();
  const request: TrackedRequest = {
    settings, originalOptions, jqXHR, url: settings.url, data: settings.data, slot, submitted,
    focused: submitted && focusedElement(submitted.ownerDocument),
  };
  // A request that completes in the turn it was sent in (async: false, a transport that answers
  // at once) is settled after this task, so the `.fail(markHandled)` attached right after
  // $.ajax() returned still counts.
  const sentIn = tick || (tick = Promise.resolve().then(() => {
    tick = null;
  }));
  const pageXhr = pageValue(settings.xhr);
  watchTransport(jqXHR, request, pageXhr);
  if (pageXhr) pageValues.set(settings.xhr, pageXhr);
  jqXHR.fail((_xhr: JqXHR, textStatus: string) => {
    request.failed = true;
    request.textStatus = textStatus;
    settleLater(request);
  });
  const pageError = pageValue(settings.error);
  if (pageError) settings.error = guardCallbacks(pageError, 'the request\'s error callback');
  const pageComplete = pageValue(settings.complete);
  const userComplete = pageComplete ? guardCallbacks(pageComplete, 'the request\'s complete callback') : null;
  const completeThenUser = function completeThenUser(this: unknown, xhr: JqXHR, textStatus: string): void {
    if (sentIn === tick && (request.failed || later.length)) settleLater(request);
    else settleNow(request);
    if (userComplete) userComplete.call(this, xhr, textStatus);
  };
  pageValues.set(completeThenUser, pageComplete);
  settings.complete = completeThenUser;
}

/** Hooks jQuery's one prefilter, on the first installation through this jQuery. */
function hook(jQuery: JQueryLike): Slot {
  const slot: Slot = { listener: null };
  Object.defineProperty(jQuery, SLOT_KEY, { value: slot, configurable: true });
  scriptTransport(jQuery, (settings, original) => !!slot.listener && !optsOut(settings, original, jQuery));
  jQuery.ajaxPrefilter((settings: AjaxSettings, originalOptions: AjaxSettings, jqXHR: JqXHR) => {
    if (!slot.listener) return;
    try {
      track(settings, originalOptions, jqXHR, slot, jQuery);
    } catch (exception) {
      reportError('the plugin', exception);
    }
  });
  return slot;
}

/** Makes `listener` the one that jQuery's failures go to; returns the function that detaches it. */
export function attachJQuery(jQuery: JQueryLike, listener: JQueryListener): () => void {
  const slot: Slot = jQuery[SLOT_KEY] || hook(jQuery);
  slot.listener = listener;
  return () => {
    if (slot.listener === listener) slot.listener = null;
  };
}

/** The listener currently attached to this jQuery, if any (another installation's included). */
export function currentListener(jQuery: JQueryLike): JQueryListener | null {
  const slot: Slot | undefined = jQuery && jQuery[SLOT_KEY];
  return slot ? slot.listener : null;
}
