// installApiErrors: finds jQuery, Backbone and the document at install time (never at import
// time), replaces any earlier installation, and wires the adapters to the one pipeline.

import { BackboneRequest, REQUEST_KEY, wrapBackboneSync } from './adapters/backbone';
import { attachJQuery, currentListener, isTracked, optsOut, settle, type JQueryListener, type TrackedRequest } from './adapters/jquery';
import { watchPageLeave } from './adapters/page';
import { watchSubmits } from './adapters/submits';
import { dataForm, errorFor, makeContext, namedForm, requestKey, scopeFor } from './adapters/request';
import { DEFAULT_OPTIONS, mergeOptions, type ResolvedOptions } from './options';
import { guarded, handleFailure } from './pipeline';
import { createPolicies } from './policies/index';
import { drawnFor, pageDocument, reportError } from './render/dom';
import { drawnState } from './render/marks';
import type { ApiErrorsInstallation, ApiErrorsOptions, BackboneLike, JQueryLike, JqXHR } from './types';

type Installed = JQueryListener & ApiErrorsInstallation;

/** A page global: on `window`, or on the global object (a test or bundler that set it there). */
function pageGlobal(name: string): unknown {
  const page = typeof window !== 'undefined' ? (window as unknown as Record<string, unknown>) : undefined;
  const global = typeof globalThis !== 'undefined' ? (globalThis as unknown as Record<string, unknown>) : undefined;
  return (page && page[name]) || (global && global[name]);
}

/** jQuery's own document: a jQuery made by `require('jquery')(window)` is bound to that window. */
function documentOf(jQuery: JQueryLike): Document | null {
  const html = jQuery('html')[0] as Element | undefined;
  if (html && html.ownerDocument) return html.ownerDocument;
  return pageDocument();
}

const NOT_INSTALLED: ApiErrorsInstallation = { uninstall() {} };

function backboneOf(request: TrackedRequest): BackboneRequest | undefined {
  const carried = request.settings[REQUEST_KEY] || (request.originalOptions && request.originalOptions[REQUEST_KEY]);
  return carried instanceof BackboneRequest ? carried : undefined;
}

