// Retry-After: the countdown a throttled or unavailable failure gets, and the timer at zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throttlePolicy } from '../../src/policies/throttle.ts';
import { apiError, fakes } from './fakes.ts';

test('a throttled failure with retryAfter counts down "Too many requests. Try again in {n} seconds."', () => {
  assert.deepEqual(throttlePolicy().countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 37 })), {
    seconds: 37, text: 'Too many requests. Try again in {n} seconds.', done: 'You can try again now.',
  });
});

test('an unavailable service with retryAfter counts down "Try again in {n} seconds."', () => {
  assert.equal(throttlePolicy().countdownFor(apiError({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: 5 }))?.text, 'Try again in {n} seconds.');
});

test('no countdown without a positive retryAfter, or for other kinds', () => {
  const throttle = throttlePolicy();
  assert.equal(throttle.countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: null })), null);
  assert.equal(throttle.countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 0 })), null);
  assert.equal(throttle.countdownFor(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: -1 })), null);
  assert.equal(throttle.countdownFor(apiError({ code: 'RATE_LIMITED', status: 429 })), null);
  assert.equal(throttle.countdownFor(apiError({ code: 'TIMEOUT', status: 0, retryAfter: 5 })), null);
});

test('atZero runs once the seconds have passed; a newer countdown for the same toast replaces it', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const throttle = throttlePolicy();
  const handle = fakes().deps.show({ message: 'x', duration: 0 })!;
  const ran: string[] = [];
  throttle.atZero(handle, 5, () => ran.push('first'));
  t.mock.timers.tick(4000);
  throttle.atZero(handle, 3, () => ran.push('second'));
  t.mock.timers.tick(2999);
  assert.deepEqual(ran, []);
  t.mock.timers.tick(1);
  assert.deepEqual(ran, ['second']);
  t.mock.timers.tick(10_000);
  assert.deepEqual(ran, ['second']);
});

test('stop clears every pending timer', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const throttle = throttlePolicy();
  const ran: number[] = [];
  throttle.atZero(fakes().deps.show({ message: 'x', duration: 0 })!, 1, () => ran.push(1));
  throttle.stop();
  t.mock.timers.tick(5000);
  assert.deepEqual(ran, []);
});
