// Outages as one toast: the burst's count updated in place, the Retry-After countdown, and the
// "Try again" button (at once, or when the countdown ends), with a controlled clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outagePolicy } from '../../src/policies/outage.ts';
import { apiError, context, fakes, options } from './fakes.ts';

const network = () => apiError({ code: 'NETWORK_ERROR', status: 0, message: 'The server could not be reached.' });

test('three failures of one outage: one toast, updated in place to "3 requests failed: …"', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  for (let i = 0; i < 3; i++) {
    assert.equal(outage.fail(network(), context(), options()), true);
    f.tick(500);
  }
  assert.equal(f.shown.length, 1);
  assert.equal(f.shown[0]!.updates, 2);
  assert.equal(f.shown[0]!.spec.message, '3 requests failed: The server could not be reached.');
  assert.equal(f.shown[0]!.spec.duration, 0, 'nothing of it is anywhere else on the page: it stays until dismissed');
});

test('the toast carries the failure\'s detail lines and the latest correlation id', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ status: 500, correlationId: 'a1' }), context(), options());
  outage.fail(apiError({ status: 500, correlationId: 'b2' }), context({ unrendered: {} }), options());
  assert.equal(f.shown[0]!.spec.reference, 'b2');
  assert.deepEqual(f.shown[0]!.spec.lines, ['The server answered 500.']);
});

test('failures that are not an outage are left to the default toast', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  assert.equal(outage.fail(apiError({ code: 'VALIDATION_ERROR', status: 400 }), context(), options()), false);
  assert.equal(outage.fail(apiError({ status: 500, errors: { email: ['Taken.'] } }), context(), options()), false);
  assert.equal(outage.fail(network(), context(), options({ toast: () => {} })), false);
  assert.deepEqual(f.shown, []);
});

test('with retry, a failed read gets "Try again" and its toast stays until dismissed', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(network(), context(), options({ retry: true }));
  const spec = f.shown[0]!.spec;
  assert.equal(spec.action!.label, 'Try again');
  assert.equal(spec.duration, 0);
  spec.action!.run!();
  assert.deepEqual(f.sent, [{ url: '/items' }]);
  assert.equal(f.shown[0]!.closed, true, 'pressed, the toast goes');
});

test('a burst\'s "Try again" sends again each read of the burst, each URL once', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(network(), context({ settings: { url: '/a', type: 'GET' }, originalOptions: { url: '/a' } }), options({ retry: true }));
  outage.fail(network(), context({ settings: { url: '/b', type: 'GET' }, originalOptions: { url: '/b' } }), options({ retry: true }));
  outage.fail(network(), context({ settings: { url: '/b', type: 'GET' }, originalOptions: { url: '/b' } }), options({ retry: true }));
  f.shown[0]!.spec.action!.run!();
  assert.deepEqual(f.sent, [{ url: '/a' }, { url: '/b' }]);
});

test('throttled: the countdown of Retry-After, the toast kept through the wait, the button only at zero', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 37, message: 'Request was throttled.' }), context(), options({ retry: true }));
  const toast = f.shown[0]!;
  assert.deepEqual(toast.spec.countdown, { seconds: 37, text: 'Too many requests. Try again in {n} seconds.', done: 'You can try again now.' });
  assert.equal(toast.spec.duration, 0, 'kept through the wait and after, until dismissed');
  assert.equal(toast.spec.action, undefined);
  t.mock.timers.tick(36_999);
  assert.equal(toast.spec.action, undefined);
  t.mock.timers.tick(1);
  assert.equal(toast.spec.action!.label, 'Try again');
  assert.equal(toast.spec.duration, 0, 'with its button, it stays');
});

test('throttled without the retry option: the countdown and no button, ever', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const f = fakes();
  outagePolicy(f.deps).fail(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 3 }), context(), options());
  t.mock.timers.tick(10_000);
  assert.equal(f.shown[0]!.spec.action, undefined);
});

test('uninstalling stops a pending countdown button', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 3 }), context(), options({ retry: true }));
  outage.stop!();
  t.mock.timers.tick(10_000);
  assert.equal(f.shown[0]!.spec.action, undefined);
});

test('the same failure again after the burst window, with a new correlation id, keeps the key of the toast on screen', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ status: 500, correlationId: 'a1' }), context(), options());
  f.tick(2500);
  outage.fail(apiError({ status: 500, correlationId: 'b2' }), context(), options());
  assert.equal(f.shown.length, 2, 'a new burst asks for a toast again');
  assert.ok(f.shown[0]!.spec.key, 'keyed, so the toast on screen counts the repeat');
  assert.equal(f.shown[1]!.spec.key, f.shown[0]!.spec.key);
  // A burst's toast says how many failed: a lone failure after it is not the same toast.
  outage.fail(apiError({ status: 500, correlationId: 'c3' }), context(), options());
  assert.notEqual(f.shown[1]!.spec.key, f.shown[0]!.spec.key, 'now "2 requests failed: …"');
});
