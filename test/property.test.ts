// Properties that hold for every input (SPEC.md behaviours 3, 6 and 8), checked with fast-check:
// parseApiError makes a well-formed ApiError from any body, status and headers and pollutes
// nothing; flattening does not depend on key order; the default field renderer marks exactly
// the elements SPEC's four lookups name, whatever the field name.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS, parseApiError } from '../src/parse/index.ts';
import { KIND_MESSAGES } from '../src/parse/kinds.ts';
import type { ApiError } from '../src/types.ts';
import { openPage, type TestPage } from './helpers/page.ts';

/** Moderate run counts: the whole file stays well under 20 s. */
const RUNS = { numRuns: 500 };
const FORMATS = ['envelope', 'problem', 'jsonapi', 'standardized', 'django', 'laravel', 'drf', 'none'];

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Any string, ASCII with controls, full Unicode, and lone surrogate halves. */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', 'a', '\u200B', '\uFEFF', ' ') }),
);

/** Field-name characters that break naive selectors, attribute values and paths. */
const NASTY_UNITS = [
  '"', "'", '[', ']', '\\', '\n', '\r', '\f', '\t', '.', '#', ' ', 'a', 'b', 'A', 'B', '0', '1', '-', '_',
  ',', '*', '=', '~', '|', '^', '$', ':', '(', ')', '>', '+', '{', '}', '/', '\u0000', '\u007f',
  'é', 'É', '\uD83D\uDE00', '\u200B', '\uD800', '\uDFFF', '\uFFFD', '&', '__proto__', 'non_field_errors', 'id_',
];
const nastyString = fc.string({ unit: fc.constantFrom(...NASTY_UNITS), maxLength: 8 });
const fieldName = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nastyString, anyString);

/** Keys that a hostile body may use to reach a prototype, mixed with ordinary ones. */
const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'valueOf', 'hasOwnProperty',
    'error', 'errors', 'detail', 'message', 'title', 'type', 'non_field_errors', '__all__', 'source',
    'pointer', 'attr', 'code', 'status', 'correlation_id', '0', '1',
  ),
  fc.string({ maxLength: 6 }),
);

/** JSON-shaped values whose keys come from hostileKey (fc.jsonValue rarely says `__proto__`). */
const { hostileJson } = fc.letrec<{ hostileJson: unknown }>((tie) => ({
  hostileJson: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('hostileJson'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('hostileJson'), { maxKeys: 5 }),
  ),
}));

/** What getResponseHeader may do: answer a string, null, junk, or throw. */
const headerBehaviour = fc.oneof(
  fc.constant({ kind: 'missing' as const }),
  fc.constant({ kind: 'throws' as const }),
  fc.constant({ kind: 'null' as const }),
  fc.record({ kind: fc.constant('string' as const), value: anyString }),
  fc.record({ kind: fc.constant('junk' as const), value: fc.oneof(fc.integer(), fc.constant({}), fc.constant(['a']), fc.constant(undefined)) }),
);
type HeaderBehaviour = typeof headerBehaviour extends fc.Arbitrary<infer T> ? T : never;

function xhrWith(base: Record<string, unknown>, header: HeaderBehaviour): Record<string, unknown> {
  if (header.kind === 'missing') return base;
  return {
    ...base,
    getResponseHeader: (_name: string): unknown => {
      if (header.kind === 'throws') throw new Error('getResponseHeader');
      if (header.kind === 'null') return null;
      return header.value;
    },
  };
}

const status = fc.integer({ min: 0, max: 599 });
const textStatus = fc.constantFrom(undefined, 'error', 'timeout', 'parsererror', 'abort', 'canceled', 'success');

// ---------------------------------------------------------------------------------------------
// The shape every ApiError must have

const objectPrototypeKeys = Reflect.ownKeys(Object.prototype);
const arrayPrototypeKeys = Reflect.ownKeys(Array.prototype);

function assertNothingPolluted(): void {
  assert.deepEqual(Reflect.ownKeys(Object.prototype), objectPrototypeKeys, 'Object.prototype keys changed');
  assert.deepEqual(Reflect.ownKeys(Array.prototype), arrayPrototypeKeys, 'Array.prototype keys changed');
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'detail', 'message', 'error', 'errors', 'yes', '0']) {
    assert.equal(probe[key], undefined, `({}).${key} is defined`);
  }
  assert.equal(typeof probe.constructor, 'function');
  assert.equal(typeof probe.toString, 'function');
}

