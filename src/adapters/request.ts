// What both adapters share about one request: its merged options, its ApiError (made once per
// jqXHR, so Backbone's options.apiError and the api:error event carry the same object, and told
// whether the browser is online and where the response came from), the scope its field errors go
// into, and the markHandled flag.

import type { ResolvedOptions } from '../options';
import type { TrackedRequest } from './jquery';
import { parseWithOptions } from '../parse/index';
import { eachMatch, resolveScope } from '../render/dom';
import type { ApiError, ApiErrorContext, AjaxSettings, JQueryLike, JqXHR } from '../types';

/**
 * Kept on the jqXHR itself, not in a module-level set: a page may hold two copies of the plugin
 * (a script tag and a bundle), and markHandled from either must be seen by the installed one.
 */
const HANDLED_FLAG = '__apiErrorsHandled';

/** Called from a request's own `error`/`.fail()`: the plugin leaves that request alone. */
export function markHandled(jqXHR: unknown): void {
  if (jqXHR && typeof jqXHR === 'object') {
    try {
      (jqXHR as Record<string, unknown>)[HANDLED_FLAG] = true;
    } catch (_frozen) {
      // A frozen object cannot be marked; nothing else to do.
    }
  }
}

/** Whether the plugin set `flag` on this jqXHR (markHandled's, or the jQuery adapter's). */
export function hasFlag(jqXHR: unknown, flag: string): boolean {
  return !!jqXHR && typeof jqXHR === 'object' && (jqXHR as Record<string, unknown>)[flag] === true;
}

export function isMarkedHandled(jqXHR: unknown): boolean {
  return hasFlag(jqXHR, HANDLED_FLAG);
}

/** What is known of a request: its URL and XMLHttpRequest when the prefilter saw it, its ApiError once parsed. */
interface Known {
  url?: unknown;
  xhr?: { responseURL?: string };
  error?: ApiError;
}

/**
 * By jqXHR: each request the prefilter saw, and each failed one once its ApiError is made. One
 * map for every copy of the plugin on the page (a script tag and a bundle): the prefilter is the
 * first copy's, the installation may be the other's, and both must know where an answer came from.
 */
const page = globalThis as unknown as Record<symbol, WeakMap<object, Known>>;
const REGISTRY = Symbol.for('jquery-api-errors.requests');
const known = page[REGISTRY] || (page[REGISTRY] = new WeakMap());

/**
 * Keeps the request and its XMLHttpRequest (by wrapping `make`, the page's own `xhr` factory,
 * which jQuery calls): jqXHR does not expose `responseURL`, which tells that a login redirect was
 * followed.
 */
export function watchTransport(jqXHR: JqXHR, request: TrackedRequest, make: unknown): void {
  known.set(jqXHR, request);
  if (typeof make === 'function') {
    request.settings.xhr = function keepXhr(this: unknown) {
      return (request.xhr = make.apply(this, arguments));
    };
  }
}

/**
 * The ApiError of a failed jqXHR, parsed once. The parser is also told whether the browser is
 * online and the URLs the request was sent to and answered from.
 */
export function errorFor(jqXHR: JqXHR, textStatus: unknown, options: ResolvedOptions, doc?: Document): ApiError {
  const isObject = !!jqXHR && typeof jqXHR === 'object';
  const request: Known = (isObject && known.get(jqXHR)) || {};
  if (request.error) return request.error;
  const view = doc && doc.defaultView;
  request.error = parseWithOptions(jqXHR, typeof textStatus === 'string' ? textStatus : undefined, undefined, {
    messages: options.messages,
    fallbackMessage: options.fallbackMessage,
    online: view ? view.navigator.onLine : undefined,
    url: request.url as string | undefined,
    responseURL: request.xhr && request.xhr.responseURL,
  });
  if (isObject) known.set(jqXHR, request);
  return request.error;
}

/**
 * The element field errors are looked up in: the request's `form` option, else a DOM `context`
 * the request was sent with (its form, when it sits in one), else the document.
 */
export function scopeFor(options: ResolvedOptions, settings: AjaxSettings, doc: Document): Element | Document {
  const fromForm = resolveScope(options.form, doc);
  if (fromForm) return fromForm;
  const fromContext = resolveScope(settings && settings.context, doc);
  if (fromContext && fromContext.nodeType === 1) {
    return (fromContext as Element).closest('form') || (fromContext as Element);
  }
  return doc;
}

