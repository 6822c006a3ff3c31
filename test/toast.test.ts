// The default toast, as a user sees it: a real jsdom page with a real jQuery and the built
// plugin (dist/api-errors.js), a real request to a real server on 127.0.0.1, then the page's DOM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlClock } from './helpers/clock.ts';
import { respondUrl } from './helpers/server.ts';
import {
  ENVELOPE_400,
  JQUERY_VERSIONS,
  ROOT,
  ajax,
  pageServer,
  toastMessages,
  toasts,
  type TestPage,
} from './helpers/page.ts';

const fixture = pageServer();
/** Opens a page on the test server; closed when the test ends. */
const { page } = fixture;

function envelope(fields: Record<string, unknown>): { error: Record<string, unknown> } {
  return { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors: {}, ...fields } };
}

function toastElements(p: TestPage): HTMLElement[] {
  return Array.from(p.document.querySelectorAll<HTMLElement>('.api-errors-toast'));
}

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=1</script>';

function assertNoMarkupInjected(p: TestPage): void {
  assert.equal(p.document.querySelectorAll('img, script, iframe, svg').length, 0, 'no element was made from server text');
  assert.equal(p.window.__xss, undefined);
}

// ---------------------------------------------------------------------------------------------
// What the toast says, on every jQuery version.

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: the toast shows the server's message and the envelope's correlation id`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"></form>' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
    assert.deepEqual(toasts(p), [{ message: 'Validation failed', details: [], reference: 'Reference: 6f1c2a9e' }]);
  });

  test(`jQuery ${jquery}: form errors and fields with no element are listed under the message, led by their path`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"></form>' });
    p.ApiErrors.installApiErrors();
    const body = envelope({
      errors: {
        email: ['Enter a valid email address.'],
        address: { city: ['This field is required.'] },
        non_field_errors: ['The two passwords differ.'],
      },
    });
    await ajax(p, { url: respondUrl(400, body) });
    const [toast] = toasts(p);
    assert.equal(toast?.message, 'Validation failed');
    assert.deepEqual(toast?.details, ['The two passwords differ.', 'address.city: This field is required.']);
  });

  test(`jQuery ${jquery}: the reference comes from the X-Correlation-ID response header`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(403, { detail: 'You do not have permission.' }, { headers: { 'X-Correlation-ID': 'corr-42' } }) });
    assert.deepEqual(toasts(p), [{ message: 'You do not have permission.', details: [], reference: 'Reference: corr-42' }]);
  });

  test(`jQuery ${jquery}: hostile text in message, field names, field messages and correlation id stays text`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"></form>' });
    p.ApiErrors.installApiErrors();
    const body = envelope({
      message: XSS_IMG,
      errors: { [XSS_SCRIPT]: [XSS_IMG], email: [XSS_SCRIPT] },
      correlation_id: XSS_SCRIPT,
    });
    await ajax(p, { url: respondUrl(400, body) });
    const [toast] = toasts(p);
    assert.equal(toast?.message, XSS_IMG);
    assert.deepEqual(toast?.details, [XSS_SCRIPT + ': ' + XSS_IMG]);
    assert.equal(toast?.reference, 'Reference: ' + XSS_SCRIPT);
    const email = p.document.querySelector('input')!;
    const messageElement = p.document.getElementById(email.getAttribute('aria-describedby')!)!;
    assert.equal(messageElement.textContent, 'Error: ' + XSS_SCRIPT);
    assertNoMarkupInjected(p);
  });

  test(`jQuery ${jquery}: the close button removes the toast`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
    const [toast] = toastElements(p);
    const close = toast!.querySelector<HTMLElement>('.api-errors-toast-close')!;
    assert.equal(close.getAttribute('type'), 'button');
    assert.ok((close.getAttribute('aria-label') ?? '').trim(), 'the button has a label for screen readers');
    close.click();
    assert.equal(toastElements(p).length, 0);
    assert.equal(p.document.querySelector('.api-errors-toast'), null);
  });

  test(`jQuery ${jquery}: at most 3 toasts are on screen; the 3 newest remain`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    for (let index = 1; index <= 5; index += 1) {
      await ajax(p, { url: respondUrl(400, { detail: `Failure ${index}` }) });
    }
    assert.deepEqual(toastMessages(p), ['Failure 3', 'Failure 4', 'Failure 5']);
  });

  test(`jQuery ${jquery}: the same failure twice within 2 s shows one toast`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(409, { detail: 'Already taken.' }) });
    await ajax(p, { url: respondUrl(409, { detail: 'Already taken.' }) });
    assert.deepEqual(toastMessages(p), ['Already taken.']);
  });

  test(`jQuery ${jquery}: an HTML 500 page is never shown; the toast says "Request failed."`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    const html = '<!doctype html><html><body><h1>Server Error (500)</h1><img src=x onerror="window.__xss=1"></body></html>';
    await ajax(p, { url: respondUrl(500, html, { type: 'html' }) });
    assert.deepEqual(toasts(p), [{ message: 'Request failed.', details: ['The server answered 500.'], reference: null }]);
    assert.ok(!p.document.body.textContent!.includes('Server Error'));
    assertNoMarkupInjected(p);
  });
}

// ---------------------------------------------------------------------------------------------
// The reference line.

test('the reference comes from the X-Request-ID response header when there is no correlation id', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(429, { detail: 'Slow down.' }, { headers: { 'X-Request-ID': 'req-7' } }) });
  assert.deepEqual(toasts(p), [{ message: 'Slow down.', details: [], reference: 'Reference: req-7' }]);
});

test("the envelope's correlation id wins over the response headers", async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  const headers = { 'X-Correlation-ID': 'from-header', 'X-Request-ID': 'from-request-id' };
  await ajax(p, { url: respondUrl(400, ENVELOPE_400, { headers }) });
  assert.equal(toasts(p)[0]?.reference, 'Reference: 6f1c2a9e');
});

test('a failure with no correlation id shows no reference line', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  assert.deepEqual(toasts(p), [{ message: 'Not found.', details: [], reference: null }]);
  assert.ok(!p.document.body.textContent!.includes('Reference'));
});

test('a hostile X-Correlation-ID header stays text', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, { detail: 'Bad.' }, { headers: { 'X-Correlation-ID': XSS_IMG } }) });
  assert.equal(toasts(p)[0]?.reference, 'Reference: ' + XSS_IMG);
  assertNoMarkupInjected(p);
});

test('hostile text in DRF form errors stays text', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, { non_field_errors: [XSS_SCRIPT, XSS_IMG] }) });
  const [toast] = toasts(p);
  assert.equal(toast?.message, XSS_SCRIPT);
  assert.deepEqual(toast?.details, [XSS_IMG]);
  assertNoMarkupInjected(p);
});

// ---------------------------------------------------------------------------------------------
// Accessibility and looks.

test('the toast has role "alert" inside an aria-live region', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  const [toast] = toastElements(p);
  assert.equal(toast!.getAttribute('role'), 'alert');
  const region = toast!.parentElement!.closest('[aria-live]');
  assert.ok(region, 'an ancestor is a live region');
  assert.ok(['assertive', 'polite'].includes(region!.getAttribute('aria-live')!));
});

test('with no stylesheet the toasts still sit on top of the page (inline CSSOM styles, no <style>)', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  const region = p.document.querySelector<HTMLElement>('[aria-live]')!;
  const style = p.window.getComputedStyle(region);
  assert.equal(style.position, 'fixed');
  assert.ok(Number(style.zIndex) > 1000);
  assert.equal(p.document.querySelectorAll('style').length, 0, 'no inline <style> element (strict CSP)');
});

test('the toast closed with its button leaves the other toasts alone', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, { detail: 'First.' }) });
  await ajax(p, { url: respondUrl(400, { detail: 'Second.' }) });
  toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
  assert.deepEqual(toastMessages(p), ['Second.']);
});

// ---------------------------------------------------------------------------------------------
// Time: dismissal, hover, focus. A failure whose every field was marked is the kind that goes by
// itself; the clock is controlled, never waited for.

/** A page with an email input, and a failure whose one field error is drawn beside it. */
async function markedFailure(t: any): Promise<{ p: TestPage; clock: ReturnType<typeof controlClock> }> {
  const p = page(t, { body: '<form><input name="email"></form>' });
  const clock = controlClock(p.window);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  return { p, clock };
}

test('a toast for a failure whose every field was marked is dismissed after 5 s', async (t) => {
  const { p, clock } = await markedFailure(t);
  clock.tick(4999);
  assert.deepEqual(toastMessages(p), ['Validation failed'], 'still there before its time');
  clock.tick(1);
  assert.deepEqual(toastMessages(p), []);
});

test('a toast is held while hovered and dismissed a full duration after the pointer leaves', async (t) => {
  const { p, clock } = await markedFailure(t);
  assert.deepEqual(clock.pending(), [5000]);
  const [toast] = toastElements(p);
  toast!.dispatchEvent(new p.window.MouseEvent('mouseenter'));
  assert.deepEqual(clock.pending(), [], 'hovering stops the dismiss timer');
  clock.tick(60_000);
  assert.deepEqual(toastMessages(p), ['Validation failed']);
  toast!.dispatchEvent(new p.window.MouseEvent('mouseleave'));
  assert.deepEqual(clock.pending(), [5000], 'leaving starts it again, from the full duration');
  clock.tick(5000);
  assert.deepEqual(toastMessages(p), []);
});

test('a toast is held while keyboard focus is inside it', async (t) => {
  const { p, clock } = await markedFailure(t);
  const close = toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!;
  close.focus();
  clock.tick(60_000);
  assert.deepEqual(toastMessages(p), ['Validation failed']);
  close.blur();
  clock.tick(5000);
  assert.deepEqual(toastMessages(p), []);
});

test('two different failures in a row show two toasts', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(409, { detail: 'Already taken.' }) });
  await ajax(p, { url: respondUrl(409, { detail: 'Too short.' }) });
  assert.deepEqual(toastMessages(p), ['Already taken.', 'Too short.']);
});

// ---------------------------------------------------------------------------------------------
// Bodies with no message.

test('a 500 with an empty body says "Request failed."', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(500, '', { type: 'none' }) });
  assert.deepEqual(toasts(p), [{ message: 'Request failed.', details: ['The server answered 500.'], reference: null }]);
});

test('a plain-text error body is never shown', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(500, 'Traceback (most recent call last): secret', { type: 'text' }) });
  assert.deepEqual(toastMessages(p), ['Request failed.']);
  assert.ok(!p.document.body.textContent!.includes('Traceback'));
});

test('fallbackMessage replaces "Request failed." when the server gave no message', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ fallbackMessage: 'Something went wrong. Try again.' });
  await ajax(p, { url: respondUrl(500, '', { type: 'none' }) });
  assert.deepEqual(toastMessages(p), ['Something went wrong. Try again.']);
});

test('messages by HTTP status are used when the server gave no message', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ messages: { 502: 'The server is restarting.' } });
  await ajax(p, { url: respondUrl(502, '', { type: 'none' }) });
  assert.deepEqual(toastMessages(p), ['The server is restarting.']);
});

test('messages by code are used when the server gave no message (a timeout)', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ messages: { TIMEOUT: 'The server took too long.' } });
  await ajax(p, { url: respondUrl(200, { ok: true }, { delay: 300 }), timeout: 50 });
  assert.deepEqual(toastMessages(p), ['The server took too long.']);
});

test('messages by code win over messages by status', async (t) => {
  const p = page(t);
  fixture.server.route('/gone', { destroy: true });
  p.ApiErrors.installApiErrors({ messages: { NETWORK_ERROR: 'You seem to be offline.', 0: 'status zero' } });
  await ajax(p, { url: '/gone' });
  assert.deepEqual(toastMessages(p), ['You seem to be offline.']);
});

test("the server's message wins over messages and fallbackMessage", async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({
    messages: { VALIDATION_ERROR: 'by code', 400: 'by status' },
    fallbackMessage: 'fallback',
  });
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(p), ['Validation failed']);
});

test('messages and fallbackMessage given per request override the installed ones', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ messages: { 503: 'installed' }, fallbackMessage: 'installed fallback' });
  await ajax(p, { url: respondUrl(503, '', { type: 'none' }), apiErrors: { messages: { 503: 'Down for maintenance.' } } });
  await ajax(p, { url: respondUrl(500, '', { type: 'none' }), apiErrors: { fallbackMessage: 'The gateway timed out.' } });
  assert.deepEqual(toastMessages(p), ['Down for maintenance.', 'The gateway timed out.']);
});

// ---------------------------------------------------------------------------------------------
// Turning the toast off, or replacing it.

test('toast: false at install shows no toast (field errors are still drawn)', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors({ toast: false });
  await ajax(p, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(toastElements(p).length, 0);
  assert.equal(p.document.querySelector('[aria-live]'), null);
  assert.equal(p.document.querySelector('input')!.getAttribute('aria-invalid'), 'true');
});

test('apiErrors: { toast: false } on one request shows no toast for it, and others still toast', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Quiet.' }), apiErrors: { toast: false } });
  assert.equal(toastElements(p).length, 0);
  await ajax(p, { url: respondUrl(404, { detail: 'Loud.' }) });
  assert.deepEqual(toastMessages(p), ['Loud.']);
});

test('a custom toast receives the message, the ApiError and the context', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  const calls: any[][] = [];
  p.ApiErrors.installApiErrors({ toast: (...args: any[]) => calls.push(args) });
  const body = envelope({ errors: { email: ['Enter a valid email address.'], 'address.city': ['Required.'] }, correlation_id: 'c1' });
  const { jqXHR } = await ajax(p, { url: respondUrl(400, body), type: 'POST', data: { email: 'x' } });
  assert.equal(calls.length, 1);
  const [message, error, context] = calls[0]!;
  assert.equal(message, 'Validation failed');
  assert.equal(error.message, 'Validation failed');
  assert.equal(error.code, 'VALIDATION_ERROR');
  assert.equal(error.status, 400);
  assert.equal(error.correlationId, 'c1');
  assert.deepEqual(Object.keys(error.errors).sort(), ['address.city', 'email']);
  assert.equal(context.jqXHR, jqXHR);
  assert.equal(context.settings.type, 'POST');
  assert.ok(String(context.settings.url).includes('/respond?'));
  // The request's data ({email}) names the form's fields: they are looked up in that form.
  assert.equal(context.scope, p.document.querySelector('form'));
  assert.deepEqual(JSON.parse(JSON.stringify(context.unrendered)), { 'address.city': ['Required.'] });
  assert.equal(toastElements(p).length, 0, 'the built-in toast is replaced, not added to');
});

test('a custom toast can wrap defaultToast', async (t) => {
  const p = page(t);
  const { defaultToast } = p.ApiErrors;
  p.ApiErrors.installApiErrors({
    toast: (message: string, error: any, context: any) => defaultToast('Oops: ' + message, error, context),
  });
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  assert.deepEqual(toastMessages(p), ['Oops: Not found.']);
});

test('a custom toast that throws is reported, and the request still completes', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  const events: string[] = [];
  p.ApiErrors.installApiErrors({ toast: () => { throw new Error('toast broke'); } });
  p.$(p.document).on('api:error', () => events.push('api:error'));
  const { jqXHR } = await ajax(p, { url: respondUrl(400, ENVELOPE_400), complete: () => events.push('complete') });
  jqXHR.always(() => events.push('always'));
  assert.ok(p.consoleErrors.some((line) => line.includes('toast broke')), p.consoleErrors.join('\n'));
  assert.deepEqual(events.sort(), ['always', 'api:error', 'complete']);
  assert.equal(p.document.querySelector('input')!.getAttribute('aria-invalid'), 'true');
  assert.equal(p.$.active, 0);
  assert.deepEqual(p.uncaught, []);
});

test('a toast on a page whose body was replaced still appears', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, { detail: 'Before.' }) });
  p.document.body.innerHTML = '<main>new view</main>';
  await ajax(p, { url: respondUrl(400, { detail: 'After.' }) });
  assert.deepEqual(toastMessages(p), ['After.']);
});

test('after the user closes a toast, the same failure again is shown again', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(503, { detail: 'Busy, try again.' }) });
  toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
  await ajax(p, { url: respondUrl(503, { detail: 'Busy, try again.' }) });
  assert.deepEqual(toastMessages(p), ['Busy, try again.']);
});

test('with dist/api-errors.css on the page the stylesheet themes the toast (no inline styles)', async (t) => {
  const p = page(t);
  const style = p.document.createElement('style');
  style.textContent = readFileSync(join(ROOT, 'dist/api-errors.css'), 'utf8');
  p.document.head.appendChild(style);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  const region = p.document.querySelector<HTMLElement>('[aria-live]')!;
  assert.equal(region.getAttribute('style'), null);
  assert.equal(toastElements(p)[0]!.getAttribute('style'), null);
  assert.equal(p.window.getComputedStyle(region).position, 'fixed');
});

test('a toast stays while keyboard focus is inside it, even after the pointer leaves', async (t) => {
  const { p, clock } = await markedFailure(t);
  const [toast] = toastElements(p);
  const close = toast!.querySelector<HTMLElement>('.api-errors-toast-close')!;
  toast!.dispatchEvent(new p.window.MouseEvent('mouseenter'));
  close.focus();
  toast!.dispatchEvent(new p.window.MouseEvent('mouseleave'));
  assert.deepEqual(clock.pending(), []);
  clock.tick(60_000);
  assert.deepEqual(toastMessages(p), ['Validation failed']);
  close.blur();
  assert.deepEqual(clock.pending(), [5000]);
});
