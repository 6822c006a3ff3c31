// Bursts of one outage: which failures join, when a burst ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { burstPolicy, isBurstKind } from '../../src/policies/burst.ts';
import { DEFAULT_OPTIONS } from '../../src/options.ts';
import { apiError, fakes } from './fakes.ts';

/** A burst that has a toast on screen, as the outage policy leaves it. */
function onScreen(f: ReturnType<typeof fakes>, join: ReturnType<typeof burstPolicy>, error = apiError()) {
  const burst = join(error, error.message);
  if (!burst.handle) burst.handle = f.deps.show(DEFAULT_OPTIONS, { message: error.message, duration: 5000 });
  return burst;
}

test('network, timeout, 5xx and 429 failures are burst kinds; 4xx and failures with field or form errors are not', () => {
  assert.equal(isBurstKind(apiError({ code: 'NETWORK_ERROR', status: 0 })), true);
  assert.equal(isBurstKind(apiError({ code: 'TIMEOUT', status: 0 })), true);
  assert.equal(isBurstKind(apiError({ code: 'SERVER_ERROR', status: 502 })), true);
  assert.equal(isBurstKind(apiError({ code: 'RATE_LIMITED', status: 429 })), true);
  assert.equal(isBurstKind(apiError({ code: 'NOT_FOUND', status: 404 })), false);
  assert.equal(isBurstKind(apiError({ code: 'SESSION_EXPIRED', status: 401 })), false);
  assert.equal(isBurstKind(apiError({ status: 500, errors: { email: ['Taken.'] } })), false);
  assert.equal(isBurstKind(apiError({ status: 500, formErrors: ['Out of stock.'] })), false);
});

test('repeats of one failure (kind, status and message) while its toast is on screen are one burst, counted, however far apart', () => {
  const f = fakes();
  const join = burstPolicy();
  const first = onScreen(f, join);
  const second = join(apiError(), 'Request failed.');
  const third = join(apiError({ correlationId: 'other' }), 'Request failed.');
  assert.equal(second, first);
  assert.equal(third, first);
  assert.equal(first.count, 3);
});

test('another message is another burst: two different server errors are not "2 requests failed"', () => {
  const f = fakes();
  const join = burstPolicy();
  const first = onScreen(f, join, apiError({ message: 'Out of stock.' }));
  const other = join(apiError({ message: 'Price changed.' }), 'Price changed.');
  assert.notEqual(other, first);
  assert.equal(other.count, 1);
});

test('another kind or status is another burst', () => {
  const f = fakes();
  const join = burstPolicy();
  const five = onScreen(f, join, apiError({ code: 'SERVICE_UNAVAILABLE', status: 503 }));
  const other = onScreen(f, join, apiError({ code: 'SERVICE_UNAVAILABLE', status: 502 }));
  const timeout = onScreen(f, join, apiError({ code: 'TIMEOUT', status: 0 }));
  assert.equal(new Set([five, other, timeout]).size, 3);
  assert.equal(join(apiError({ code: 'SERVICE_UNAVAILABLE', status: 503 }), 'Request failed.').count, 2);
});

test('a failure with field errors never joins a burst, even of the same code and status', () => {
  const f = fakes();
  const join = burstPolicy();
  const withFields = apiError({ status: 500, errors: { email: ['Taken.'] } });
  onScreen(f, join, withFields);
  assert.equal(join(withFields, 'Request failed.').count, 1);
});

test('once the person closed the burst\'s toast, the next failure starts a new one', () => {
  const f = fakes();
  const join = burstPolicy();
  const first = onScreen(f, join);
  first.handle!.close();
  assert.equal(join(apiError(), 'Request failed.').count, 1);
});

test('a burst whose toast left with a replaced body is over: the next failure starts a new one', () => {
  const f = fakes();
  const join = burstPolicy();
  const first = onScreen(f, join);
  (first.handle!.element as unknown as { isConnected: boolean }).isConnected = false;
  assert.equal(join(apiError(), 'Request failed.').count, 1);
});
