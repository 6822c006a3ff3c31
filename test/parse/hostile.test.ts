// Bad input never breaks the parser (SPEC.md behaviour 8): wrong types, prototype keys, huge and
// deeply nested bodies, and the bounds in LIMITS.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LIMITS, parseApiError, parseWithOptions } from '../../src/parse/index.ts';
import type { ApiError } from '../../src/types.ts';

const fallback: ApiError = {
  message: 'The server could not be reached. Check your connection.',
  code: 'NETWORK_ERROR',
  kind: 'network',
  status: 0,
  errors: {},
  formErrors: [],
  correlationId: null,
  timestamp: null,
  retryAfter: null,
  format: 'none',
  raw: null,
};

const notXhrs: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a string', '{"detail": "not an xhr"}'],
  ['a number', 404],
  ['an array', [{ status: 400 }]],
  ['a function', () => 400],
];

for (const [name, value] of notXhrs) {
  test(`xhrLike that is ${name} gives the network fallback`, () => {
    assert.deepEqual(parseApiError(value), fallback);
  });
}

test('getters that throw read as missing', () => {
  const xhr = {
    get status(): number {
      throw new Error('status');
    },
    get responseJSON(): unknown {
      throw new Error('json');
    },
    responseText: '{"detail": "Readable."}',
    getResponseHeader(): string {
      throw new Error('header');
    },
  };
  assert.deepEqual(parseApiError(xhr, 'error'), {
    ...fallback,
    message: 'Readable.',
    format: 'drf',
    raw: { detail: 'Readable.' },
  });
});

test('a body whose reading throws gives a fallback error, not an exception', () => {
  const hostile = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('ownKeys');
      },
      getOwnPropertyDescriptor() {
        throw new Error('descriptor');
      },
    },
  );
  const error = parseWithOptions({ status: 500, responseJSON: hostile }, 'error', '', {
    fallbackMessage: 'Try again.',
  });
  assert.deepEqual(error, { ...fallback, message: 'Try again.', code: 'UNKNOWN_ERROR', kind: 'parse', status: 500 });
});

test('null options, and options whose messages is not an object, do not throw', () => {
  const nullOptions = null as unknown as Record<string, never>;
  assert.equal(parseWithOptions({ status: 404 }, 'error', '', nullOptions).message, 'Request failed.');
  const stringMessages = { messages: 'nope' as unknown as Record<string, string> };
  assert.equal(parseWithOptions({ status: 404 }, 'error', '', stringMessages).message, 'Request failed.');
});

test('numbers and booleans as messages become text; arrays of numbers too', () => {
  const error = parseApiError({ status: 400, responseJSON: { qty: [1, 2.5], agree: [false] } });
  assert.deepEqual(error.errors, { qty: ['1', '2.5'], agree: ['false'] });
});

test('an object with a scalar value beside the fields is not a DRF field map', () => {
  const error = parseApiError({ status: 400, responseJSON: { qty: ['Too many.'], count: 7 } });
  assert.deepEqual([error.format, error.errors, error.message], ['none', {}, 'Request failed.']);
});

test('objects as messages are walked, never stringified', () => {
  const error = parseApiError({
    status: 400,
    responseJSON: { name: [{ code: 'blank', text: '' }, ['Nested list.'], 'Plain.'], email: [null, {}, []] },
  });
  assert.deepEqual(error.errors, { 'name.0.code': ['blank'], 'name.1': ['Nested list.'], name: ['Plain.'] });
  assert.deepEqual(error.formErrors, []);
});

test('wrong types in the envelope are ignored field by field', () => {
  const error = parseApiError({
    status: 400,
    responseJSON: {
      error: { message: { text: 'x' }, code: ['E'], status: 'x', errors: 'Form-level text.', timestamp: {}, correlation_id: [] },
    },
  });
  const { raw, ...rest } = error;
  assert.deepEqual(rest, {
    message: 'Form-level text.',
    code: 'VALIDATION_ERROR',
    kind: 'validation',
    status: 400,
    errors: {},
    formErrors: ['Form-level text.'],
    correlationId: null,
    timestamp: null,
    retryAfter: null,
    format: 'envelope',
  });
  assert.notEqual(raw, null);
});