function createInstallation(jQuery: JQueryLike, Backbone: BackboneLike, doc: Document, base: ResolvedOptions): Installed {
  const leaving = watchPageLeave(doc.defaultView);
  watchSubmits(doc);
  const policies = createPolicies(doc, jQuery, base);
  let unwrapBackbone: (() => void) | null = null;
  const detachers: Array<() => void> = [];
  let stopLooking = (): void => {};

  /**
   * What the adapter learned of a request, carried on its context: the form it belongs to (the
   * one it names, else the one being submitted when it was sent) and where focus was then. A
   * failure with no form or context of its own looks its fields up in the form its data came
   * from, when that can be told; what it draws is tagged with its method and URL for clearing.
   */
  const contextFor = (request: TrackedRequest, options: ResolvedOptions) => {
    const settings = request.settings;
    const named = namedForm(options, doc);
    const form = named || request.submitted || null;
    const scope = scopeFor(options, settings, doc);
    const fromData = request.failed && scope === doc && !form ? dataForm(jQuery, doc, request.data) : null;
    const context = makeContext(request.jqXHR, settings, scope === doc ? form || fromData || doc : scope, backboneOf(request));
    context.originalOptions = request.originalOptions;
    drawnFor.set(context, {
      key: requestKey(settings, request.url),
      form,
      named: !!named,
      focused: request.focused,
      text: options.text,
      drawn: [],
      stale: [],
      failed: request.failed,
    });
    return context;
  };

  const installation: Installed = {
    onFailure(request) {
      const options = mergeOptions(base, request.settings.apiErrors);
      const shouldHandle = options.shouldHandle;
      // A shouldHandle that throws is reported and counts as "handle it".
      if (shouldHandle && !guarded('shouldHandle', () => shouldHandle(request.jqXHR, request.settings) !== false, true)) return;
      const error = errorFor(request.jqXHR, request.textStatus, options, doc);
      handleFailure(error, contextFor(request, options), options, jQuery, policies);
    },
    // A later success in the same scope clears the field errors drawn there. The built-in
    // clearing has nothing to do while no field message or summary is on the page, nor for a
    // request that names no form and drew none of them (a poll beside a refused form).
    onSuccess(request) {
      const options = mergeOptions(base, request.settings.apiErrors);
      const clearFields = options.clearFields;
      const settings = request.settings;
      const keys = drawnState.keys;
      guarded('the plugin', policies.succeed);
      if (clearFields && (clearFields !== DEFAULT_OPTIONS.clearFields || !keys ||
        (keys.size && (namedForm(options, doc) || keys.has(requestKey(settings, request.url)))))) {
        guarded('clearFields', () => clearFields(contextFor(request, options)));
      }
    },
    isLeavingPage: leaving.isLeaving,
    uninstall() {
      for (const detach of detachers.splice(0)) detach();
      if (unwrapBackbone) unwrapBackbone();
      unwrapBackbone = null;
      stopLooking();
      leaving.stop();
      policies.stop();
    },
  };
  detachers.push(attachJQuery(jQuery, installation));

  /** A Backbone request that went around every hooked jQuery (a replaced Backbone.ajax). */
  const settleUntracked = (request: BackboneRequest, jqXHR: JqXHR, failed: boolean, textStatus?: unknown): void => {
    const settings = request.options;
    if (isTracked(jqXHR) || optsOut(settings, settings, jQuery)) return;
    settle(
      { settings, originalOptions: settings, jqXHR, failed, textStatus: String(textStatus || 'error'), data: settings.data },
      currentListener(jQuery) === installation ? installation : null,
    );
  };

  const wrapBackbone = (backbone: BackboneLike): void => {
    if (unwrapBackbone || !backbone || typeof backbone.sync !== 'function' || currentListener(jQuery) !== installation) return;
    // Backbone may use its own jQuery (a bundled one beside the page's): hook that one too.
    const own = backbone.$;
    if (own && own !== jQuery && typeof own.ajaxPrefilter === 'function') detachers.push(attachJQuery(own, installation));
    unwrapBackbone = wrapBackboneSync(backbone, {
      errorFor: (jqXHR, textStatus, perRequest) => errorFor(jqXHR, textStatus, mergeOptions(base, perRequest), doc),
      onUntrackedFailure(request, jqXHR: JqXHR, textStatus) {
        if (jqXHR && typeof jqXHR === 'object') settleUntracked(request, jqXHR, true, textStatus);
      },
      onUntrackedSuccess: (request, jqXHR: JqXHR) => settleUntracked(request, jqXHR || {}, false),
    });
  };
  wrapBackbone(Backbone);
  if (!Backbone && doc.readyState === 'loading') {
    // A script-tag install may run before the page's Backbone script: look again once it loaded.
    const lookAgain = (): void => {
      stopLooking();
      wrapBackbone(pageGlobal('Backbone'));
    };
    stopLooking = () => doc.removeEventListener('DOMContentLoaded', lookAgain);
    doc.addEventListener('DOMContentLoaded', lookAgain);
  }
  return installation;
}

let current: ApiErrorsInstallation | null = null;

/** Whether this copy, or another copy through this jQuery, is installed. */
export function isInstalled(jQuery: unknown): boolean {
  return current !== null || (typeof jQuery === 'function' && currentListener(jQuery) !== null);
}

/**
 * Hooks jQuery's failed requests and wraps Backbone.sync. Installing again replaces the earlier
 * installation, so there are never two handlers.
 */
export function installApiErrors(options?: ApiErrorsOptions): ApiErrorsInstallation {
  try {
    const given = options || {};
    const Backbone = (given.Backbone || pageGlobal('Backbone')) as BackboneLike;
    const jQuery = (given.jQuery || pageGlobal('jQuery') || (Backbone && Backbone.$)) as JQueryLike;
    if (typeof jQuery !== 'function' || typeof jQuery.ajaxPrefilter !== 'function') {
      throw new Error('jQuery was not found: load it first or pass { jQuery }');
    }
    const doc = documentOf(jQuery);
    if (!doc) throw new Error('no document: jQuery is not bound to a window');
    const previous = currentListener(jQuery) as Installed | null;
    if (previous && typeof previous.uninstall === 'function') previous.uninstall();
    if (current) current.uninstall();
    const installation = createInstallation(jQuery, Backbone, doc, mergeOptions(DEFAULT_OPTIONS, given));
    current = installation;
    return { uninstall: () => {
      installation.uninstall();
      if (current === installation) current = null;
    } };
  } catch (exception) {
    reportError('installApiErrors', exception);
    return NOT_INSTALLED;
  }
}