const KIND_SET = ['validation', 'session_expired', 'csrf', 'rate_limited', 'unavailable', 'timeout', 'offline', 'network', 'parse', 'server', 'client'];

function assertWellFormed(error: ApiError, givenStatus: unknown): void {
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.trim().length > 0, 'message is not empty');
  assert.equal(typeof error.code, 'string');
  assert.ok(error.code.length > 0, 'code is not empty');
  assert.ok(KIND_SET.includes(error.kind), `kind ${error.kind} is one of the set`);
  assert.ok(Number.isInteger(error.status), 'status is an integer');
  assert.ok(error.status === 0 || (error.status >= 100 && error.status <= 599), `status ${error.status} in range`);
  if (typeof givenStatus === 'number' && givenStatus >= 100 && givenStatus <= 599 && Number.isInteger(givenStatus)) {
    assert.equal(error.status, givenStatus, "the response's status wins");
  }

  const errors = error.errors;
  assert.equal(Object.prototype.toString.call(errors), '[object Object]');
  const errorsPrototype = Object.getPrototypeOf(errors);
  assert.ok(errorsPrototype === Object.prototype || errorsPrototype === null, 'errors is a plain object');
  const paths = Reflect.ownKeys(errors);
  assert.ok(paths.length <= LIMITS.fields, `${paths.length} fields`);
  for (const path of paths) {
    assert.equal(typeof path, 'string');
    assert.ok((path as string).length > 0, 'no empty path');
    assert.ok(!(path as string).split('.').includes('__proto__'), `path ${String(path)} goes through __proto__`);
    const descriptor = Object.getOwnPropertyDescriptor(errors, path)!;
    assert.ok('value' in descriptor && descriptor.enumerable, 'a plain enumerable data property');
    const messages: unknown = descriptor.value;
    assert.ok(Array.isArray(messages), 'messages are an array');
    assert.equal(Object.getPrototypeOf(messages), Array.prototype);
    assert.ok(messages.length >= 1 && messages.length <= LIMITS.messagesPerField, `${messages.length} messages`);
    for (const message of messages) {
      assert.equal(typeof message, 'string');
      assert.ok(message.trim().length > 0, 'no empty message');
    }
  }

  assert.ok(Array.isArray(error.formErrors));
  assert.ok(error.formErrors.length <= LIMITS.formErrors);
  for (const message of error.formErrors) {
    assert.equal(typeof message, 'string');
    assert.ok(message.trim().length > 0);
  }
  assert.ok(error.correlationId === null || (typeof error.correlationId === 'string' && error.correlationId.length > 0));
  assert.ok(error.timestamp === null || typeof error.timestamp === 'string');
  const { retryAfter } = error;
  assert.ok(retryAfter === null || (Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 86400), `retryAfter ${retryAfter}`);
  assert.ok(FORMATS.includes(error.format), `format ${error.format}`);
}

/** parseApiError must not throw: a throw fails the property with its own stack. */
function parsed(xhr: unknown, textStatusValue?: string): ApiError {
  return parseApiError(xhr, textStatusValue, '');
}

// ---------------------------------------------------------------------------------------------
// parseApiError

