// What a person sees for the failures real Django pages hit, on every jQuery version: a real
// jsdom page with the built plugin, real requests to a real server on 127.0.0.1. Expired
// sessions, CSRF, throttling with Retry-After, "Try again", offline, and bursts of one outage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondUrl } from './helpers/server.ts';
import { pageClock } from './helpers/clock.ts';
import { BACKBONE_VERSIONS, JQUERY_VERSIONS, ajax, idle, pageServer, settled, toasts, type TestPage } from './helpers/page.ts';

const fixture = pageServer();
const { page } = fixture;

/** An envelope naming the kind of failure, as a server that sets its own codes answers. */
function envelope(code: string, status: number, message = ''): Record<string, unknown> {
  return { error: { message, code, status, errors: {} } };
}

/** Each toast's whole text, and the links and buttons in it (the close button left out). */
function toastTexts(p: TestPage): string[] {
  return Array.from(p.document.querySelectorAll('.api-errors-toast')).map((toast) => toast.textContent ?? '');
}

function controls(p: TestPage): Array<{ label: string; href: string | null; element: HTMLElement }> {
  return Array.from(p.document.querySelectorAll<HTMLElement>('.api-errors-toast a, .api-errors-toast button'))
    .filter((element) => element.getAttribute('aria-label') !== 'Dismiss')
    .map((element) => ({ label: element.textContent ?? '', href: element.getAttribute('href'), element }));
}

const labels = (p: TestPage): string[] => controls(p).map((control) => control.label);

function requestsTo(path: string): number {
  return fixture.server.received.filter((request) => request.path.split('?')[0] === path).length;
}

/** Sends every request at once and waits until all have settled. */
async function all(p: TestPage, settings: Array<Record<string, unknown>>): Promise<void> {
  const requests = settings.map((one) => p.$.ajax(one));
  await Promise.all(requests.map((jqXHR) => settled(p, jqXHR)));
}

const SESSION = respondUrl(403, envelope('SESSION_EXPIRED', 403, 'Authentication credentials were not provided.'));
const CSRF = respondUrl(403, envelope('CSRF_FAILED', 403, 'CSRF Failed: CSRF token missing.'));
const OK = respondUrl(200, { ok: true });

function goOffline(p: TestPage): void {
  Object.defineProperty(p.window.navigator, 'onLine', { configurable: true, get: () => false });
  p.window.dispatchEvent(new p.window.Event('offline'));
}

