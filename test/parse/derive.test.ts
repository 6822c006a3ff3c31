// How message, code, status and correlation id are chosen (SPEC.md behaviour 4), and where the
// body comes from (responseJSON, else responseText that looks like JSON; never HTML or text).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_FALLBACK_MESSAGE, LIMITS, parseApiError, parseWithOptions } from '../../src/parse/index.ts';
import { check, type Row } from '../helpers/xhr-like.ts';

const detail404 = { detail: 'Not found.' };
const fieldsOnly = { email: ['Enter a valid email address.'] };
const html500 = '<!doctype html><html><body><h1>Server Error (500)</h1></body></html>';

const messageRows: Row[] = [
  {
    name: 'message: the server message wins over options.messages',
    request: { status: 404, responseJSON: detail404, options: { messages: { 404: 'Gone.', UNKNOWN_ERROR: 'x' } } },
    expected: { message: 'Not found.', code: 'UNKNOWN_ERROR' },
  },
  {
    name: 'message: the first form error wins over options.messages',
    request: {
      status: 400,
      responseJSON: { non_field_errors: ['Passwords differ.', 'Second.'] },
      options: { messages: { VALIDATION_ERROR: 'Check the form.' } },
    },
    expected: { message: 'Passwords differ.', code: 'VALIDATION_ERROR' },
  },
  {
    name: 'message: messages[code] when only field errors came back',
    request: { status: 400, responseJSON: fieldsOnly, options: { messages: { VALIDATION_ERROR: 'Check the form.' } } },
    expected: { message: 'Check the form.', errors: { email: ['Enter a valid email address.'] } },
  },
  {
    name: 'message: messages[code] wins over messages[status]',
    request: {
      status: 0,
      textStatus: 'timeout',
      options: { messages: { TIMEOUT: 'The server is slow, try again.', 0: 'Offline.' } },
    },
    expected: { message: 'The server is slow, try again.', code: 'TIMEOUT', status: 0 },
  },
  {
    name: 'message: messages[status] for an HTML error page',
    request: { status: 401, responseText: html500, options: { messages: { 401: 'Please sign in again.' } } },
    expected: { message: 'Please sign in again.', code: 'SESSION_EXPIRED', format: 'none' },
  },
  {
    name: 'message: fallbackMessage when nothing else applies',
    request: { status: 500, responseText: 'Internal Server Error', options: { fallbackMessage: 'Something went wrong.' } },
    expected: { message: 'Something went wrong.', code: 'UNKNOWN_ERROR' },
  },
  {
    name: 'message: a blank fallbackMessage and non-string messages give the default',
    request: { status: 500, options: { fallbackMessage: '   ', messages: { 500: 42 as unknown as string } } },
    expected: { message: 'Request failed.' },
  },
  {
    name: 'message: inherited messages keys are ignored',
    request: {
      status: 404,
      responseText: '',
      options: { messages: Object.create({ 404: 'inherited', UNKNOWN_ERROR: 'inherited' }) },
    },
    expected: { message: 'Request failed.' },
  },
  {
    name: 'message: a blank server message falls through to the form error',
    request: { status: 400, responseJSON: { error: { message: '   ', errors: ['Slot taken.'] } } },
    expected: { message: 'Slot taken.', formErrors: ['Slot taken.'] },
  },
];

const codeRows: Row[] = [
  {
    name: 'code: the server code wins over derived codes',
    request: { status: 400, responseJSON: { error: { code: 'EMAIL_TAKEN', errors: fieldsOnly } } },
    expected: { code: 'EMAIL_TAKEN' },
  },
  {
    name: 'code: a blank server code is derived instead',
    request: { status: 400, responseJSON: { error: { code: '  ', errors: fieldsOnly } } },
    expected: { code: 'VALIDATION_ERROR' },
  },
  {
    name: 'code: a long server code is cut to 100 characters',
    request: { status: 400, responseJSON: { error: { code: 'E'.repeat(150) } } },
    expected: { code: 'E'.repeat(100) },
  },
  {
    name: 'code: TIMEOUT for a timed-out request',
    request: { status: 0, textStatus: 'timeout' },
    expected: { code: 'TIMEOUT', status: 0, message: 'The server took too long to answer.', format: 'none', raw: null },
  },
  {
    name: 'code: NETWORK_ERROR for a refused connection',
    request: { status: 0, responseText: '', textStatus: 'error' },
    expected: { code: 'NETWORK_ERROR', status: 0 },
  },
  {
    name: 'code: NETWORK_ERROR for an aborted request',
    request: { status: 0, textStatus: 'abort' },
    expected: { code: 'NETWORK_ERROR' },
  },
  {
    name: 'code: PARSE_ERROR for a 200 with bad JSON (parsererror)',
    request: { status: 200, responseText: 'OK', textStatus: 'parsererror' },
    expected: { code: 'PARSE_ERROR', status: 200, format: 'none', raw: null },
  },
  {
    name: 'code: PARSE_ERROR for an error body that looks like JSON but is broken',
    request: { status: 500, responseText: '{"error": {"message": "cut off', textStatus: 'error' },
    expected: { code: 'PARSE_ERROR', message: 'Request failed.', format: 'none', raw: null },
  },
  {
    name: 'code: UNKNOWN_ERROR for an HTML 500 page',
    request: { status: 500, responseText: html500 },
    expected: { code: 'UNKNOWN_ERROR', message: 'Request failed.', format: 'none', raw: null },
  },
];