/**
 * The form a request names: its `apiErrors.form`. A `context` is no such link: jquery-validation
 * sends its `remote` checks with `context: form`, and such a check must not clear the form.
 */
export function namedForm(options: ResolvedOptions, doc: Document): Element | null {
  const form = resolveScope(options.form, doc);
  return form && form.nodeType === 1 ? (form as Element) : null;
}

/** `METHOD url` (the URL as sent, before jQuery appended a GET's data): what a repeat shares. */
export function requestKey(settings: AjaxSettings, url: unknown): string {
  return String(settings.type || 'GET').toUpperCase() + ' ' + String(url || settings.url).split('#')[0];
}

type Pairs = string[][];

const isFormData = (data: unknown): data is FormData => Object.prototype.toString.call(data) === '[object FormData]';

/** A body as [name, value] pairs: urlencoded data, a JSON object (its names only) or a FormData. */
function pairsOf(data: unknown): Pairs {
  const pairs: Pairs = [];
  if (isFormData(data)) data.forEach((value, name) => pairs.push([name, typeof value === 'string' ? value : value.name]));
  // Bounded work: a large upload is no form's fields.
  else if (typeof data === 'string' && data.length < 100000) {
    try {
      if (data.charAt(0) === '{') for (const name of Object.keys(JSON.parse(data))) pairs.push([name]);
      else for (const pair of data.split('&')) pairs.push(pair.split('=').map((part) => decodeURIComponent(part.replace(/\+/g, ' '))));
    } catch (_malformed) {
      // Not a form's fields.
    }
  }
  return pairs;
}

/** The names of pairs, or the pairs themselves, sorted into one string. */
const keyOf = (pairs: Pairs, values?: boolean): string => pairs.map((pair) => (values ? pair.join('=') : pair[0])).sort().join('&');

/**
 * The form a request's body was made from (`$(form).serialize()`, `data: {…}` which jQuery
 * encodes the same way, `new FormData(form)`): the one form that sends the same field names
 * (a submit button's name may come with them, as Django admin's `_save` does through the jQuery
 * Form plugin), or of several, the one sending the very same values. Data that matches several
 * forms names none of them.
 */
export function dataForm(jQuery: JQueryLike, doc: Document, data: unknown): Element | null {
  const body = pairsOf(data);
  const alike: Element[] = [];
  const same: Element[] = [];
  // A query, not the live `doc.forms`, which walks the whole page again after any change to it.
  if (body.length) eachMatch(doc, 'form', (element) => {
    const form = element as HTMLFormElement;
    // Cheaper than serializing every form on the page: a form that surely sends a name the body
    // lacks (a named, enabled input or textarea, not a button or file input, checked if it is a
    // checkbox or radio, outside a datalist: `serializeArray()` and `new FormData(form)` both
    // send it) cannot match.
    for (const control of form.elements as unknown as HTMLInputElement[]) {
      if (
        control.name &&
        !body.some((pair) => pair[0] === control.name) &&
        /^(input|textarea)$/i.test(control.nodeName) &&
        (control.checked || !/^(su|b|res|f|ch|rad|i)/.test(control.type)) &&
        !control.closest(':disabled,datalist')
      ) return;
    }
    const sent = body.filter((pair) => {
      const control = form.elements.namedItem(pair[0] as string) as HTMLInputElement | null;
      return !control || !/^(submit|image)$/.test(control.type);
    });
    const own: Pairs = isFormData(data)
      ? pairsOf(new (data.constructor as typeof FormData)(form))
      : jQuery(form).serializeArray().map((field: { name: string; value: string }) => [field.name, field.value]);
    if (keyOf(sent) === keyOf(own)) {
      alike.push(form);
      if (keyOf(sent, true) === keyOf(own, true)) same.push(form);
    }
  });
  const found = alike.length > 1 ? same : alike;
  return found.length === 1 ? (found[0] as Element) : null;
}

export function makeContext(
  jqXHR: JqXHR,
  settings: AjaxSettings,
  scope: Element | Document,
  backbone?: { model: unknown; options: Record<string, unknown> },
): ApiErrorContext {
  const context: ApiErrorContext = { jqXHR, settings, scope, unrendered: {} };
  if (backbone) {
    context.model = backbone.model;
    context.options = backbone.options;
  }
  return context;
}
