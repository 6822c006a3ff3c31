// Retry-After: the countdown a throttled or unavailable failure gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdownFor } from '../../src/policies/throttle.ts';
import { DEFAULT_TEXT } from '../../src/text.ts';
import { apiError } from './fakes.ts';

test('a throttled failure with retryAfter counts down "Too many requests. Try again in {n} seconds."', () => {
  assert.deepEqual(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 37 }), DEFAULT_TEXT), {
    seconds: 37, text: 'Too many requests. Try again in {n} seconds.', done: 'You can try again now.',
  });
});

test('an unavailable service with retryAfter counts down "Try again in {n} seconds."', () => {
  assert.equal(countdownFor(apiError({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: 5 }), DEFAULT_TEXT)?.text, 'Try again in {n} seconds.');
});

test('no countdown without a positive retryAfter, or for other kinds', () => {
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: null }), DEFAULT_TEXT), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 0 }), DEFAULT_TEXT), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: -1 }), DEFAULT_TEXT), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429 }), DEFAULT_TEXT), null);
  assert.equal(countdownFor(apiError({ code: 'TIMEOUT', status: 0, retryAfter: 5 }), DEFAULT_TEXT), null);
});

test('the server\'s own code for a 429 or a 503 (DRF\'s THROTTLED) still gets its countdown, by its kind', () => {
  assert.equal(countdownFor(apiError({ code: 'THROTTLED', kind: 'rate_limited', status: 429, retryAfter: 37 }), DEFAULT_TEXT)?.text, 'Too many requests. Try again in {n} seconds.');
  assert.equal(countdownFor(apiError({ code: 'MAINTENANCE', kind: 'unavailable', status: 503, retryAfter: 120 }), DEFAULT_TEXT)?.seconds, 120);
  assert.equal(countdownFor(apiError({ code: 'CONFLICT', status: 409, retryAfter: 5 }), DEFAULT_TEXT), null);
});