describe('parseApiError on any input', () => {
  test('any JSON value as responseJSON, any status, any headers: a well-formed ApiError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), status, headerBehaviour, textStatus, (body, code, header, text) => {
        const error = parsed(xhrWith({ status: code, responseJSON: body }, header), text);
        assertWellFormed(error, code);
        assertNothingPolluted();
      }),
      RUNS,
    );
  });

  test('any JSON value as responseText (serialised), any status, any headers: a well-formed ApiError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), status, headerBehaviour, textStatus, (body, code, header, text) => {
        const error = parsed(xhrWith({ status: code, responseText: JSON.stringify(body) }, header), text);
        assertWellFormed(error, code);
        assertNothingPolluted();
      }),
      RUNS,
    );
  });

  test('any string as responseText (HTML, broken JSON, controls): well formed, and never shown raw', () => {
    const text = fc.oneof(anyString, fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)), fc.constant('<html><body>Server Error (500)</body></html>'));
    fc.assert(
      fc.property(text, status, headerBehaviour, (body, code, header) => {
        const error = parsed(xhrWith({ status: code, responseText: body }, header), 'error');
        assertWellFormed(error, code);
        const trimmed = body.trim();
        if (trimmed.charAt(0) !== '{' && trimmed.charAt(0) !== '[') {
          assert.equal(error.format, 'none', 'a body that is not JSON is not read');
          assert.equal(error.raw, null);
          assert.equal(error.message, KIND_MESSAGES[error.kind] ?? 'Request failed.', 'a built-in message, never the body');
        }
      }),
      RUNS,
    );
  });

  test('any value in the status and response properties (wrong types, getters that throw)', () => {
    const junk = fc.oneof(fc.anything(), fc.constant(NaN), fc.constant(Infinity), fc.constant(-1), fc.constant(400.5), fc.constant('400'));
    const throwing = fc.constantFrom('status', 'responseJSON', 'responseText', 'getResponseHeader');
    fc.assert(
      fc.property(junk, junk, junk, fc.option(throwing), (statusValue, json, text, thrower) => {
        const xhr: Record<string, unknown> = { status: statusValue, responseJSON: json, responseText: text };
        if (thrower) {
          Object.defineProperty(xhr, thrower, { get: () => { throw new Error(thrower); }, enumerable: true });
        }
        const error = parsed(xhr);
        assertWellFormed(error, thrower === 'status' ? undefined : statusValue);
        assertNothingPolluted();
      }),
      RUNS,
    );
  });

  test('a header value becomes the correlation id, trimmed and cut to 200, when the body has none', () => {
    fc.assert(
      fc.property(anyString, status, (value, code) => {
        const error = parsed(xhrWith({ status: code, responseText: '' }, { kind: 'string', value }));
        const expected = value.trim() === '' ? null : value.trim().slice(0, 200);
        assert.equal(error.correlationId, expected);
      }),
      RUNS,
    );
  });

  test('__proto__, constructor and prototype keys (via JSON.parse) pollute nothing, as JSON or as text', () => {
    fc.assert(
      fc.property(hostileJson, status, (value, code) => {
        // JSON.parse makes `__proto__` an own key, the way a response body does.
        const text = JSON.stringify(value);
        const fromText = parsed({ status: code, responseText: text }, 'error');
        assertWellFormed(fromText, code);
        const fromJson = parsed({ status: code, responseJSON: JSON.parse(text) }, 'error');
        assertWellFormed(fromJson, code);
        assert.deepEqual(fromJson.errors, fromText.errors);
        assertNothingPolluted();
      }),
      RUNS,
    );
  });

  test('__proto__ wrapped around every reader format pollutes nothing', () => {
    const poison = fc.constantFrom(
      '{"__proto__": {"polluted": ["yes"]}}',
      '{"error": {"message": "m", "errors": {"__proto__": {"polluted": ["yes"]}}}}',
      '{"error": {"__proto__": {"polluted": "yes"}, "message": "m"}}',
      '{"title": "t", "errors": [{"pointer": "/__proto__/polluted", "detail": "yes"}]}',
      '{"errors": [{"detail": "yes", "source": {"pointer": "/data/attributes/__proto__/polluted"}}]}',
      '{"type": "validation_error", "errors": [{"code": "c", "detail": "yes", "attr": "__proto__.polluted"}]}',
      '{"message": "m", "errors": {"__proto__": ["yes"], "constructor": {"prototype": {"polluted": ["yes"]}}}}',
      '{"detail": {"__proto__": {"polluted": ["yes"]}}}',
      '[{"__proto__": {"polluted": ["yes"]}}]',
    );
    fc.assert(
      fc.property(poison, hostileJson, (text, extra) => {
        const body = JSON.parse(text) as Record<string, unknown>;
        const withExtra = Array.isArray(body) ? body : { ...body, extra };
        for (const xhr of [{ status: 400, responseText: JSON.stringify(withExtra) }, { status: 400, responseJSON: JSON.parse(JSON.stringify(withExtra)) }]) {
          const error = parsed(xhr, 'error');
          assertWellFormed(error, 400);
          assert.ok(!Object.keys(error.errors).some((path) => path.split('.').includes('__proto__')));
        }
        assertNothingPolluted();
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Flattening

/** A deterministic shuffle driven by `seed` (mulberry32). */
function shuffler(seed: number): <T>(items: T[]) => T[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as (typeof copy)[number], copy[index] as (typeof copy)[number]];
    }
    return copy;
  };
}

/** The same value with the keys of every object, at every depth, in another order. */
function reorderKeys(value: unknown, shuffle: <T>(items: T[]) => T[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, shuffle));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of shuffle(Object.keys(value))) {
    Object.defineProperty(copy, key, { value: reorderKeys((value as Record<string, unknown>)[key], shuffle), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Paths with their messages sorted: what must not depend on key order. */
function fieldSummary(error: ApiError): Record<string, string[]> {
  const summary: Record<string, string[]> = {};
  for (const path of Object.keys(error.errors).sort()) summary[path] = (error.errors[path] as string[]).slice().sort();
  return summary;
}

/** Below every bound: then no message is dropped, so the order of visits cannot matter. */
function withinBounds(error: ApiError): boolean {
  const paths = Object.keys(error.errors);
  return (
    paths.length < LIMITS.fields &&
    paths.every((path) => (error.errors[path] as string[]).length < LIMITS.messagesPerField) &&
    error.formErrors.length < LIMITS.formErrors
  );
}

/** DRF-shaped error bodies: maps of fields to message lists, nested serializers, lists of them. */
const plainKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/).filter((key) => !['error', 'errors', 'detail', 'message', 'title', 'type', 'non_field_errors'].includes(key));
const messageText = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() === text && text !== '');
const { drfErrors } = fc.letrec<{ drfErrors: unknown; drfNode: unknown }>((tie) => ({
  drfErrors: fc.dictionary(plainKey, tie('drfNode'), { minKeys: 1, maxKeys: 4 }),
  drfNode: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.array(messageText, { minLength: 1, maxLength: 3 }),
    tie('drfErrors'),
    fc.array(fc.oneof(tie('drfErrors'), fc.constant({})), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.integer({ min: 0, max: 5 }).map(String), fc.array(messageText, { minLength: 1, maxLength: 2 }), { minKeys: 1, maxKeys: 3 }),
  ),
}));

/** An independent reading of SPEC behaviour 3 for DRF bodies: every leaf at its dotted path. */
function expectedPaths(value: unknown, path: string[] = [], into: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item !== null && typeof item === 'object') expectedPaths(item, path.concat(String(index)), into);
      else (into[path.join('.')] ??= []).push(String(item));
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) expectedPaths((value as Record<string, unknown>)[key], path.concat(key), into);
  }
  return into;
}

