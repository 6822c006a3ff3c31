// Table rows for the parser: a request described as data, turned into a jqXHR-like object, and
// the check that parses it and compares the named ApiError fields.
import assert from 'node:assert/strict';

import { parseWithOptions } from '../../src/parse/index.ts';
import type { ApiError, ParseOptions } from '../../src/types.ts';

export interface Request {
  status?: unknown;
  responseJSON?: unknown;
  responseText?: string;
  responseURL?: unknown;
  headers?: Record<string, unknown>;
  textStatus?: string;
  options?: ParseOptions;
}

export interface Row {
  name: string;
  request: Request;
  expected: Partial<ApiError>;
}

/** A jqXHR-like object; headers are looked up case-insensitively, like XMLHttpRequest. */
export function xhrFor(request: Request): Record<string, unknown> {
  const xhr: Record<string, unknown> = {};
  for (const key of ['status', 'responseJSON', 'responseText', 'responseURL'] as const) {
    if (key in request) xhr[key] = request[key];
  }
  const headers = request.headers;
  if (headers) {
    xhr.getResponseHeader = (name: string) => {
      const key = Object.keys(headers).find((header) => header.toLowerCase() === name.toLowerCase());
      return key === undefined ? null : headers[key];
    };
  }
  return xhr;
}

export function check(row: Row): void {
  const { request } = row;
  const error = parseWithOptions(xhrFor(request), request.textStatus ?? 'error', '', request.options ?? {});
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(row.expected)) picked[key] = error[key as keyof ApiError];
  assert.deepEqual(picked, row.expected);
}
