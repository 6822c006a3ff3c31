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

/** By jqXHR: each request the prefilter saw, and each failed one once its ApiError is made. */
const known: WeakMap<object, Known> = new WeakMap();

/**
 * Keeps the request and its XMLHttpRequest (by wrapping the `xhr` factory jQuery calls): jqXHR
 * does not expose `responseURL`, which tells that a login redirect was followed.
 */
export function watchTransport(jqXHR: JqXHR, request: TrackedRequest): void {
  known.set(jqXHR, request);
  const settings = request.settings;
  const make = settings.xhr;
  if (typeof make === 'function') {
    settings.xhr = function keepXhr(this: unknown) {
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
    const element = fromContext as Element;
    const form = typeof element.closest === 'function' ? element.closest('form') : null;
    return form || element;
  }
  return doc;
}

/** The form a request names: its `apiErrors.form`, or a <form> given as its DOM `context`. */
export function namedForm(options: ResolvedOptions, settings: AjaxSettings, doc: Document): Element | null {
  const form = resolveScope(options.form, doc);
  if (form) return form.nodeType === 1 ? (form as Element) : null;
  const context = resolveScope(settings && settings.context, doc);
  return context && (context as Element).tagName === 'FORM' ? (context as Element) : null;
}

/** `METHOD url` (the URL as sent, before jQuery appended a GET's data): what a repeat shares. */
export function requestKey(settings: AjaxSettings, url: unknown): string {
  return String(settings.type || 'GET').toUpperCase() + ' ' + String(url || settings.url).split('#')[0];
}

/** The sorted names in urlencoded data, or a JSON object's keys; '' when there are none. */
function namesOf(data: string): string {
  try {
    const names = data.charAt(0) === '{'
      ? Object.keys(JSON.parse(data))
      : data.split('&').map((pair) => decodeURIComponent((pair.split('=')[0] as string).replace(/\+/g, ' ')));
    return names.sort().join('&');
  } catch (_malformed) {
    return '';
  }
}

/** The names a form sends, as `$(form).serialize()` picks them: named, enabled, checked, no buttons. */
function formNames(form: HTMLFormElement): string {
  const names: string[] = [];
  const controls = form.elements;
  for (let index = 0, count = controls.length; index < count; index++) {
    const control = controls[index] as HTMLInputElement;
    if (
      control.name &&
      !control.disabled &&
      !/^(submit|button|image|reset|file|fieldset)$/i.test(control.type) &&
      (!/^(checkbox|radio)$/i.test(control.type) || control.checked)
    ) {
      names.push(control.name);
    }
  }
  return names.sort().join('&');
}

/**
 * The form whose fields a request's data was serialized from (`$.post(url, $(form).serialize())`
 * or `data: {…}`, which jQuery encodes the same way): the one form on the page that sends the
 * same field names; of several, the one whose serialization is the very same string. Comparing
 * names first keeps it cheap: most forms differ there, and only look-alikes are serialized.
 */
export function dataForm(jQuery: JQueryLike, doc: Document, data: unknown): Element | null {
  // Bounded work: a large upload is no form's fields.
  const names = typeof data === 'string' && data.length < 100000 ? namesOf(data) : '';
  if (!names) return null;
  const alike: Element[] = [];
  // A query, not the live `doc.forms`, which walks the whole page again after any change to it.
  eachMatch(doc, 'form', (form) => {
    if (formNames(form as HTMLFormElement) === names) alike.push(form);
  });
  const found = alike.length > 1 ? alike.filter((form) => String(jQuery(form).serialize()) === data) : alike;
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