describe('flattening', () => {
  test('the same body with its keys shuffled (recursively) gives the same paths and messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), hostileJson, drfErrors), fc.integer(), status, (body, seed, code) => {
        const original = parsed({ status: code, responseJSON: body }, 'error');
        fc.pre(withinBounds(original));
        const shuffled = parsed({ status: code, responseJSON: reorderKeys(body, shuffler(seed)) }, 'error');
        assert.deepEqual(fieldSummary(shuffled), fieldSummary(original));
        assert.deepEqual(shuffled.formErrors.slice().sort(), original.formErrors.slice().sort());
        assert.equal(shuffled.format, original.format);
        assert.equal(shuffled.code, original.code);
      }),
      RUNS,
    );
  });

  test('a DRF field map flattens to exactly the dotted path of every message', () => {
    fc.assert(
      fc.property(drfErrors, (body) => {
        const expected = expectedPaths(body);
        fc.pre(Object.keys(expected).length <= LIMITS.fields);
        const error = parsed({ status: 400, responseJSON: body }, 'error');
        assert.equal(error.format, 'drf');
        assert.deepEqual(fieldSummary(error), fieldSummary({ errors: expected } as ApiError));
        assert.deepEqual(error.formErrors, []);
        assert.equal(error.code, Object.keys(expected).length ? 'VALIDATION_ERROR' : 'UNKNOWN_ERROR');
      }),
      RUNS,
    );
  });

  test('DRF 3.18 index-keyed dicts and DRF 3.14 lists give the same paths', () => {
    const listOf = fc.array(fc.option(fc.dictionary(plainKey, fc.array(messageText, { minLength: 1, maxLength: 2 }), { minKeys: 1, maxKeys: 3 }), { nil: {} }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(plainKey, listOf, (name, items) => {
        const asDict: Record<string, unknown> = {};
        items.forEach((item, index) => {
          if (Object.keys(item as object).length) asDict[String(index)] = item;
        });
        const fromList = parsed({ status: 400, responseJSON: { [name]: items } });
        const fromDict = parsed({ status: 400, responseJSON: { [name]: asDict } });
        assert.deepEqual(fieldSummary(fromDict), fieldSummary(fromList));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The default field renderer, in jsdom with the built plugin

const bracketName = (path: string): string => {
  const parts = path.split('.');
  return parts[0] + parts.slice(1).map((part) => `[${part}]`).join('');
};
const djangoId = (path: string): string => 'id_' + path.split('.').join('-');

/** SPEC behaviour 6's lookups, in order, by comparing attribute values: no selectors involved. */
function expectedMarked(inputs: Element[], field: string): Element[] {
  if (field === '') return [];
  const usable = inputs.filter((input) => input.getAttribute('type') !== 'hidden');
  const lookups: Array<(input: Element) => boolean> = [
    (input) => input.getAttribute('data-api-field') === field,
    (input) => input.getAttribute('name') === field,
    (input) => input.getAttribute('name') === bracketName(field),
    (input) => input.getAttribute('id') === djangoId(field),
  ];
  for (const lookup of lookups) {
    const found = usable.filter(lookup);
    if (found.length) return found;
  }
  return [];
}

interface InputSpec {
  attribute: 'name' | 'data-api-field' | 'id';
  value: string;
  hidden: boolean;
}

/** The form's inputs, and the field to render: one of their names (maybe rewritten) or any string. */
const rendererCase = fc
  .array(
    fc.record({
      attribute: fc.constantFrom('name' as const, 'name' as const, 'data-api-field' as const, 'id' as const),
      value: fieldName,
      hidden: fc.boolean(),
    }),
    { minLength: 0, maxLength: 6 },
  )
  .chain((inputs) =>
    fc.record({
      inputs: fc.constant(inputs),
      field: inputs.length
        ? fc.oneof(
            fieldName,
            fc.constantFrom(...inputs.map((input) => input.value)),
            fc.constantFrom(...inputs.map((input) => input.value)).map((value) => value.replace(/\[/g, '.').replace(/\]/g, '')),
            fc.constantFrom(...inputs.map((input) => input.value)).map((value) => value.replace(/^id_/, '').replace(/-/g, '.')),
          )
        : fieldName,
    }),
  );

let rendererPage: TestPage;
before(() => {
  rendererPage = openPage({ origin: 'http://127.0.0.1:9', jquery: '3.7', body: '<p id="outside">outside</p>' });
});
after(() => rendererPage.close());

/** A NUL or a surrogate half that is not part of a pair. */
const UNSELECTABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function renderCase(inputs: InputSpec[], field: string): void {
  const page = rendererPage;
  const doc = page.document;
  const outsideForm = doc.createElement('form');
  const form = doc.createElement('form');
  const elements: Element[] = [];
  for (const spec of inputs) {
    const input = doc.createElement('input');
    input.setAttribute(spec.attribute, spec.value);
    if (spec.hidden) input.setAttribute('type', 'hidden');
    form.appendChild(input);
    elements.push(input);
    // The same name outside the scope must never be touched.
    const twin = doc.createElement('input');
    twin.setAttribute(spec.attribute, spec.value);
    outsideForm.appendChild(twin);
  }
  doc.body.appendChild(form);
  doc.body.appendChild(outsideForm);
  const before = doc.getElementsByTagName('*').length;
  try {
    const expected = expectedMarked(elements, field);
    // No CSS selector can name a NUL or a lone surrogate (an escape of either reads as U+FFFD):
    // for those names the renderer may find nothing, but never anything else.
    const exact = !UNSELECTABLE.test(field);
    const error = page.ApiErrors.parseApiError({ status: 400 });
    let result: unknown;
    assert.doesNotThrow(() => {
      result = page.ApiErrors.defaultRenderField(field, ['m'], error, { scope: form });
    }, `defaultRenderField(${JSON.stringify(field)}) threw`);
    const marked = Array.from(doc.querySelectorAll('[aria-invalid="true"], .is-invalid'));
    const markedIndexes = marked.map((element) => elements.indexOf(element));
    const expectedIndexes = expected.map((element) => elements.indexOf(element));
    if (exact || markedIndexes.length) {
      assert.deepEqual(markedIndexes, expectedIndexes, `field ${JSON.stringify(field)} marked the wrong elements`);
    }
    assert.equal(result, marked.length > 0, 'returns whether an element took the field');
    // At most one element was drawn: the message holder (a div holding the visually hidden
    // "Error:" span and one div of text).
    assert.equal(doc.getElementsByTagName('*').length, before + (marked.length ? 3 : 0));
    for (const twin of Array.from(outsideForm.children)) assert.equal(twin.hasAttribute('aria-invalid'), false);
    page.ApiErrors.clearFieldErrors(form);
    assert.equal(doc.querySelectorAll('[aria-invalid], .is-invalid, .api-errors-message').length, 0);
  } finally {
    form.remove();
    outsideForm.remove();
  }
}

describe('the default field renderer', () => {
  test('never throws and marks exactly the elements SPEC names, for any field name (setAttribute-built forms)', () => {
    fc.assert(fc.property(rendererCase, ({ inputs, field }) => renderCase(inputs, field)), RUNS);
  });

  test('hidden inputs are never marked, whatever their name', () => {
    fc.assert(
      fc.property(fieldName, (name) => {
        renderCase([{ attribute: 'name', value: name, hidden: true }], name);
      }),
      { numRuns: 200 },
    );
  });

  test('a field name of quotes, brackets, backslashes and newlines matches only its own input', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nastyString, { minLength: 2, maxLength: 6 }), fc.nat(), (names, pick) => {
        const inputs = names.map((value) => ({ attribute: 'name' as const, value, hidden: false }));
        renderCase(inputs, names[pick % names.length] as string);
      }),
      RUNS,
    );
  });

  test('a field name with a NUL or a lone surrogate never marks the input named U+FFFD', () => {
    for (const field of ['\u0000', 'a\u0000', '\uD800', '\uDFFF']) {
      const form = rendererPage.document.createElement('form');
      const input = rendererPage.document.createElement('input');
      input.setAttribute('name', field.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD'));
      form.appendChild(input);
      rendererPage.document.body.appendChild(form);
      const taken = rendererPage.ApiErrors.defaultRenderField(field, ['m'], undefined, { scope: form });
      form.remove();
      assert.deepEqual([taken, input.getAttribute('aria-invalid')], [false, null], `field ${JSON.stringify(field)}`);
    }
  });

  test('names that differ only in letter case: only the exact one is marked', () => {
    for (const [field, other] of [['address.City', 'address.city'], ['<SCRIPT>', '<script>'], ['Items[0]', 'items[0]']] as const) {
      const form = rendererPage.document.createElement('form');
      const exact = rendererPage.document.createElement('input');
      const variant = rendererPage.document.createElement('input');
      exact.setAttribute('name', field);
      variant.setAttribute('name', other);
      form.append(exact, variant);
      rendererPage.document.body.appendChild(form);
      rendererPage.ApiErrors.defaultRenderField(field, ['m'], undefined, { scope: form });
      form.remove();
      assert.deepEqual([exact.getAttribute('aria-invalid'), variant.getAttribute('aria-invalid')], ['true', null], `field ${field}`);
    }
  });

  test('look-alike names (other letter case, U+FFFD for a NUL or lone surrogate) are never marked', () => {
    const lookAlikes = (name: string): string[] => [
      name.toUpperCase(),
      name.toLowerCase(),
      name.replace(/\u0000|[\uD800-\uDFFF]/g, '\uFFFD'),
      bracketName(name).toUpperCase(),
      djangoId(name).toUpperCase(),
    ];
    fc.assert(
      fc.property(nastyString, fc.constantFrom('name' as const, 'data-api-field' as const, 'id' as const), (field, attribute) => {
        const values = Array.from(new Set([field, ...lookAlikes(field)]));
        renderCase(values.map((value) => ({ attribute, value, hidden: false })), field);
      }),
      RUNS,
    );
  });

  test('non-string field names and scopes are refused without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (field) => {
        const form = rendererPage.document.createElement('form');
        const input = rendererPage.document.createElement('input');
        let name = 'field';
        try {
          name = String(field);
        } catch {
          // fc.anything() makes objects whose toString is not a function
        }
        input.setAttribute('name', name);
        form.appendChild(input);
        const result = rendererPage.ApiErrors.defaultRenderField(field, ['m'], undefined, { scope: form });
        assert.equal(result, typeof field === 'string' && field !== '' && input.hasAttribute('aria-invalid'));
        if (typeof field !== 'string') assert.equal(input.hasAttribute('aria-invalid'), false);
      }),
      { numRuns: 200 },
    );
  });
});