test('messages are trimmed, empty ones dropped, long ones capped with an ellipsis', () => {
  const long = 'x'.repeat(5000);
  const error = parseApiError({ status: 400, responseJSON: { name: ['  Too short.  ', '', '   ', long] } });
  const messages = error.errors.name as string[];
  assert.equal(messages.length, 2);
  assert.equal(messages[0], 'Too short.');
  assert.equal(messages[1], 'x'.repeat(LIMITS.messageLength - 1) + '…');
});

test('a long path is cut to LIMITS.pathLength', () => {
  const key = 'k'.repeat(300);
  const error = parseApiError({ status: 400, responseJSON: { [key]: ['Too long a name.'] } });
  assert.deepEqual(Object.keys(error.errors), ['k'.repeat(LIMITS.pathLength)]);
});

test('__proto__ keys are dropped and nothing is polluted (JSON.parse)', () => {
  const text =
    '{"__proto__": {"polluted": ["yes"]}, "constructor": {"prototype": {"polluted": ["x"]}},' +
    ' "email": ["bad"], "a": {"__proto__": ["deep"]}}';
  const error = parseApiError({ status: 400, responseText: text });
  assert.deepEqual(Object.keys(error.errors), ['constructor.prototype.polluted', 'email']);
  assert.equal(Object.getPrototypeOf(error.errors), Object.prototype);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
});

test('constructor and prototype are ordinary own fields', () => {
  const error = parseApiError({
    status: 400,
    responseJSON: JSON.parse('{"constructor": ["Taken."], "prototype": ["Odd."], "toString": ["Also odd."]}'),
  });
  assert.deepEqual(Object.keys(error.errors), ['constructor', 'prototype', 'toString']);
  assert.deepEqual(error.errors.constructor, ['Taken.']);
  assert.equal(typeof ({} as { constructor: unknown }).constructor, 'function');
});

