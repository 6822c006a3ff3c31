// CSRF failures: one "Reload" toast at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csrfPolicy } from '../../src/policies/csrf.ts';
import { apiError, context, fakes, options } from './fakes.ts';

const csrf = () => apiError({ code: 'CSRF_FAILED', status: 403, message: 'CSRF Failed: CSRF token missing.' });

test('one toast with a Reload button however many requests fail; the button reloads the page', () => {
  let reloads = 0;
  const f = fakes({ doc: { location: { reload: () => { reloads += 1; } } } as unknown as Document });
  const policy = csrfPolicy(f.deps);
  for (let i = 0; i < 3; i++) assert.equal(policy.fail(csrf(), context(), options()), true);
  assert.equal(f.shown.length, 1);
  const spec = f.shown[0]!.spec;
  assert.equal(spec.message, 'The page is out of date. Reload it and try again.');
  assert.equal(spec.duration, 0);
  assert.equal(spec.action!.label, 'Reload');
  spec.action!.run!();
  assert.equal(reloads, 1);
});

test('after the person closed it, the next CSRF failure shows it again', () => {
  const f = fakes();
  const policy = csrfPolicy(f.deps);
  policy.fail(csrf(), context(), options());
  f.shown[0]!.close();
  policy.fail(csrf(), context(), options());
  assert.equal(f.onScreen().length, 1);
  assert.equal(f.shown.length, 2);
});

test('a page with its own toast gets the failure itself', () => {
  const f = fakes();
  assert.equal(csrfPolicy(f.deps).fail(csrf(), context(), options({ toast: () => {} })), false);
  assert.deepEqual(f.shown, []);
});