function goOnline(p: TestPage): void {
  Object.defineProperty(p.window.navigator, 'onLine', { configurable: true, get: () => true });
  p.window.dispatchEvent(new p.window.Event('online'));
}

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: 20 network failures in a burst are one toast with their count`, async (t) => {
    fixture.server.route('/gone', { destroy: true });
    const p = page(t, { jquery });
    pageClock(p); // the burst is at one moment, however fast this machine sends
    p.ApiErrors.installApiErrors();
    const single = p.ApiErrors.parseApiError({ status: 0 }, 'error').message;
    await all(p, Array.from({ length: 20 }, () => ({ url: '/gone' })));
    assert.deepEqual(toasts(p).map((toast) => toast.message), [`20 requests failed: ${single}`]);
  });

  test(`jQuery ${jquery}: the same failure 2.3 s later counts on the toast on screen; once it is closed, the count starts again`, async (t) => {
    fixture.server.route('/gone', { destroy: true });
    const p = page(t, { jquery });
    const clock = pageClock(p);
    p.ApiErrors.installApiErrors();
    const single = p.ApiErrors.parseApiError({ status: 0 }, 'error').message;
    await all(p, [{ url: '/gone' }, { url: '/gone' }]);
    clock.advance(2300);
    await ajax(p, { url: '/gone' });
    assert.deepEqual(toasts(p).map((toast) => toast.message), [`3 requests failed: ${single}`]);
    p.document.querySelector<HTMLElement>('.api-errors-toast [aria-label="Dismiss"]')!.click();
    await ajax(p, { url: '/gone' });
    assert.deepEqual(toasts(p).map((toast) => toast.message), [single]);
  });

  test(`jQuery ${jquery}: 503s with field errors of two forms are never merged`, async (t) => {
    const p = page(t, { jquery });
    pageClock(p);
    p.ApiErrors.installApiErrors();
    const failing = (field: string) => respondUrl(503, { error: { message: 'Try later', code: 'SERVICE_UNAVAILABLE', status: 503, errors: { [field]: ['Not saved.'] } } });
    await all(p, [{ url: failing('email') }, { url: failing('name') }]);
    assert.deepEqual(toasts(p).map((toast) => toast.details), [['email: Not saved.', 'The server answered 503.'], ['name: Not saved.', 'The server answered 503.']]);
  });

  test(`jQuery ${jquery}: an expired session shows one toast over 5 failures, again after a success and a new expiry`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    await all(p, Array.from({ length: 5 }, () => ({ url: SESSION })));
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Your session has expired.']);
    assert.deepEqual(controls(p).map(({ label, href }) => ({ label, href })), [{ label: 'Sign in again', href: p.window.location.href }]);
    await ajax(p, { url: SESSION });
    assert.equal(toasts(p).length, 1, 'still one');
    await ajax(p, { url: OK });
    assert.deepEqual(toasts(p), [], 'a success means the session is back');
    await all(p, [{ url: SESSION }, { url: SESSION }]);
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Your session has expired.']);
  });

  test(`jQuery ${jquery}: the session toast stays until dismissed and links to loginUrl`, async (t) => {
    const p = page(t, { jquery });
    const clock = pageClock(p);
    p.ApiErrors.installApiErrors({ loginUrl: '/accounts/login/?next=/orders/' });
    await ajax(p, { url: SESSION });
    clock.advance(60_000);
    assert.deepEqual(controls(p).map(({ label, href }) => ({ label, href })), [{ label: 'Sign in again', href: '/accounts/login/?next=/orders/' }]);
  });

  test(`jQuery ${jquery}: onSessionExpired is called once for 5 failures instead of the toast; false turns it off`, async (t) => {
    const p = page(t, { jquery });
    const calls: Array<[string, string]> = [];
    p.ApiErrors.installApiErrors({ onSessionExpired: (error: any, context: any) => calls.push([error.code, context.settings.url]) });
    await all(p, Array.from({ length: 5 }, () => ({ url: SESSION })));
    assert.deepEqual(calls, [['SESSION_EXPIRED', SESSION]]);
    assert.deepEqual(toasts(p), []);
    p.ApiErrors.installApiErrors({ onSessionExpired: false });
    await ajax(p, { url: SESSION });
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Authentication credentials were not provided.']);
  });

  test(`jQuery ${jquery}: a CSRF failure shows one "Reload" toast however many requests it fails`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    await all(p, [{ url: CSRF, type: 'POST' }, { url: CSRF, type: 'POST' }, { url: CSRF, type: 'DELETE' }]);
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['The page is out of date. Reload it and try again.']);
    assert.deepEqual(labels(p), ['Reload']);
    assert.equal(controls(p)[0]?.element.tagName, 'BUTTON');
  });

  test(`jQuery ${jquery}: throttled: the toast counts Retry-After down and says "You can try again now." at zero`, async (t) => {
    const p = page(t, { jquery });
    const clock = pageClock(p);
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(429, envelope('RATE_LIMITED', 429, 'Request was throttled.'), { headers: { 'Retry-After': '37' } }) });
    assert.equal(toasts(p).length, 1);
    assert.match(toastTexts(p)[0] ?? '', /Too many requests\. Try again in 37 seconds\./);
    clock.advance(1000);
    assert.match(toastTexts(p)[0] ?? '', /Try again in 36 seconds\./);
    clock.advance(34_000);
    assert.match(toastTexts(p)[0] ?? '', /Try again in 2 seconds\./);
    clock.advance(1000);
    assert.match(toastTexts(p)[0] ?? '', /Try again in 1 second\./);
    assert.doesNotMatch(toastTexts(p)[0] ?? '', /1 seconds/);
    clock.advance(1000);
    assert.match(toastTexts(p)[0] ?? '', /You can try again now\./);
    assert.doesNotMatch(toastTexts(p)[0] ?? '', /Try again in/);
    assert.deepEqual(labels(p), [], 'no button without the retry option');
  });

  test(`jQuery ${jquery}: with retry, a throttled GET gets its "Try again" button when the countdown ends`, async (t) => {
    fixture.server.route('/throttled', { status: 429, body: envelope('RATE_LIMITED', 429), headers: { 'Retry-After': '5' } });
    const p = page(t, { jquery });
    const clock = pageClock(p);
    p.ApiErrors.installApiErrors({ retry: true });
    await ajax(p, { url: '/throttled', success() {} });
    assert.deepEqual(labels(p), [], 'not while waiting');
    clock.advance(4000);
    assert.deepEqual(labels(p), []);
    clock.advance(1000);
    assert.deepEqual(labels(p), ['Try again']);
    const before = requestsTo('/throttled');
    controls(p)[0]?.element.click();
    await idle(p);
    assert.equal(requestsTo('/throttled'), before + 1);
  });

  test(`jQuery ${jquery}: retry re-sends a failed GET exactly once; the page's own success callback runs`, async (t) => {
    const path = `/flaky-${jquery}`;
    let answered = 0;
    fixture.server.route(path, (_request, response) => {
      answered += 1;
      const ok = answered > 1;
      response.writeHead(ok ? 200 : 503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(ok ? { items: [1] } : envelope('SERVICE_UNAVAILABLE', 503, 'Down for maintenance.')));
    });
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors({ retry: true });
    const loaded: string[] = [];
    await ajax(p, { url: path, data: { page: 2 }, success: (body: unknown) => loaded.push(JSON.stringify(body)) });
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Down for maintenance.']);
    assert.deepEqual(labels(p), ['Try again']);
    const button = controls(p)[0]!.element;
    button.click();
    button.click();
    await idle(p);
    assert.equal(p.$.active, 0);
    const sent = fixture.server.received.filter((request) => request.path.startsWith(path));
    assert.deepEqual(sent.map((request) => request.path), [path + '?page=2', path + '?page=2'], 'sent again once, with its data');
    assert.deepEqual(loaded, ['{"items":[1]}']);
    assert.deepEqual(toasts(p), [], 'the toast went when the request was sent again');
  });

  test(`jQuery ${jquery}: a re-sent request that fails again gets no second button; a POST never gets one`, async (t) => {
    fixture.server.route('/down', { status: 503, body: envelope('SERVICE_UNAVAILABLE', 503, 'Down.') });
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors({ retry: true });
    await ajax(p, { url: '/down', type: 'POST' });
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Down.']);
    assert.deepEqual(labels(p), [], 'POST is not sent twice');
    p.document.querySelector<HTMLElement>('.api-errors-toast [aria-label="Dismiss"]')!.click();
    const before = requestsTo('/down');
    await ajax(p, { url: '/down', success() {} });
    controls(p)[0]!.element.click();
    await idle(p);
    assert.equal(requestsTo('/down'), before + 2);
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Down.']);
    assert.deepEqual(labels(p), []);
  });

  test(`jQuery ${jquery}: offline: one banner until the online event, no per-request toasts beside it`, async (t) => {
    fixture.server.route('/gone', { destroy: true });
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    goOffline(p);
    const banner = 'You are offline. Changes made while offline are not saved.';
    assert.deepEqual(toasts(p).map((toast) => toast.message), [banner]);
    await all(p, [{ url: '/gone' }, { url: '/gone', type: 'POST' }, { url: '/gone' }]);
    assert.deepEqual(toasts(p).map((toast) => toast.message), [banner]);
    goOnline(p);
    assert.deepEqual(toasts(p), []);
  });

  test(`jQuery ${jquery}: a network failure while navigator.onLine is false shows the banner, not a toast`, async (t) => {
    fixture.server.route('/gone', { destroy: true });
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors();
    Object.defineProperty(p.window.navigator, 'onLine', { configurable: true, get: () => false });
    await all(p, [{ url: '/gone' }, { url: '/gone' }]);
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['You are offline. Changes made while offline are not saved.']);
    goOnline(p);
    assert.deepEqual(toasts(p), []);
  });
}

