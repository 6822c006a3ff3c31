// parseApiError: any failed response to one ApiError. Reads the jqXHR-like object defensively,
// lets the first matching format reader read the body, then derives message, code and status.
// Pure: no DOM, no jQuery; never throws.

import type { ApiError, ApiErrorFormat, MessageOptions } from '../types';
import { ErrorCollector } from './flatten';
import { FORMAT_READERS } from './formats';
import type { FormatReading } from './formats';
import { ID_LENGTH, LIMITS, httpStatusOf, idOf, ownValue } from './values';

export { LIMITS };

/** The message when neither the response nor the options give one. */
export const DEFAULT_FALLBACK_MESSAGE = 'Request failed.';

/** Any failed response to one ApiError, with the default messages. Never throws. */
export function parseApiError(
  xhrLike: unknown,
  textStatus?: string,
  errorThrown?: unknown,
): ApiError {
  return parseWithOptions(xhrLike, textStatus, errorThrown, {});
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
  options: MessageOptions,
): ApiError {
  try {
    return buildError(xhrLike, textStatus, options);
  } catch {
    return {
      message: fallbackMessage(options),
      code: 'UNKNOWN_ERROR',
      status: httpStatusOf(readProperty(xhrLike, 'status')) || 0,
      errors: {},
      formErrors: [],
      correlationId: null,
      timestamp: null,
      format: 'none',
      raw: null,
    };
  }
}

function buildError(
  xhrLike: unknown,
  textStatus: string | undefined,
  options: MessageOptions,
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
  const code =
    reading.code ||
    (hasErrors
      ? 'VALIDATION_ERROR'
      : textStatus === 'timeout'
        ? 'TIMEOUT'
        : status === 0
          ? 'NETWORK_ERROR'
          : textStatus === 'parsererror' || parseFailed
            ? 'PARSE_ERROR'
            : 'UNKNOWN_ERROR');

  const message =
    reading.message ||
    formErrors[0] ||
    optionMessage(options, code) ||
    optionMessage(options, String(status)) ||
    fallbackMessage(options);

  const correlationId =
    reading.correlationId ||
    responseHeader(xhrLike, 'X-Correlation-ID') ||
    responseHeader(xhrLike, 'X-Request-ID') ||
    null;

  return {
    message,
    code,
    status,
    errors,
    formErrors,
    correlationId,
    timestamp: reading.timestamp || null,
    format,
    raw: body,
  };
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

/** A property of the xhr-like object; a throwing getter or a non-object reads as undefined. */
function readProperty(target: unknown, key: string): unknown {
  if ((typeof target !== 'object' && typeof target !== 'function') || target === null) {
    return undefined;
  }
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * The body: `responseJSON` when jQuery set it, else `responseText` parsed when it looks like
 * JSON. HTML and plain text are never read (FACTS.md: responseText is set for every response).
 */
function readBody(xhrLike: unknown): { body: unknown; parseFailed: boolean } {
  const json = readProperty(xhrLike, 'responseJSON');
  if (json !== undefined) return { body: json, parseFailed: false };
  const text = readProperty(xhrLike, 'responseText');
  if (typeof text !== 'string') return { body: null, parseFailed: false };
  const trimmed = text.trim();
  const first = trimmed.charAt(0);
  if (first !== '{' && first !== '[') return { body: null, parseFailed: false };
  try {
    return { body: JSON.parse(trimmed) as unknown, parseFailed: false };
  } catch {
    return { body: null, parseFailed: true };
  }
}

/** A response header through getResponseHeader, which may be missing, throw, or return junk. */
function responseHeader(xhrLike: unknown, name: string): string | undefined {
  const getResponseHeader = readProperty(xhrLike, 'getResponseHeader');
  if (typeof getResponseHeader !== 'function') return undefined;
  try {
    const value: unknown = getResponseHeader.call(xhrLike, name);
    return typeof value === 'string' ? idOf(value, ID_LENGTH) : undefined;
  } catch {
    return undefined;
  }
}

/** `options.messages[key]`, own keys only, when it is a non-empty string. */
function optionMessage(options: MessageOptions, key: string): string | undefined {
  const message = ownValue(readProperty(options, 'messages'), key);
  return typeof message === 'string' && message.trim() !== '' ? message : undefined;
}

function fallbackMessage(options: MessageOptions): string {
  const message = readProperty(options, 'fallbackMessage');
  return typeof message === 'string' && message.trim() !== '' ? message : DEFAULT_FALLBACK_MESSAGE;
}