test('__proto__ paths from pointers and attrs are dropped', () => {
  const jsonapi = parseApiError({
    status: 422,
    responseJSON: { errors: [{ detail: 'p', source: { pointer: '/data/attributes/__proto__/polluted' } }] },
  });
  assert.deepEqual(jsonapi.errors, {});
  const standardized = parseApiError({
    status: 400,
    responseJSON: { type: 'validation_error', errors: [{ code: 'x', detail: 'p', attr: '__proto__.polluted' }] },
  });
  assert.deepEqual(standardized.errors, {});
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('inherited keys of a body are never read', () => {
  const body = Object.create({ detail: 'inherited', error: { message: 'inherited' } }) as object;
  assert.equal(parseApiError({ status: 500, responseJSON: body }).format, 'none');
});

test('pointer escapes: ~1, ~0 and percent-encoding', () => {
  const error = parseApiError({
    status: 422,
    responseJSON: {
      errors: [
        { detail: 'a', source: { pointer: '/data/attributes/a~1b/c~0d' } },
        { detail: 'b', source: { pointer: '#/first%20name' } },
      ],
    },
  });
  assert.deepEqual(error.errors, { 'a/b.c~d': ['a'], 'first name': ['b'] });
});

test('bounds: 101 fields keep the first 100, in order', () => {
  const body: Record<string, string[]> = {};
  for (let index = 0; index < 101; index += 1) body[`field_${index}`] = ['Required.'];
  const keys = Object.keys(parseApiError({ status: 400, responseJSON: body }).errors);
  assert.equal(keys.length, LIMITS.fields);
  assert.equal(keys[0], 'field_0');
  assert.equal(keys[99], 'field_99');
});

test('bounds: 11 messages for a field keep the first 10', () => {
  const messages = Array.from({ length: 11 }, (_, index) => `Message ${index}.`);
  const error = parseApiError({ status: 400, responseJSON: { name: messages } });
  assert.deepEqual(error.errors.name, messages.slice(0, 10));
});

test('bounds: 11 form errors keep the first 10', () => {
  const messages = Array.from({ length: 11 }, (_, index) => `Form ${index}.`);
  const error = parseApiError({ status: 400, responseJSON: messages });
  assert.deepEqual(error.formErrors, messages.slice(0, 10));
  assert.equal(error.message, 'Form 0.');
});

test('bounds: a message 32 levels down is kept, 33 levels down is dropped', () => {
  const nest = (levels: number): unknown => {
    let value: unknown = ['Deep.'];
    for (let index = 0; index < levels - 1; index += 1) value = { n: value };
    return value;
  };
  const kept = parseApiError({ status: 400, responseJSON: { n: nest(LIMITS.depth) } });
  assert.deepEqual(Object.values(kept.errors), [['Deep.']]);
  assert.equal(Object.keys(kept.errors)[0], Array(LIMITS.depth).fill('n').join('.'));
  const dropped = parseApiError({ status: 400, responseJSON: { n: nest(LIMITS.depth + 1) } });
  assert.deepEqual(dropped.errors, {});
});

test('bounds: work stops after LIMITS.nodes nodes', () => {
  const blanks = Array.from({ length: LIMITS.nodes }, () => '');
  const error = parseApiError({ status: 400, responseJSON: { name: [...blanks, 'Too late.'], other: ['Also late.'] } });
  assert.deepEqual(error.errors, {});
  assert.equal(error.format, 'drf');
});

test('a 10,000-deep object body returns a sane error', () => {
  let body: unknown = ['Bottom.'];
  for (let index = 0; index < 10_000; index += 1) body = { a: body };
  const error = parseApiError({ status: 400, responseJSON: body });
  const { raw, ...rest } = error;
  assert.deepEqual(rest, {
    message: 'Request failed.',
    code: 'UNKNOWN_ERROR',
    kind: 'client',
    status: 400,
    errors: {},
    formErrors: [],
    correlationId: null,
    timestamp: null,
    retryAfter: null,
    format: 'drf',
  });
  assert.equal(raw, body);
});

test('a 10,000-deep list as responseText returns a sane error', () => {
  const text = '['.repeat(10_000) + '"Bottom."' + ']'.repeat(10_000);
  const error = parseApiError({ status: 400, responseText: text });
  assert.equal(error.format, 'drf');
  assert.deepEqual(error.errors, {});
  assert.deepEqual(error.formErrors, []);
  assert.equal(error.message, 'Request failed.');
});

test('a 5 MB message is capped', () => {
  const text = JSON.stringify({ detail: 'y'.repeat(5 * 1024 * 1024) });
  const error = parseApiError({ status: 400, responseText: text });
  assert.equal(error.message.length, LIMITS.messageLength);
  assert.ok(error.message.endsWith('y…'));
});

test('a 5 MB list of messages keeps 10', () => {
  const messages = Array.from({ length: 250_000 }, (_, index) => `Bad row ${index}.`);
  const text = JSON.stringify({ rows: messages });
  assert.ok(text.length > 4_000_000);
  const error = parseApiError({ status: 400, responseText: text });
  assert.deepEqual(error.errors, { rows: messages.slice(0, 10) });
});

test('a 50,000-field body keeps the first 100 fields', () => {
  const body: Record<string, string[]> = {};
  for (let index = 0; index < 50_000; index += 1) body[`f${index}`] = [`Field ${index} is invalid.`];
  const error = parseApiError({ status: 400, responseText: JSON.stringify(body) });
  const keys = Object.keys(error.errors);
  assert.equal(keys.length, 100);
  assert.deepEqual(error.errors.f99, ['Field 99 is invalid.']);
  assert.equal(error.code, 'VALIDATION_ERROR');
});

test('a surrogate pair is never cut in half', () => {
  const emoji = '😀';
  const message = 'a'.repeat(LIMITS.messageLength - 2) + emoji + 'tail';
  const error = parseApiError({ status: 400, responseJSON: { detail: message } });
  assert.equal(error.message, 'a'.repeat(LIMITS.messageLength - 2) + '…');
});
