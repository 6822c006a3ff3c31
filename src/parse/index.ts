// parseApiError: any failed response to one ApiError. Reads the jqXHR-like object defensively,
// lets the first matching format reader read the body, then derives code, message, status,
// correlation id and retryAfter.
// Pure: no DOM, no jQuery; never throws.

import type { ApiError, ApiErrorFormat, MessageOptions, ParseOptions } from '../types';
import { ErrorCollector } from './flatten';
import { FORMAT_READERS } from './formats';
import type { FormatReading } from './formats';
import { KIND_MESSAGES, isRedirect, kindByStatus, kindNamed, kindOf } from './kinds';
import { retryAfterOf } from './retry';
import { readBody, readProperty, responseHeader } from './response';
import { ID_LENGTH, LIMITS, httpStatusOf, idOf, isPlainObject, isText, ownValue } from './values';

export { LIMITS };

/** The message when neither the response nor the options give one. */
export const DEFAULT_FALLBACK_MESSAGE = 'Request failed.';

/**
 * Any failed response to one ApiError. Never throws. `options` may give messages and what is
 * known about the request: `{ online: navigator.onLine, url, now }`.
 */
export function parseApiError(
  xhrLike: unknown,
  textStatus?: string,
  errorThrown?: unknown,
  options?: ParseOptions,
): ApiError {
  return parseWithOptions(xhrLike, textStatus, errorThrown, options || {});
}

/**
 * Any failed response to one ApiError, choosing the message with `options`. Never throws: an
 * internal failure gives a plain fallback error rather than an exception inside jQuery.
 * `errorThrown` is accepted for jQuery's callback signature; status and textStatus say the same.
 */
export function parseWithOptions(
  xhrLike: unknown,
  textStatus: string | undefined,
  errorThrown: unknown,
  options: ParseOptions,
): ApiError {
  try {
    return buildError(xhrLike, textStatus, options);
  } catch {
    // What could be read of it is no kind of failure: `parse`, the answer that could not be read.
    return {
      message: fallbackMessage(options),
      code: 'UNKNOWN_ERROR',
      kind: 'parse',
      status: httpStatusOf(readProperty(xhrLike, 'status')) || 0,
      errors: {},
      formErrors: [],
      correlationId: null,
      timestamp: null,
      retryAfter: null,
      format: 'none',
      raw: null,
    };
  }
}

function buildError(
  xhrLike: unknown,
  textStatus: string | undefined,
  options: ParseOptions,
): ApiError {
  const { body, parseFailed } = readBody(xhrLike);
  const xhrStatus = readProperty(xhrLike, 'status');
  const collector = new ErrorCollector();
  const { format, reading } = readFormat(body, collector);
  const { errors, formErrors } = collector;

  // jQuery's status wins; a body's own status only fills in when no response status exists.
  // (Every optional field of a reading is non-empty when set, so `||` picks the first one given.)
  const noStatus = xhrStatus === undefined || xhrStatus === null || xhrStatus === 0;
  const status = httpStatusOf(xhrStatus) || (noStatus && reading.status) || 0;
  const hasErrors = formErrors.length > 0 || Object.keys(errors).length > 0;
  const serverCode = reading.code || '';
  // What the plugin makes of the failure: field or form errors (below 500: a server error's
  // lines are no form to correct), else a kind the response shows, else one the server's code
  // names, else the status's. The server's code is kept as it is; one is derived only when it
  // sent none.
  const found = hasErrors && status < 500
    ? 'VALIDATION_ERROR'
    : kindFor(xhrLike, textStatus, options, status, serverCode.toLowerCase(), reading.message);
  const code = serverCode || (hasErrors ? 'VALIDATION_ERROR' : found)
    || (textStatus === 'parsererror' || parseFailed ? 'PARSE_ERROR' : 'UNKNOWN_ERROR');
  const kind = kindNamed(found || serverCode) || kindByStatus(status);

  // `messages` from the narrowest key to the widest: the server's code, the status, the kind.
  const message = reading.message || formErrors[0]
    || optionMessage(options, code) || optionMessage(options, '' + status) || optionMessage(options, kind)
    || textIn(KIND_MESSAGES, kind) || fallbackMessage(options);

  const fields = isPlainObject(body) ? body : {};
  const now = readProperty(options, 'now');
  const retryAfter = retryAfterOf(
    responseHeader(xhrLike, 'Retry-After'),
    ownValue(format === 'envelope' ? ownValue(fields, 'error') : fields, 'retry_after'),
    reading.message,
    typeof now === 'number' ? now : Date.now(),
  );

  return {
    message,
    code,
    kind,
    status,
    errors,
    formErrors,
    correlationId: correlationIdOf(xhrLike, reading, fields),
    timestamp: reading.timestamp || null,
    retryAfter,
    format,
    raw: body,
  };
}

