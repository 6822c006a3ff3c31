// Session expiry: shown once until a success, onSessionExpired in its place, off with false.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionPolicy } from '../../src/policies/session.ts';
import { apiError, context, fakes, options } from './fakes.ts';

const expired = (fields = {}) => apiError({ code: 'SESSION_EXPIRED', status: 403, message: 'Authentication credentials were not provided.', ...fields });

test('one toast that stays, "Sign in again" leading to the current page, however many requests fail', () => {
  const f = fakes();
  const session = sessionPolicy(f.deps);
  for (let i = 0; i < 5; i++) assert.equal(session.fail(expired(), context(), options()), true);
  assert.equal(f.shown.length, 1);
  assert.deepEqual(f.shown[0]!.spec, {
    message: 'Your session has expired.', duration: 0, key: 'session_expired',
    action: { label: 'Sign in again', href: 'https://shop.example/orders/' },
  });
});

test('a success takes the toast away; the next expiry shows it again', () => {
  const f = fakes();
  const session = sessionPolicy(f.deps);
  session.fail(expired(), context(), options());
  session.succeed!();
  assert.deepEqual(f.onScreen(), []);
  session.fail(expired(), context(), options());
  session.fail(expired(), context(), options());
  assert.equal(f.shown.length, 2);
  assert.equal(f.onScreen().length, 1);
});

test('closed by the person, it stays closed until a request succeeds', () => {
  const f = fakes();
  const session = sessionPolicy(f.deps);
  session.fail(expired(), context(), options());
  f.shown[0]!.close();
  assert.equal(session.fail(expired(), context(), options()), true);
  assert.equal(f.shown.length, 1);
});

test('loginUrl and messages.session_expired change the link and the text, whatever code the server sent', () => {
  const f = fakes();
  const notAuthenticated = expired({ code: 'NOT_AUTHENTICATED', kind: 'session_expired' });
  sessionPolicy(f.deps).fail(notAuthenticated, context(), options({ loginUrl: '/accounts/login/', messages: { session_expired: 'Please sign in.' } }));
  assert.equal(f.shown[0]!.spec.message, 'Please sign in.');
  assert.equal(f.shown[0]!.spec.action!.href, '/accounts/login/');
});

test('the server\'s code NOT_AUTHENTICATED (DRF) is an expired session by its kind', () => {
  const f = fakes();
  assert.equal(sessionPolicy(f.deps).fail(expired({ code: 'NOT_AUTHENTICATED', kind: 'session_expired' }), context(), options()), true);
  assert.equal(f.shown[0]!.spec.message, 'Your session has expired.');
  assert.equal(sessionPolicy(fakes().deps).fail(expired({ code: 'SESSION_EXPIRED', kind: 'client' }), context(), options()), false, 'the kind decides, not the code');
});

test('onSessionExpired is called once, with the error and context, in place of the toast', () => {
  const f = fakes();
  const session = sessionPolicy(f.deps);
  const calls: unknown[][] = [];
  const own = options({ onSessionExpired: (...args: unknown[]) => calls.push(args) });
  const error = expired();
  const where = context();
  session.fail(error, where, own);
  session.fail(expired(), context(), own);
  assert.deepEqual(calls, [[error, where]]);
  assert.deepEqual(f.shown, []);
});

test('an onSessionExpired that throws is reported; the failure still counts as told', (t) => {
  const errors: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => errors.push(args[0]));
  const f = fakes();
  const session = sessionPolicy(f.deps);
  const throwing = options({ onSessionExpired: () => { throw new Error('boom'); } });
  assert.equal(session.fail(expired(), context(), throwing), true);
  assert.deepEqual(errors, ['[jquery-api-errors] onSessionExpired threw:']);
});

test('onSessionExpired: false, or a page\'s own toast without a handler, leaves the failure to the toast', () => {
  const f = fakes();
  const session = sessionPolicy(f.deps);
  assert.equal(session.fail(expired(), context(), options({ onSessionExpired: false })), false);
  assert.equal(session.fail(expired(), context(), options({ toast: () => {} })), false);
  assert.deepEqual(f.shown, []);
});

test('other codes are not its business', () => {
  const f = fakes();
  assert.equal(sessionPolicy(f.deps).fail(apiError({ code: 'PERMISSION_DENIED', status: 403 }), context(), options()), false);
});
