// Outages as one toast: the burst's count updated in place, the Retry-After countdown, and the
// "Try again" button (at once, or when the countdown ends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outagePolicy } from '../../src/policies/outage.ts';
import { apiError, context, fakes, options, render } from './fakes.ts';

const network = () => apiError({ code: 'NETWORK_ERROR', status: 0, message: 'The server could not be reached.' });

test('three failures of one outage: one toast, updated in place to "3 requests failed: …"', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  for (let i = 0; i < 3; i++) {
    assert.equal(outage.fail(network(), context(), options()), true);
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
  assert.deepEqual(f.sent, [{ url: '/items', success: render }]);
  assert.equal(f.shown[0]!.closed, true, 'pressed, the toast goes');
});

test('a burst\'s "Try again" sends again each read it counted, once each: a repeat of one read (same URL, same callbacks) is one', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  const read = (url: string, success: () => void) =>
    context({ settings: { url, type: 'GET' }, originalOptions: { url, success } });
  const renderOther = (): void => {};
  outage.fail(network(), read('/a', render), options({ retry: true }));
  outage.fail(network(), read('/b', render), options({ retry: true }));
  outage.fail(network(), read('/b', render), options({ retry: true }));
  // Two widgets reading the same URL: each gets its answer.
  outage.fail(network(), read('/b', renderOther), options({ retry: true }));
  assert.equal(f.shown.length, 1);
  f.shown[0]!.spec.action!.run!();
  assert.deepEqual(f.sent, [{ url: '/a', success: render }, { url: '/b', success: render }, { url: '/b', success: renderOther }]);
});

test('no "Try again" for a read whose answer nothing would use ($.getJSON(url).done(render)): the toast still counts it', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  const bare = context({ originalOptions: { url: '/items', dataType: 'json', success: undefined } });
  outage.fail(network(), bare, options({ retry: true }));
  outage.fail(network(), bare, options({ retry: true }));
  assert.equal(f.shown[0]!.spec.action, undefined);
  assert.equal(f.shown[0]!.spec.message, '2 requests failed: The server could not be reached.');
});

test('throttled: the countdown of Retry-After, the toast kept through the wait, the button only at zero (the toast\'s own countdown shows it)', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 37, message: 'Request was throttled.' }), context(), options({ retry: true }));
  const toast = f.shown[0]!;
  const { action, ...countdown } = toast.spec.countdown!;
  assert.deepEqual(countdown, { seconds: 37, text: 'Too many requests. Try again in {n} seconds.', done: 'You can try again now.' });
  assert.equal(action!.label, 'Try again', 'shown at zero');
  assert.equal(toast.spec.duration, 0, 'kept through the wait and after, until dismissed');
  assert.equal(toast.spec.action, undefined, 'no button during the wait');
});

test('throttled without the retry option: the countdown and no button, ever', () => {
  const f = fakes();
  outagePolicy(f.deps).fail(apiError({ code: 'RATE_LIMITED', status: 429, retryAfter: 3 }), context(), options());
  assert.equal(f.shown[0]!.spec.action, undefined);
  assert.equal(f.shown[0]!.spec.countdown!.action, undefined);
});

test('the same failure again, seconds later with a new correlation id, counts on the toast on screen', () => {
  const f = fakes();
  const outage = outagePolicy(f.deps);
  outage.fail(apiError({ status: 503, correlationId: 'a1' }), context(), options());
  outage.fail(apiError({ status: 503, correlationId: 'b2' }), context(), options());
  outage.fail(apiError({ status: 503, correlationId: 'c3' }), context(), options());
  assert.equal(f.shown.length, 1, 'one toast');
  assert.equal(f.shown[0]!.spec.message, '3 requests failed: Request failed.');
  assert.equal(f.shown[0]!.spec.reference, 'c3', 'the newest reference');
  f.shown[0]!.close();
  outage.fail(apiError({ status: 503, correlationId: 'd4' }), context(), options());
  assert.equal(f.shown[1]!.spec.message, 'Request failed.', 'closed, the next one is news again');
});