/** How much of an HTML or text body the kind rules search (Django's CSRF page says it early). */
const PAGE_TEXT_LENGTH = 8192;

/** The derived code of the kind the response shows (kinds.ts), from what the xhr-like and options say. */
function kindFor(
  xhrLike: unknown,
  textStatus: string | undefined,
  options: ParseOptions,
  status: number,
  code: string,
  message: string | undefined,
): string | undefined {
  const text = readProperty(xhrLike, 'responseText');
  const page = typeof text === 'string' ? text.slice(0, PAGE_TEXT_LENGTH) : '';
  const isPage = /html/i.test(responseHeader(xhrLike, 'Content-Type') || '') || /^\s*</.test(page);
  const responseURL = readProperty(options, 'responseURL') || readProperty(xhrLike, 'responseURL');
  return kindOf(
    status,
    code,
    message || '',
    page,
    textStatus,
    readProperty(options, 'online'),
    status > 199 && status < 300 && isPage && isRedirect(responseURL, readProperty(options, 'url')),
  );
}

/**
 * The envelope's correlation id, else the X-Correlation-ID or X-Request-ID header, else the
 * body's `instance` (RFC 9457), `traceId` or `trace_id`, else the trace-id of `traceparent`.
 */
function correlationIdOf(xhrLike: unknown, reading: FormatReading, fields: object): string | null {
  let id = reading.correlationId;
  for (const header of ['X-Correlation-ID', 'X-Request-ID']) id = id || responseHeader(xhrLike, header);
  for (const key of ['instance', 'traceId', 'trace_id']) id = id || idOf(ownValue(fields, key), ID_LENGTH);
  return id || traceIdOf(responseHeader(xhrLike, 'traceparent')) || null;
}

/** The trace-id of a W3C traceparent header: `00-<32 hex, not all zero>-<16 hex>-<2 hex>`. */
function traceIdOf(header: string | undefined): string | undefined {
  const match = header ? /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}/.exec(header) : null;
  return match && !/^0+$/.test(match[1] as string) ? match[1] : undefined;
}

/** The first reader that matches the body reads it; no body, or no match, is format 'none'. */
function readFormat(
  body: unknown,
  collector: ErrorCollector,
): { format: ApiErrorFormat; reading: FormatReading } {
  if (body !== null && body !== undefined) {
    for (const reader of FORMAT_READERS) {
      if (reader.matches(body)) return { format: reader.format, reading: reader.read(body, collector) };
    }
  }
  return { format: 'none', reading: {} };
}

/** `table[key]`, own keys only, when it is a non-empty string. */
function textIn(table: unknown, key: string): string | undefined {
  const message = ownValue(table, key);
  return isText(message) ? message : undefined;
}

/** `options.messages[key]`, own keys only, when it is a non-empty string. */
const optionMessage = (options: MessageOptions, key: string): string | undefined =>
  textIn(readProperty(options, 'messages'), key);

function fallbackMessage(options: MessageOptions): string {
  const message = readProperty(options, 'fallbackMessage');
  return isText(message) ? message : DEFAULT_FALLBACK_MESSAGE;
}
