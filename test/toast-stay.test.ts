// How long the default toast stays, and the same failure while it is on screen: a real jsdom page
// with a real jQuery and the built plugin, real requests to a real server on 127.0.0.1, and a
// controlled clock (never a wait).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlClock } from './helpers/clock.ts';
import { respondUrl } from './helpers/server.ts';
import { ENVELOPE_400, JQUERY_VERSIONS, ajax, pageServer, toastMessages, toasts, type TestPage } from './helpers/page.ts';

const fixture = pageServer();
const { page } = fixture;

const FORM = '<form><input name="email"><input name="name"></form>';

function toastElements(p: TestPage): HTMLElement[] {
  return Array.from(p.document.querySelectorAll<HTMLElement>('.api-errors-toast'));
}

const counts = (p: TestPage): string[] =>
  toastElements(p).map((toast) => toast.querySelector('.api-errors-toast-count')?.textContent ?? '');

function envelope(fields: Record<string, unknown>): { error: Record<string, unknown> } {
  return { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors: {}, ...fields } };
}

/** An hour of page time: anything that goes by itself has gone by then. */
const AN_HOUR = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Nothing important vanishes.

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a failure with no field errors (a 500) stays until dismissed`, async (t) => {
    const p = page(t, { jquery });
    const clock = controlClock(p.window);
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(500, { detail: 'Server error.' }, { headers: { 'X-Request-ID': 'req-9' } }) });
    clock.tick(AN_HOUR);
    assert.deepEqual(toasts(p), [{ message: 'Server error.', details: ['The server answered 500.'], reference: 'Reference: req-9' }]);
    toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
    assert.deepEqual(toastMessages(p), []);
  });

  test(`jQuery ${jquery}: a failure whose every field was marked goes after 5 s`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    const clock = controlClock(p.window);
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
    clock.tick(4999);
    assert.deepEqual(toastMessages(p), ['Validation failed']);
    clock.tick(1);
    assert.deepEqual(toastMessages(p), []);
  });
}

test('a network error stays until dismissed', async (t) => {
  const p = page(t);
  const clock = controlClock(p.window);
  fixture.server.route('/gone-away', { destroy: true });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: '/gone-away' });
  clock.tick(AN_HOUR);
  assert.deepEqual(toastMessages(p), ['The server could not be reached. Check your connection.']);
});

test('a form error stays until dismissed even when every field was marked (it is only in the toast)', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  const body = envelope({ errors: { email: ['Enter a valid email address.'], non_field_errors: ['The two passwords differ.'] } });
  await ajax(p, { url: respondUrl(400, body) });
  clock.tick(AN_HOUR);
  assert.deepEqual(toasts(p).map((toast) => toast.details), [['The two passwords differ.']]);
});

test('a field error that no element took stays until dismissed', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, envelope({ errors: { email: ['Bad.'], coupon: ['Coupon expired.'] } })) });
  clock.tick(AN_HOUR);
  assert.deepEqual(toasts(p).map((toast) => toast.details), [['coupon: Coupon expired.']]);
});

test('with an error summary on the page the toast carries only the message and reference, and goes', async (t) => {
  const p = page(t, { body: FORM + '<div id="summary">There is a problem</div>' });
  const clock = controlClock(p.window);
  const { defaultToast } = p.ApiErrors;
  p.ApiErrors.installApiErrors({
    toast: (message: string, error: unknown, context: any) => {
      context.summary = p.document.getElementById('summary');
      defaultToast(message, error, context);
    },
  });
  const body = envelope({ errors: { email: ['Bad.'], non_field_errors: ['The two passwords differ.'] }, correlation_id: 'c-5' });
  await ajax(p, { url: respondUrl(400, body) });
  assert.deepEqual(toasts(p), [{ message: 'Validation failed', details: [], reference: 'Reference: c-5' }]);
  clock.tick(5000);
  assert.deepEqual(toastMessages(p), []);
});

test('stickyWhen replaces the rule: a 404 can go, a marked failure can stay', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors({ stickyWhen: (error: any) => error.status === 400 });
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  clock.tick(5000);
  assert.deepEqual(toastMessages(p), ['Validation failed']);
});

test('stickyWhen per request overrides the installed one, and one that throws keeps the toast', async (t) => {
  const p = page(t);
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors({ stickyWhen: () => true });
  await ajax(p, { url: respondUrl(404, { detail: 'Goes.' }), apiErrors: { stickyWhen: () => false } });
  await ajax(p, { url: respondUrl(404, { detail: 'Stays.' }), apiErrors: { stickyWhen: () => { throw new Error('rule broke'); } } });
  clock.tick(5000);
  assert.deepEqual(toastMessages(p), ['Stays.']);
  assert.ok(p.consoleErrors.some((line) => line.includes('rule broke')));
});

test('toastDuration sets how long a toast that may go stays; 0 keeps every toast', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors({ toastDuration: 2000 });
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  await ajax(p, { url: respondUrl(400, envelope({ message: 'Kept.', errors: { name: ['Bad.'] } })), apiErrors: { toastDuration: 0 } });
  assert.deepEqual(clock.pending(), [2000]);
  clock.tick(2000);
  assert.deepEqual(toastMessages(p), ['Kept.']);
  clock.tick(AN_HOUR);
  assert.deepEqual(toastMessages(p), ['Kept.']);
});

test('a toastDuration that is not a number of milliseconds is ignored', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors({ toastDuration: -5 });
  await ajax(p, { url: respondUrl(400, ENVELOPE_400), apiErrors: { toastDuration: '10' } });
  assert.deepEqual(clock.pending(), [5000]);
});

// ---------------------------------------------------------------------------------------------
// The same failure while it is on screen.

test('the same failure while its toast is on screen counts up (×2, ×3) and restarts its timer', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(counts(p), ['']);
  clock.tick(4000);
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(counts(p), ['\u00d72']);
  clock.tick(4000);
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(p), ['Validation failed']);
  assert.deepEqual(counts(p), ['\u00d73']);
  clock.tick(4999);
  assert.deepEqual(toastMessages(p), ['Validation failed'], '5 s from the last repeat, not the first');
  clock.tick(1);
  assert.deepEqual(toastMessages(p), []);
});

test('a failure repeating every 2.5 s never stacks identical toasts: it is counted on the one on screen', async (t) => {
  const p = page(t);
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  for (let round = 0; round < 4; round += 1) {
    await ajax(p, { url: respondUrl(503, { detail: 'Busy.' }) });
    clock.tick(2500);
  }
  assert.deepEqual(toastMessages(p), ['4 requests failed: Busy.']);
  assert.deepEqual(counts(p), [''], 'counted once, in its words');
});

test('once a toast has timed out, the same failure is shown again as news', async (t) => {
  const p = page(t, { body: FORM });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  clock.tick(5000);
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(p), ['Validation failed']);
  assert.deepEqual(counts(p), ['']);
});

test('after A, B, C, D a repeat of A is shown: A was pushed off screen', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  for (const detail of ['A', 'B', 'C', 'D']) await ajax(p, { url: respondUrl(409, { detail }) });
  assert.deepEqual(toastMessages(p), ['B', 'C', 'D']);
  await ajax(p, { url: respondUrl(409, { detail: 'A' }) });
  assert.deepEqual(toastMessages(p), ['C', 'D', 'A']);
});

test('the same failure with a new correlation id is a repeat: counted, showing the newest reference', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  // A 409, not a 5xx: a burst of one outage is counted as "2 requests failed: …" instead.
  await ajax(p, { url: respondUrl(409, { detail: 'Already changed.' }, { headers: { 'X-Request-ID': 'first' } }) });
  await ajax(p, { url: respondUrl(409, { detail: 'Already changed.' }, { headers: { 'X-Request-ID': 'second' } }) });
  assert.deepEqual(toasts(p), [{ message: 'Already changed.', details: [], reference: 'Reference: second' }]);
  assert.deepEqual(counts(p), ['\u00d72']);
});

test('the same message with different detail lines is two toasts', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, envelope({ errors: { coupon: ['Expired.'] } })) });
  await ajax(p, { url: respondUrl(400, envelope({ errors: { coupon: ['Unknown.'] } })) });
  assert.deepEqual(toasts(p).map((toast) => toast.details), [['coupon: Expired.'], ['coupon: Unknown.']]);
});
