// Each body format SPEC.md names, read into a whole ApiError: one table row per realistic body.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseApiError } from '../../src/parse/index.ts';
import type { ApiError } from '../../src/types.ts';

interface Row {
  name: string;
  status: number;
  body: unknown;
  expected: Omit<ApiError, 'raw'>;
}

const none = { correlationId: null, timestamp: null } as const;

const rows: Row[] = [
  {
    name: 'envelope: the SPEC example with nested field errors',
    status: 400,
    body: {
      error: {
        message: 'Validation failed',
        code: 'VALIDATION_ERROR',
        status: 400,
        errors: {
          email: ['Enter a valid email address.'],
          address: { city: ['This field is required.'] },
          items: [{}, { qty: ['Ensure this value is greater than or equal to 1.'] }],
        },
        timestamp: '2026-11-24T12:00:00+00:00',
        correlation_id: '6f1c0b7e',
      },
    },
    expected: {
      message: 'Validation failed',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: {
        email: ['Enter a valid email address.'],
        'address.city': ['This field is required.'],
        'items.1.qty': ['Ensure this value is greater than or equal to 1.'],
      },
      formErrors: [],
      correlationId: '6f1c0b7e',
      timestamp: '2026-11-24T12:00:00+00:00',
      format: 'envelope',
    },
  },
  {
    name: 'envelope: non_field_errors beside errors, numeric code and correlation id',
    status: 409,
    body: {
      error: {
        message: '  Conflict  ',
        code: 4090,
        errors: { non_field_errors: ['Already booked.'] },
        non_field_errors: ['Pick another slot.'],
        correlation_id: 98765,
      },
    },
    expected: {
      message: 'Conflict',
      code: '4090',
      kind: 'validation',
      status: 409,
      errors: {},
      formErrors: ['Already booked.', 'Pick another slot.'],
      correlationId: '98765',
      timestamp: null,
      format: 'envelope',
    },
  },
  {
    name: 'envelope: OAuth-style string error prefers error_description',
    status: 400,
    body: { error: 'invalid_grant', error_description: 'Invalid credentials given.' },
    expected: {
      message: 'Invalid credentials given.',
      code: 'UNKNOWN_ERROR',
      kind: 'client',
      status: 400,
      errors: {},
      formErrors: [],
      ...none,
      format: 'envelope',
    },
  },
  {
    name: 'envelope: a bare string error is the message',
    status: 500,
    body: { error: 'Database unavailable' },
    expected: {
      message: 'Database unavailable',
      code: 'UNKNOWN_ERROR',
      kind: 'server',
      status: 500,
      errors: {},
      formErrors: [],
      ...none,
      format: 'envelope',
    },
  },
  {
    name: 'problem: RFC 9457 example, detail is the message',
    status: 403,
    body: {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
    },
    expected: {
      message: 'Your current balance is 30, but that costs 50.',
      code: 'UNKNOWN_ERROR',
      kind: 'client',
      status: 403,
      errors: {},
      formErrors: [],
      // No envelope id and no header: the problem's `instance` is what support can look up.
      correlationId: '/account/12345/msgs/abc',
      timestamp: null,
      format: 'problem',
    },
  },
  {
    name: 'problem: RFC 7807 invalid-params become field errors, title the message',
    status: 400,
    body: {
      type: 'https://example.net/validation-error',
      title: "Your request parameters didn't validate.",
      'invalid-params': [
        { name: 'age', reason: 'must be a positive integer' },
        { name: 'color', reason: "must be 'green', 'red' or 'blue'" },
      ],
    },
    expected: {
      message: "Your request parameters didn't validate.",
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { age: ['must be a positive integer'], color: ["must be 'green', 'red' or 'blue'"] },
      formErrors: [],
      ...none,
      format: 'problem',
    },
  },
  {
    name: 'problem: RFC 9457 errors with JSON pointers and a string code',
    status: 422,
    body: {
      type: 'https://example.net/validation-error',
      title: 'Your request is not valid.',
      code: 'validation_failed',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
        { detail: 'too many', pointer: '#/items/1/qty' },
        { detail: 'The order is closed.' },
      ],
    },
    expected: {
      message: 'Your request is not valid.',
      code: 'validation_failed',
      kind: 'validation',
      status: 422,
      errors: {
        age: ['must be a positive integer'],
        'profile.color': ["must be 'green', 'red' or 'blue'"],
        'items.1.qty': ['too many'],
      },
      formErrors: ['The order is closed.'],
      ...none,
      format: 'problem',
    },
  },
  {
    name: 'problem: errors as a field map (ASP.NET ValidationProblemDetails)',
    status: 400,
    body: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { Email: ['The Email field is required.'], 'Address.City': ['Too long.'] },
    },
    expected: {
      message: 'One or more validation errors occurred.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { Email: ['The Email field is required.'], 'Address.City': ['Too long.'] },
      formErrors: [],
      ...none,
      format: 'problem',
    },
  },
  {
    name: 'problem: invalid_params with field/message entries and a nameless one',
    status: 400,
    body: {
      type: 'urn:problem:validation',
      detail: 'Check the highlighted fields.',
      invalid_params: [
        { field: 'address.zip', message: 'Unknown postcode.' },
        { reason: 'Too many requests in one batch.' },
      ],
    },
    expected: {
      message: 'Check the highlighted fields.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { 'address.zip': ['Unknown postcode.'] },
      formErrors: ['Too many requests in one batch.'],
      ...none,
      format: 'problem',
    },
  },
  {
    name: 'problem: type and status only, no text at all',
    status: 404,
    body: { type: 'about:blank', status: 404 },
    expected: {
      message: 'Request failed.',
      code: 'UNKNOWN_ERROR',
      kind: 'client',
      status: 404,
      errors: {},
      formErrors: [],
      ...none,
      format: 'problem',
    },
  },
  {
    name: 'jsonapi: the spec example, pointer under /data/attributes',
    status: 422,
    body: {
      errors: [
        {
          status: '422',
          source: { pointer: '/data/attributes/firstName' },
          title: 'Invalid Attribute',
          detail: 'First name must contain at least two characters.',
        },
      ],
    },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 422,
      errors: { firstName: ['First name must contain at least two characters.'] },
      formErrors: [],
      ...none,
      format: 'jsonapi',
    },
  },
  {
    name: 'jsonapi: code, relationships pointer, parameter and source-less errors',
    status: 400,
    body: {
      errors: [
        { code: 'invalid_filter', title: 'Invalid filter', source: { parameter: 'filter[name]' } },
        { detail: 'Author must exist.', source: { pointer: '/data/relationships/author' } },
        { detail: 'Address city is blank.', source: { pointer: '/data/attributes/address/city' } },
        { title: 'Request body is not a resource object.', source: { pointer: '/data' } },
        { title: 'Try again later.' },
      ],
    },
    expected: {
      message: 'Request body is not a resource object.',
      code: 'invalid_filter',
      kind: 'validation',
      status: 400,
      errors: {
        'filter[name]': ['Invalid filter'],
        author: ['Author must exist.'],
        'address.city': ['Address city is blank.'],
      },
      formErrors: ['Request body is not a resource object.', 'Try again later.'],
      ...none,
      format: 'jsonapi',
    },
  },
  {
    name: 'standardized: validation_error with dotted attrs and non_field_errors',
    status: 400,
    body: {
      type: 'validation_error',
      errors: [
        { code: 'required', detail: 'This field is required.', attr: 'address.city' },
        { code: 'min_value', detail: 'Ensure this value is greater than or equal to 1.', attr: 'items.1.qty' },
        { code: 'invalid', detail: 'The two passwords do not match.', attr: 'non_field_errors' },
        { code: 'invalid', detail: 'Address is incomplete.', attr: 'address.non_field_errors' },
      ],
    },
    expected: {
      message: 'The two passwords do not match.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: {
        'address.city': ['This field is required.'],
        'items.1.qty': ['Ensure this value is greater than or equal to 1.'],
        address: ['Address is incomplete.'],
      },
      formErrors: ['The two passwords do not match.'],
      ...none,
      format: 'standardized',
    },
  },
  {
    name: 'standardized: client_error keeps the first item code (a specific code wins over 401)',
    status: 401,
    body: {
      type: 'client_error',
      errors: [
        { code: 'token_not_valid', detail: 'Authentication credentials were not provided.', attr: null },
      ],
    },
    expected: {
      message: 'Authentication credentials were not provided.',
      code: 'token_not_valid',
      kind: 'validation',
      status: 401,
      errors: {},
      formErrors: ['Authentication credentials were not provided.'],
      ...none,
      format: 'standardized',
    },
  },
  {
    name: 'standardized: server_error without attr keys (code + detail)',
    status: 500,
    body: { type: 'server_error', errors: [{ code: 'error', detail: 'A server error occurred.' }] },
    expected: {
      message: 'A server error occurred.',
      code: 'error',
      kind: 'server',
      status: 500,
      errors: {},
      formErrors: ['A server error occurred.'],
      ...none,
      format: 'standardized',
    },
  },
  {
    name: 'laravel: message plus errors map',
    status: 422,
    body: {
      message: 'The email field is required. (and 1 more error)',
      errors: {
        email: ['The email field is required.'],
        'items.1.qty': ['The items.1.qty field must be at least 1.'],
      },
    },
    expected: {
      message: 'The email field is required. (and 1 more error)',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 422,
      errors: {
        email: ['The email field is required.'],
        'items.1.qty': ['The items.1.qty field must be at least 1.'],
      },
      formErrors: [],
      ...none,
      format: 'laravel',
    },
  },
  {
    name: 'laravel: message only (401 is an expired session)',
    status: 401,
    body: { message: 'Unauthenticated.' },
    expected: {
      message: 'Unauthenticated.',
      code: 'SESSION_EXPIRED',
      kind: 'session_expired',
      status: 401,
      errors: {},
      formErrors: [],
      ...none,
      format: 'laravel',
    },
  },
  {
    name: 'laravel: errors map alone',
    status: 422,
    body: { errors: { name: ['The name field is required.'] } },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 422,
      errors: { name: ['The name field is required.'] },
      formErrors: [],
      ...none,
      format: 'laravel',
    },
  },
  {
    name: 'drf: detail with a code (simplejwt): a 401 with words of its own is that message, not an expired session',
    status: 401,
    body: { detail: 'Given token not valid for any token type', code: 'token_not_valid', messages: [] },
    expected: {
      message: 'Given token not valid for any token type',
      code: 'token_not_valid',
      kind: 'client',
      status: 401,
      errors: {},
      formErrors: [],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: a list under detail is a field named detail, beside the others',
    status: 400,
    body: { detail: ['This field is required.'], name: ['This field may not be blank.'] },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { detail: ['This field is required.'], name: ['This field may not be blank.'] },
      formErrors: [],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: an error object of lists is a nested serializer named error, not the envelope',
    status: 400,
    body: { error: { code: ['Enter a code.'] }, name: ['This field may not be blank.'] },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { 'error.code': ['Enter a code.'], name: ['This field may not be blank.'] },
      formErrors: [],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: an object under detail is a nested serializer named detail, not DRF\'s detail',
    status: 400,
    body: { detail: { email: ['Enter a valid email address.'], non_field_errors: ['Nope.'] } },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { 'detail.email': ['Enter a valid email address.'], detail: ['Nope.'] },
      formErrors: [],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: 3.18 lists as dicts keyed by index',
    status: 400,
    body: {
      items: { '1': { qty: ['Ensure this value is greater than or equal to 1.'] } },
      tags: { '0': ['A valid integer is required.'] },
    },
    expected: {
      message: 'Request failed.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: {
        'items.1.qty': ['Ensure this value is greater than or equal to 1.'],
        'tags.0': ['A valid integer is required.'],
      },
      formErrors: [],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: nested non_field_errors go to the parent, __all__ to the form',
    status: 400,
    body: {
      address: { non_field_errors: ['Address is incomplete.'], city: ['Unknown city.'] },
      __all__: ['Please correct the errors below.'],
    },
    expected: {
      message: 'Please correct the errors below.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { address: ['Address is incomplete.'], 'address.city': ['Unknown city.'] },
      formErrors: ['Please correct the errors below.'],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'drf: a root list mixes form errors and indexed items',
    status: 400,
    body: ['The batch is too large.', { sku: ['This field may not be blank.'] }],
    expected: {
      message: 'The batch is too large.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { '1.sku': ['This field may not be blank.'] },
      formErrors: ['The batch is too large.'],
      ...none,
      format: 'drf',
    },
  },
  {
    name: 'none: a JSON object that matches no format is kept as raw only',
    status: 500,
    body: { ok: false, reason: 42 },
    expected: {
      message: 'Request failed.',
      code: 'UNKNOWN_ERROR',
      kind: 'server',
      status: 500,
      errors: {},
      formErrors: [],
      ...none,
      format: 'none',
    },
  },
  {
    name: "django: form.errors.get_json_data(), a field's messages in order and __all__ as the form's",
    status: 400,
    body: {
      email: [{ message: 'Enter a valid email address.', code: 'invalid' }],
      password: [
        { message: 'This password is too short. It must contain at least 8 characters.', code: 'password_too_short' },
        { message: 'This password is too common.', code: 'password_too_common' },
      ],
      __all__: [{ message: 'The passwords do not match.', code: '' }],
    },
    expected: {
      message: 'The passwords do not match.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: {
        email: ['Enter a valid email address.'],
        password: ['This password is too short. It must contain at least 8 characters.', 'This password is too common.'],
      },
      formErrors: ['The passwords do not match.'],
      ...none,
      format: 'django',
    },
  },
  {
    name: "django: the same under `errors`, with a formset's prefixed names and a message beside",
    status: 400,
    body: {
      message: 'Please check the order.',
      errors: {
        'form-1-qty': [{ message: 'Ensure this value is greater than or equal to 1.', code: 'min_value' }],
        'form-0-sku': [{ message: 'This field is required.', code: 'required' }],
      },
    },
    expected: {
      message: 'Please check the order.',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: {
        'form-1-qty': ['Ensure this value is greater than or equal to 1.'],
        'form-0-sku': ['This field is required.'],
      },
      formErrors: [],
      ...none,
      format: 'django',
    },
  },
  {
    name: "envelope from drf-api-errors' form_error_response: a formset's input names and __all__",
    status: 400,
    body: {
      error: {
        message: 'Validation failed',
        code: 'VALIDATION_ERROR',
        status: 400,
        errors: { 'form-1-qty': ['Ensure this value is greater than or equal to 1.'], __all__: ['Each product can be on one line only.'] },
      },
    },
    expected: {
      message: 'Validation failed',
      code: 'VALIDATION_ERROR',
      kind: 'validation',
      status: 400,
      errors: { 'form-1-qty': ['Ensure this value is greater than or equal to 1.'] },
      formErrors: ['Each product can be on one line only.'],
      ...none,
      format: 'envelope',
    },
  },
];

for (const row of rows) {
  test(row.name, () => {
    const error = parseApiError({ status: row.status, responseJSON: row.body }, 'error', 'Bad Request');
    const { raw, retryAfter, ...rest } = error;
    assert.deepEqual(rest, row.expected);
    assert.equal(raw, row.body);
    assert.equal(retryAfter, null);
  });
}

test('field order is the server order', () => {
  const error = parseApiError({
    status: 400,
    responseJSON: { zeta: ['z'], alpha: { beta: ['b'] }, mid: ['m'] },
  });
  assert.deepEqual(Object.keys(error.errors), ['zeta', 'alpha.beta', 'mid']);
});
