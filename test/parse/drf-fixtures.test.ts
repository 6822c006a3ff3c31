// Real DRF 3.14 responses, captured by test/fixtures/capture_drf.py, parsed as jQuery hands them
// over: responseJSON for JSON bodies, responseText always. Each expectation is written out here.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { parseApiError } from '../../src/parse/index.ts';
import type { ApiError, ApiErrorKind } from '../../src/types.ts';

interface Captured {
  status: number;
  content_type: string;
  headers: Record<string, string>;
  body?: unknown;
  text?: string;
}

interface FixtureCase {
  name: string;
  drf: Captured;
  envelope: Captured;
}

const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/drf-bodies.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };

/** What jQuery gives the error callback for this response (FACTS.md, `responseJSON`). */
function jqXHRFor(captured: Captured): Record<string, unknown> {
  const isJson = captured.content_type.startsWith('application/json');
  return {
    status: captured.status,
    responseText: isJson ? JSON.stringify(captured.body) : captured.text,
    ...(isJson ? { responseJSON: captured.body } : {}),
    getResponseHeader: (name: string) => captured.headers[name] ?? null,
  };
}

type Expected = Omit<ApiError, 'raw' | 'correlationId' | 'timestamp'>;

const plain = (status: number, message: string, kind: ApiErrorKind, code = 'UNKNOWN_ERROR'): Expected => ({
  message,
  code,
  kind,
  status,
  errors: {},
  formErrors: [],
  retryAfter: null,
  format: 'drf',
});

const nestedErrors = {
  email: ['Enter a valid email address.'],
  'address.city': ['This field is required.'],
  'items.1.qty': ['Ensure this value is greater than or equal to 1.'],
  'tags.1': ['A valid integer is required.'],
};

const expectedDrf: Record<string, Expected> = {
  nested_serializer: {
    message: 'Request failed.',
    code: 'VALIDATION_ERROR',
    kind: 'validation',
    status: 400,
    errors: nestedErrors,
    formErrors: [],
    retryAfter: null,
    format: 'drf',
  },
  non_field_errors: {
    message: 'The two passwords do not match.',
    code: 'VALIDATION_ERROR',
    kind: 'validation',
    status: 400,
    errors: {},
    formErrors: ['The two passwords do not match.'],
    retryAfter: null,
    format: 'drf',
  },
  root_validation_error: {
    message: 'This order can no longer be changed.',
    code: 'VALIDATION_ERROR',
    kind: 'validation',
    status: 400,
    errors: {},
    formErrors: ['This order can no longer be changed.'],
    retryAfter: null,
    format: 'drf',
  },
  many_true_root_list: {
    message: 'Request failed.',
    code: 'VALIDATION_ERROR',
    kind: 'validation',
    status: 400,
    errors: { '1.sku': ['This field may not be blank.'] },
    formErrors: [],
    retryAfter: null,
    format: 'drf',
  },
  not_authenticated_401: plain(401, 'Authentication credentials were not provided.', 'session_expired', 'SESSION_EXPIRED'),
  permission_denied_403: plain(403, 'You do not have permission to perform this action.', 'client'),
  not_found_404: plain(404, 'Not found.', 'client'),
  method_not_allowed_405: plain(405, 'Method "DELETE" not allowed.', 'client'),
  unsupported_media_type_415: plain(415, 'Unsupported media type "text/csv" in request.', 'client'),
  throttled_429: { ...plain(429, 'Request was throttled. Expected available in 42 seconds.', 'rate_limited', 'RATE_LIMITED'), retryAfter: 42 },
  parse_error_400: plain(400, 'JSON parse error - Expecting value: line 1 column 14 (char 13)', 'client'),
  server_error_500: { ...plain(500, 'Request failed.', 'server'), format: 'none' },
};

const enveloped = (status: number, code: string, message: string, kind: ApiErrorKind): Expected => ({
  message,
  code,
  kind,
  status,
  errors: {},
  formErrors: [],
  retryAfter: null,
  format: 'envelope',
});

const expectedEnvelope: Record<string, Expected> = {
  nested_serializer: { ...enveloped(400, 'VALIDATION_ERROR', 'Validation failed', 'validation'), errors: nestedErrors },
  non_field_errors: {
    ...enveloped(400, 'VALIDATION_ERROR', 'Validation failed', 'validation'),
    formErrors: ['The two passwords do not match.'],
  },
  root_validation_error: {
    ...enveloped(400, 'VALIDATION_ERROR', 'Validation failed', 'validation'),
    formErrors: ['This order can no longer be changed.'],
  },
  many_true_root_list: {
    ...enveloped(400, 'VALIDATION_ERROR', 'Validation failed', 'validation'),
    errors: { '1.sku': ['This field may not be blank.'] },
  },
  // DRF names the failed check NOT_AUTHENTICATED: the code stays as the server sent it, and for
  // a person that is an expired session, the kind.
  not_authenticated_401: enveloped(401, 'NOT_AUTHENTICATED', 'Authentication credentials were not provided.', 'session_expired'),
  permission_denied_403: enveloped(403, 'PERMISSION_DENIED', 'You do not have permission to perform this action.', 'client'),
  not_found_404: enveloped(404, 'NOT_FOUND', 'Not found.', 'client'),
  method_not_allowed_405: enveloped(405, 'METHOD_NOT_ALLOWED', 'Method "DELETE" not allowed.', 'client'),
  unsupported_media_type_415: enveloped(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type "text/csv" in request.', 'client'),
  throttled_429: { ...enveloped(429, 'THROTTLED', 'Request was throttled. Expected available in 42 seconds.', 'rate_limited'), retryAfter: 42 },
  // The server's PARSE_ERROR is about the request it could not read: a client error.
  parse_error_400: enveloped(400, 'PARSE_ERROR', 'JSON parse error - Expecting value: line 1 column 14 (char 13)', 'client'),
  // An unhandled exception never reaches a DRF exception handler: Django's HTML page remains.
  server_error_500: { ...plain(500, 'Request failed.', 'server'), format: 'none' },
};

test('the fixture file holds every case the tests expect', () => {
  assert.deepEqual(
    fixtures.cases.map((fixture) => fixture.name),
    Object.keys(expectedDrf),
  );
});

for (const fixture of fixtures.cases) {
  test(`DRF 3.14 default body: ${fixture.name}`, () => {
    const error = parseApiError(jqXHRFor(fixture.drf), 'error', 'Bad Request');
    const { raw, correlationId, timestamp, ...rest } = error;
    assert.deepEqual(rest, expectedDrf[fixture.name]);
    assert.deepEqual([correlationId, timestamp], [null, null]);
    assert.equal(raw, fixture.drf.body ?? null);
  });

  test(`DRF 3.14 envelope body: ${fixture.name}`, () => {
    const error = parseApiError(jqXHRFor(fixture.envelope), 'error', 'Bad Request');
    const { raw, correlationId, timestamp, ...rest } = error;
    assert.deepEqual(rest, expectedEnvelope[fixture.name]);
    const isHtml = fixture.envelope.body === undefined;
    assert.deepEqual(
      [correlationId, timestamp],
      isHtml ? [null, null] : ['6f1c2a9e-1d2b-4c3d-9e8f-0a1b2c3d4e5f', '2026-11-24T12:00:00+00:00'],
    );
    assert.equal(raw, fixture.envelope.body ?? null);
  });
}
