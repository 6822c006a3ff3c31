// Offline: the banner from the window's offline event (or a failure while navigator.onLine is
// false) until its online event; network failures in between add nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offlinePolicy } from '../../src/policies/offline.ts';
import { apiError, context, fakes, options } from './fakes.ts';

const BANNER = 'You are offline. Changes made while offline are not saved.';

function windowLike(): EventTarget & { navigator: { onLine: boolean } } {
  return Object.assign(new EventTarget(), { navigator: { onLine: true } });
}

function setup(base = options()) {
  const view = windowLike();
  const f = fakes({ doc: { defaultView: view } as unknown as Document, base });
  return { view, f, policy: offlinePolicy(f.deps) };
}

const network = () => apiError({ code: 'NETWORK_ERROR', status: 0 });

test('the offline event shows one banner that stays; the online event takes it away', () => {
  const { view, f } = setup();
  view.dispatchEvent(new Event('offline'));
  view.dispatchEvent(new Event('offline'));
  assert.deepEqual(f.shown.map((toast) => [toast.spec.message, toast.spec.duration]), [[BANNER, 0]]);
  view.dispatchEvent(new Event('online'));
  assert.deepEqual(f.onScreen(), []);
});

test('while offline, network and OFFLINE failures are taken with no toast of their own; others pass', () => {
  const { view, f, policy } = setup();
  view.dispatchEvent(new Event('offline'));
  assert.equal(policy.fail(network(), context(), options()), true);
  assert.equal(policy.fail(apiError({ code: 'OFFLINE', status: 0 }), context(), options()), true);
  assert.equal(policy.fail(apiError({ code: 'VALIDATION_ERROR', status: 400 }), context(), options()), false);
  assert.equal(f.shown.length, 1);
});

test('a network failure while navigator.onLine is false shows the banner without any event', () => {
  const { view, f, policy } = setup();
  view.navigator.onLine = false;
  assert.equal(policy.fail(network(), context(), options()), true);
  assert.equal(policy.fail(network(), context(), options()), true);
  assert.deepEqual(f.shown.map((toast) => toast.spec.message), [BANNER]);
});

test('online, a network failure is an ordinary failure', () => {
  const { f, policy } = setup();
  assert.equal(policy.fail(network(), context(), options()), false);
  assert.deepEqual(f.shown, []);
});

test('a success means the connection is back: the banner goes', () => {
  const { view, f, policy } = setup();
  view.dispatchEvent(new Event('offline'));
  policy.succeed!();
  assert.deepEqual(f.onScreen(), []);
  assert.equal(policy.fail(network(), context(), options()), false);
});

test('uninstalling takes the banner away and stops listening', () => {
  const { view, f, policy } = setup();
  view.dispatchEvent(new Event('offline'));
  policy.stop!();
  assert.deepEqual(f.onScreen(), []);
  view.dispatchEvent(new Event('offline'));
  assert.equal(f.shown.length, 1);
});

test('a page with its own toast gets no banner and its failures as before', () => {
  const own = options({ toast: () => {} });
  const { view, f, policy } = setup(own);
  view.dispatchEvent(new Event('offline'));
  view.navigator.onLine = false;
  assert.equal(policy.fail(network(), context(), own), false);
  assert.deepEqual(f.shown, []);
});