const statusRows: Row[] = [
  {
    name: 'status: the HTTP status wins over the envelope status',
    request: { status: 502, responseJSON: { error: { message: 'Upstream down', status: 503 } } },
    expected: { status: 502 },
  },
  {
    name: 'status: no HTTP status, the envelope status fills in',
    request: { status: 0, responseJSON: { error: { message: 'Maintenance', status: 503 } } },
    expected: { status: 503, code: 'SERVICE_UNAVAILABLE' },
  },
  {
    name: 'status: missing HTTP status, the problem status fills in',
    request: { responseJSON: { title: 'Unprocessable', status: 422 } },
    expected: { status: 422, message: 'Unprocessable' },
  },
  {
    name: 'status: a string status is not a status',
    request: { status: '400', responseJSON: detail404 },
    expected: { status: 0, code: 'NETWORK_ERROR', message: 'Not found.' },
  },
  {
    name: 'status: out-of-range and fractional statuses are 0',
    request: { status: 400.5, responseJSON: { error: { status: 700 } } },
    expected: { status: 0 },
  },
];

const correlationRows: Row[] = [
  {
    name: 'correlation id: the envelope wins over headers',
    request: {
      status: 500,
      responseJSON: { error: { message: 'Oops', correlation_id: 'body-id' } },
      headers: { 'X-Correlation-ID': 'header-id' },
    },
    expected: { correlationId: 'body-id' },
  },
  {
    name: 'correlation id: the X-Correlation-ID header, trimmed',
    request: { status: 500, responseText: html500, headers: { 'x-correlation-id': '  abc-123  ', 'X-Request-ID': 'r' } },
    expected: { correlationId: 'abc-123' },
  },
  {
    name: 'correlation id: X-Request-ID when there is no X-Correlation-ID',
    request: { status: 503, responseJSON: detail404, headers: { 'X-Request-ID': 'req-77' } },
    expected: { correlationId: 'req-77' },
  },
  {
    name: 'correlation id: a blank header is skipped, a non-string one too',
    request: { status: 500, headers: { 'X-Correlation-ID': '   ', 'X-Request-ID': 12345 } },
    expected: { correlationId: null },
  },
  {
    name: 'correlation id: a long header is cut to 200 characters',
    request: { status: 500, headers: { 'X-Request-ID': 'r'.repeat(500) } },
    expected: { correlationId: 'r'.repeat(200) },
  },
  {
    name: 'timestamp: only a string envelope timestamp counts',
    request: { status: 500, responseJSON: { error: { message: 'x', timestamp: 1764000000 } } },
    expected: { timestamp: null },
  },
];

const bodyRows: Row[] = [
  {
    name: 'body: responseText is parsed when responseJSON is absent',
    request: { status: 404, responseText: '  \n{"detail": "Not found."}\n' },
    expected: { message: 'Not found.', format: 'drf', raw: { detail: 'Not found.' } },
  },
  {
    name: 'body: a root list in responseText is parsed too',
    request: { status: 400, responseText: '["This order can no longer be changed."]' },
    expected: { formErrors: ['This order can no longer be changed.'], format: 'drf' },
  },
  {
    name: 'body: responseJSON wins over responseText',
    request: { status: 400, responseJSON: detail404, responseText: '{"detail": "from text"}' },
    expected: { message: 'Not found.' },
  },
  {
    name: 'body: a null responseJSON is no body (responseText is not consulted)',
    request: { status: 400, responseJSON: null, responseText: '{"detail": "from text"}' },
    expected: { message: 'Request failed.', format: 'none', raw: null },
  },
  {
    name: 'body: a plain-text body is never the message',
    request: { status: 500, responseText: 'Internal Server Error: <script>alert(1)</script>' },
    expected: { message: 'Request failed.', format: 'none', raw: null, formErrors: [], errors: {} },
  },
  {
    name: 'body: an empty body gives the fallback',
    request: { status: 500, responseText: '' },
    expected: { message: 'Request failed.', code: 'UNKNOWN_ERROR', format: 'none', raw: null },
  },
  {
    name: 'body: a JSON string responseJSON is not shown either',
    request: { status: 500, responseJSON: 'Internal error: stack trace...' },
    expected: { message: 'Request failed.', format: 'none', raw: 'Internal error: stack trace...' },
  },
];

for (const row of [...messageRows, ...codeRows, ...statusRows, ...correlationRows, ...bodyRows]) {
  test(row.name, () => check(row));
}

test('correlation id: getResponseHeader is called on the xhr (this), like XMLHttpRequest', () => {
  const xhr = {
    status: 500,
    headers: { 'X-Correlation-ID': 'bound' } as Record<string, string>,
    getResponseHeader(this: { headers: Record<string, string> }, name: string) {
      return this.headers[name] ?? null;
    },
  };
  assert.equal(parseWithOptions(xhr, 'error', '', {}).correlationId, 'bound');
});

test('exports: the default message, the limits, and parseApiError as parseWithOptions with {}', () => {
  assert.equal(DEFAULT_FALLBACK_MESSAGE, 'Request failed.');
  assert.deepEqual(
    { ...LIMITS },
    { fields: 100, messagesPerField: 10, formErrors: 10, messageLength: 1000, pathLength: 200, depth: 32, nodes: 5000 },
  );
  const xhr = { status: 422, responseJSON: { errors: { name: ['Required.'] } } };
  assert.deepEqual(parseApiError(xhr, 'error'), parseWithOptions(xhr, 'error', undefined, {}));
});
