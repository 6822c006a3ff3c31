// Retry-After: the countdown a throttled or unavailable failure gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdownFor } from '../../src/policies/throttle.ts';
import { apiError } from './fakes.ts';

test('a throttled failure with retryAfter counts down "Too many requests. Try again in {n} seconds."', () => {
  assert.deepEqual(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 37 })), {
    seconds: 37, text: 'Too many requests. Try again in {n} seconds.', done: 'You can try again now.',
  });
});

test('an unavailable service with retryAfter counts down "Try again in {n} seconds."', () => {
  assert.equal(countdownFor(apiError({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: 5 }))?.text, 'Try again in {n} seconds.');
});

test('no countdown without a positive retryAfter, or for other kinds', () => {
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: null })), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 0 })), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: -1 })), null);
  assert.equal(countdownFor(apiError({ code: 'RATE_LIMITED', status: 429 })), null);
  assert.equal(countdownFor(apiError({ code: 'TIMEOUT', status: 0, retryAfter: 5 })), null);
});