test('with its own toast, a page gets every failure as before, with its code', async (t) => {
  const p = page(t);
  const seen: string[] = [];
  p.ApiErrors.installApiErrors({ toast: (_message: string, error: any) => seen.push(error.code) });
  await all(p, [{ url: CSRF }, { url: CSRF }]);
  goOffline(p);
  assert.deepEqual(seen, ['CSRF_FAILED', 'CSRF_FAILED']);
  assert.deepEqual(toasts(p), [], 'no banner drawn over the page\'s own toasts');
});

for (const backbone of BACKBONE_VERSIONS) {
  test(`Backbone ${backbone}: "Try again" on a failed fetch sends it again and the model takes the answer`, async (t) => {
    const path = `/account-${backbone}`;
    let answered = 0;
    fixture.server.route(path, (_request, response) => {
      answered += 1;
      response.writeHead(answered > 1 ? 200 : 503, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answered > 1 ? { id: 1, name: 'Ada' } : envelope('SERVICE_UNAVAILABLE', 503, 'Down.')));
    });
    const p = page(t, { backbone });
    p.ApiErrors.installApiErrors({ retry: true });
    const Account = p.Backbone.Model.extend({ url: path });
    const account = new Account();
    const synced: string[] = [];
    account.on('sync', () => synced.push(account.get('name')));
    account.fetch();
    await idle(p);
    assert.deepEqual(labels(p), ['Try again']);
    controls(p)[0]!.element.click();
    await idle(p);
    assert.equal(answered, 2);
    assert.deepEqual(synced, ['Ada']);
    assert.deepEqual(toasts(p), []);
  });

  test(`Backbone ${backbone}: a save that fails with an expired session shows the session toast once, and no Try again`, async (t) => {
    const p = page(t, { backbone });
    p.ApiErrors.installApiErrors({ retry: true });
    const Account = p.Backbone.Model.extend({ url: SESSION });
    new Account({ name: 'Ada' }).save();
    new Account({ name: 'Bob' }).save();
    await idle(p);
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Your session has expired.']);
    assert.deepEqual(labels(p), ['Sign in again']);
  });
}
