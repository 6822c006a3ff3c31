// Reading the xhr-like object a failure arrived as: its properties, body and headers, each read
// defensively (a getter may throw, a header may be junk). Pure: touches only its arguments.

import { ID_LENGTH, idOf } from './values';

/** A property of the xhr-like object; a throwing getter or a non-object reads as undefined. */
export function readProperty(target: unknown, key: string): unknown {
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
 * JSON. HTML and plain text are never read (jQuery sets responseText for every response).
 */
export function readBody(xhrLike: unknown): { body: unknown; parseFailed: boolean } {
  const json = readProperty(xhrLike, 'responseJSON');
  if (json !== undefined) return { body: json, parseFailed: false };
  const text = readProperty(xhrLike, 'responseText');
  const trimmed = typeof text === 'string' ? text.trim() : '';
  try {
    return { body: /^[{[]/.test(trimmed) ? (JSON.parse(trimmed) as unknown) : null, parseFailed: false };
  } catch {
    return { body: null, parseFailed: true };
  }
}

/** A response header through getResponseHeader, which may be missing, throw, or return junk. */
export function responseHeader(xhrLike: unknown, name: string): string | undefined {
  const getResponseHeader = readProperty(xhrLike, 'getResponseHeader');
  if (typeof getResponseHeader !== 'function') return undefined;
  try {
    const value: unknown = getResponseHeader.call(xhrLike, name);
    return typeof value === 'string' ? idOf(value, ID_LENGTH) : undefined;
  } catch {
    return undefined;
  }
}
