// RFC 9457 problem details written by drf-api-errors' ProblemDetailsFormatter (the bodies in
// test/fixtures/django-problem-details.json come from python/tests/test_shaping.py, which checks
// them against live Django and DRF responses), read by the built plugin's parseApiError as jQuery
// hands them over: responseJSON (jQuery converts application/problem+json), and responseText only.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

interface Captured {
  name: string;
  status: number;
  content_type: string;
  headers: Record<string, string>;
  body: unknown;
}

const require = createRequire(import.meta.url);
const { parseApiError } = require('../dist/api-errors.cjs') as {
  parseApiError: (xhr: unknown) => Record<string, unknown>;
};
const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/django-problem-details.json', import.meta.url), 'utf8'),
) as { cases: Captured[] };

const expected: Record<string, Record<string, unknown>> = {
  drf_validation: {
    message: 'Validation failed',
    code: 'VALIDATION_ERROR',
    errors: { email: ['Enter a valid email address.'], 'address.city': ['This field is required.'] },
    formErrors: [],
  },
  drf_non_field: { message: 'Validation failed', errors: {}, formErrors: ['This name is already registered.'] },
  drf_not_found: { message: 'No order with that number.', code: 'NOT_FOUND', errors: {}, formErrors: [] },
  drf_throttled: { message: 'Request was throttled. Expected available in 30 seconds.', retryAfter: 30 },
  django_form: { message: 'Please check the order.', errors: { email: ['Enter a valid email address.'] } },
  django_form_errors: { errors: {}, formErrors: ['The two e-mail addresses differ.'] },
  django_formset: { errors: { 'form-0-sku': ['This field is required.'] }, formErrors: [] },
  django_not_found: { message: 'Not found.', code: 'NOT_FOUND' },
};

const xhrFor = (captured: Captured, withJson: boolean) => ({
  status: captured.status,
  responseText: JSON.stringify(captured.body),
  ...(withJson ? { responseJSON: captured.body } : {}),
  getResponseHeader: (name: string) => captured.headers[name] ?? null,
});

test('every Django problem-details case has an expectation here', () => {
  assert.deepEqual(cases.map((c) => c.name).sort(), Object.keys(expected).sort());
});

for (const captured of cases) {
  for (const withJson of [true, false]) {
    test(`${captured.name} (${withJson ? 'responseJSON' : 'responseText only'}): message, fields and reference`, () => {
      assert.equal(captured.content_type, 'application/problem+json');
      const error = parseApiError(xhrFor(captured, withJson));
      assert.equal(error.format, 'problem');
      assert.equal(error.status, captured.status);
      assert.equal(error.correlationId, captured.headers['X-Correlation-ID']);
      for (const [key, value] of Object.entries(expected[captured.name] ?? {})) {
        assert.deepEqual(error[key], value, key);
      }
    });
  }
}
