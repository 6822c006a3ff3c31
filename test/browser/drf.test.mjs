// The same pages served by the Django REST Framework demo (demo/drf/serve.py, Django 5.2 and
// DRF 3.18 from PyPI, with drf-api-errors installed from python/ into .tmp/venv): real serializer
// errors and the real envelope handler, seen in Chromium. Then what a session-based Django page
// meets: a real sign-in through the form, the session gone, @login_required's redirect, CSRF
// failures from DRF and from Django's middleware, a real AnonRateThrottle, the network cut.
// The DRF demo serves the pages as they are, so jQuery is the default build (4.0.0).

import { it } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserSuite, clickFor, invalidFields, readApiErrors, readField, readToasts, recordApiErrors, waitForToasts,
} from './harness.mjs';

const SESSION_EXPIRED = 'Your session has expired.';
const OUT_OF_DATE = 'The page is out of date. Reload it and try again.';
const OFFLINE = 'You are offline. Changes made while offline are not saved.';

/** Opens the legacy page's closed group of Django failure buttons. */
async function openDjangoButtons(page) {
  await page.click('summary:has-text("What Django pages meet most")');
  await page.waitForSelector('#btn-session', { state: 'visible' });
}

/** Signs in as demo/demo through Django's HTML form and lands on the legacy page, signed in. */
async function signedIn(env) {
  const page = await env.open('/accounts/login/?next=/legacy.html');
  await page.fill('input[name="username"]', 'demo');
  await page.fill('input[name="password"]', 'demo');
  await Promise.all([page.waitForURL(/\/legacy\.html$/), page.click('button[type="submit"]')]);
  await openDjangoButtons(page);
  const response = await clickFor(page, '#btn-session', '/api/session/');
  assert.deepEqual([response.status(), await response.json()], [200, { user: 'demo' }], 'signed in');
  await recordApiErrors(page);
  return page;
}

/** The links and buttons of the toasts, the close buttons left out. */
function toastControls(page) {
  return page.$$eval('.api-errors-toast a, .api-errors-toast button', (elements) => elements
    .filter((element) => !element.classList.contains('api-errors-toast-close'))
    .map((element) => ({ tag: element.tagName, label: element.textContent, href: element.href || null })));
}

/** Clicks `selector` and waits for the api:error event it causes (the events so far: `count`). */
async function clickAndFail(page, selector, urlPart, count) {
  const response = await clickFor(page, selector, urlPart);
  await page.waitForFunction((n) => window.__apiErrorEvents.length === n, count);
  return response;
}

/** The countdown line of the one toast: its ticking sentence, or the sentence it ended with. */
function countdownText(page) {
  return page.$eval('.api-errors-toast-countdown', (line) => (line.querySelector('[aria-hidden="true"]') || line).textContent);
}

/** Every string of a JSON value, keys included. */
function stringsOf(value, found = []) {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => stringsOf(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      stringsOf(item, found);
    }
  }
  return found;
}

browserSuite('legacy page on the DRF demo', (env) => {
  it('a nested 400 from real serializers marks each field (tags.1 on the tags input) and focuses the summary', async () => {
    const page = await env.open('/legacy.html');
    const response = await clickFor(page, '#btn-invalid', '/api/signup');
    assert.equal(response.status(), 400);
    const body = await response.json();
    assert.deepEqual(body.error.errors, {
      email: ['Enter a valid email address.'],
      password: ['Ensure this field has at least 8 characters.'],
      address: { city: ['This field may not be blank.'] },
      // DRF 3.18 keys a list's errors by index; the plugin reads that as it reads a list.
      items: { 1: { qty: ['Ensure this value is greater than or equal to 1.'] }, 2: { sku: ['This field may not be blank.'] } },
      tags: { 1: ['A valid integer is required.'] },
    });
    const [toast] = await waitForToasts(page, 1);
    assert.equal(toast.message, body.error.message);
    assert.deepEqual(toast.details, [], 'tags.1 went to the tags input');
    assert.equal(toast.reference, `Reference: ${response.headers()['x-correlation-id']}`);
    assert.equal(body.error.correlation_id, response.headers()['x-correlation-id']);
    assert.deepEqual(await invalidFields(page), [
      '#id_email', '#id_password', '#id_address-city', '#id_items-1-qty', '#id_items-2-sku', '#id_tags',
    ]);
    assert.deepEqual((await readField(page, '#id_items-1-qty')).describedBy, ['Error: Ensure this value is greater than or equal to 1.']);
    assert.deepEqual((await readField(page, '#id_tags')).describedBy.slice(1), ['Error: Item 2: A valid integer is required.']);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'api-errors-summary');
  });

  it('401: one "Your session has expired." toast with a "Sign in again" link to this page', async () => {
    const page = await env.open('/legacy.html');
    const response = await clickFor(page, '#btn-401', '/api/scenario/401');
    assert.equal(response.status(), 401);
    const [toast] = await waitForToasts(page, 1);
    assert.equal(toast.message, 'Your session has expired.');
    const link = await page.evaluate(() => {
      const a = document.querySelector('.api-errors-toast a');
      return a && { text: a.textContent, href: a.href };
    });
    assert.deepEqual(link, { text: 'Sign in again', href: page.url() });
  });

  for (const scenario of ['500']) {
    it(`${scenario}: the envelope's message and correlation id`, async () => {
      const page = await env.open('/legacy.html');
      const response = await clickFor(page, `#btn-${scenario}`, `/api/scenario/${scenario}`);
      assert.equal(response.status(), Number(scenario));
      const { error } = await response.json();
      const [toast] = await waitForToasts(page, 1);
      assert.equal(toast.message, error.message);
      assert.equal(toast.reference, `Reference: ${error.correlation_id}`);
      assert.doesNotMatch(toast.message, /secret|Traceback|RuntimeError/);
    });
  }

  it('XSS payloads from DRF stay text', async () => {
    const page = await env.open('/legacy.html');
    const response = await clickFor(page, '#btn-xss', '/api/scenario/xss');
    const { error } = await response.json();
    const [toast] = await waitForToasts(page, 1);
    assert.equal(toast.message, error.message);
    assert.equal(toast.reference, `Reference: ${error.correlation_id}`);
    // Everything the plugin drew from the body, as text, with no element made from it.
    const drawn = await page.evaluate(() => {
      const selectors = '.api-errors-toast-message, .api-errors-toast-details li, .api-errors-message div, .api-errors-summary li';
      return {
        texts: Array.from(document.querySelectorAll(selectors), (element) => element.textContent),
        elements: document.querySelectorAll('.api-errors-toast *:not(div):not(p):not(ul):not(li):not(button), .api-errors-message div *, .api-errors-summary li :not(a)').length,
        images: document.querySelectorAll('img, iframe, body svg, script:not([src])').length,
      };
    });
    assert.deepEqual({ elements: drawn.elements, images: drawn.images }, { elements: 0, images: 0 });
    const markup = stringsOf(error).filter((text) => /[<>]/.test(text) && !/^\d{4}-/.test(text));
    assert.ok(markup.length > 0, 'the DRF scenario sends markup');
    for (const payload of stringsOf(error.errors).filter((text) => /[<>]/.test(text))) {
      assert.ok(drawn.texts.some((text) => text.includes(payload)), `shown as text: ${payload}`);
    }
  });

  it('signed in for real, then the session cookie is gone: three 403 NOT_AUTHENTICATED are one "Your session has expired." toast', async () => {
    const page = await signedIn(env);
    assert.deepEqual(await readToasts(page), []);
    // What the browser does once the cookie's Max-Age has passed: it no longer sends it.
    await page.context().clearCookies({ name: 'sessionid' });
    for (let n = 1; n <= 3; n++) {
      const response = await clickAndFail(page, '#btn-session', '/api/session/', n);
      const { error } = await response.json();
      assert.deepEqual([response.status(), error.code, error.message], [403, 'NOT_AUTHENTICATED', 'Authentication credentials were not provided.']);
    }
    assert.deepEqual(await readApiErrors(page), Array.from({ length: 3 }, () => ({
      code: 'NOT_AUTHENTICATED', status: 403, message: 'Authentication credentials were not provided.',
    })));
    const toasts = await readToasts(page);
    assert.deepEqual(toasts.map(({ message, details, reference }) => ({ message, details, reference })), [
      { message: SESSION_EXPIRED, details: [], reference: null },
    ]);
    assert.deepEqual(await toastControls(page), [{ tag: 'A', label: 'Sign in again', href: page.url() }]);
  });

  it('signed out in another tab: @login_required redirects the JSON request to the sign-in page; one session toast', async () => {
    const page = await signedIn(env);
    const allowed = await clickFor(page, '#btn-login-required', '/api/login-required/');
    assert.deepEqual([allowed.status(), await allowed.json()], [200, { ok: true }]);
    // The other tab posts Django's sign-out (CSRF-checked): the session is flushed, the cookie deleted.
    const context = page.context();
    const csrftoken = (await context.cookies()).find((cookie) => cookie.name === 'csrftoken').value;
    const out = await context.request.post(new URL('/accounts/logout/', env.url).href, { headers: { 'X-CSRFToken': csrftoken }, maxRedirects: 0 });
    assert.deepEqual([out.status(), out.headers().location], [302, '/accounts/login/']);
    assert.equal((await context.cookies()).some((cookie) => cookie.name === 'sessionid'), false);
    for (let n = 1; n <= 2; n++) {
      const login = await clickAndFail(page, '#btn-login-required', '/accounts/login/', n);
      assert.equal(login.url(), new URL('/accounts/login/?next=/api/login-required/', env.url).href);
      assert.equal(login.status(), 200);
      assert.equal((await login.request().redirectedFrom()?.response())?.status(), 302);
    }
    assert.deepEqual((await readApiErrors(page)).map(({ code, status }) => ({ code, status })), [
      { code: 'SESSION_EXPIRED', status: 200 }, { code: 'SESSION_EXPIRED', status: 200 },
    ]);
    assert.deepEqual((await readToasts(page)).map((toast) => toast.message), [SESSION_EXPIRED]);
    assert.deepEqual(await toastControls(page), [{ tag: 'A', label: 'Sign in again', href: page.url() }]);
  });

  it("signed in, POSTs without the CSRF token: DRF's 403 and Django's CSRF page are one toast with a Reload button", async () => {
    const page = await signedIn(env);
    const drf = await clickAndFail(page, '#btn-csrf', '/api/csrf/', 1);
    const { error } = await drf.json();
    assert.equal(drf.status(), 403);
    assert.equal(error.code, 'CSRF_FAILED');
    assert.match(error.message, /^CSRF verification failed\. Request aborted\.$/);
    const django = await clickAndFail(page, '#btn-csrf-django', '/csrf-django/', 2);
    assert.equal(django.status(), 403);
    assert.match(django.headers()['content-type'], /^text\/html/);
    assert.match(await django.text(), /CSRF verification failed\. Request aborted\./);
    await clickAndFail(page, '#btn-csrf', '/api/csrf/', 3);
    assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [
      ['CSRF_FAILED', 403], ['CSRF_FAILED', 403], ['CSRF_FAILED', 403],
    ]);
    const toasts = await readToasts(page);
    assert.deepEqual(toasts.map(({ message, details, reference }) => ({ message, details, reference })), [
      { message: OUT_OF_DATE, details: [], reference: null },
    ]);
    assert.deepEqual(await toastControls(page), [{ tag: 'BUTTON', label: 'Reload', href: null }]);
    assert.equal(await page.evaluate(() => document.body.textContent.includes('CSRF verification')), false);
  });

  it("a real AnonRateThrottle: clicks until its 429; the toast counts the server's Retry-After down to \"You can try again now.\"", async () => {
    const page = await env.open('/legacy.html');
    await openDjangoButtons(page);
    await page.clock.pauseAt(new Date('2026-01-01T00:00:00Z'));
    await recordApiErrors(page);
    let throttled = null;
    for (let sent = 0; sent < 3 && !throttled; sent++) {
      const response = await clickFor(page, '#btn-throttled', '/api/throttled/');
      if (response.status() === 429) throttled = response;
      else assert.equal(response.status(), 200);
    }
    assert.ok(throttled, 'throttled by the second request at the latest');
    const header = throttled.headers()['retry-after'];
    assert.match(header, /^\d+$/);
    const seconds = Number(header);
    assert.ok(seconds >= 1 && seconds <= 60, header);
    const { error } = await throttled.json();
    assert.deepEqual([error.code, error.retry_after], ['THROTTLED', seconds]);
    const [toast] = await waitForToasts(page, 1);
    assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [['THROTTLED', 429]]);
    // DRF's own "Expected available in N seconds." goes stale as the countdown runs: given once, live.
    assert.match(error.message, /^Request was throttled\. Expected available in \d+ seconds?\.$/);
    assert.deepEqual([toast.message, toast.reference], ['Request was throttled.', `Reference: ${error.correlation_id}`]);
    assert.equal(await countdownText(page), `Too many requests. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
    await page.clock.runFor(seconds * 1000);
    assert.equal(await countdownText(page), 'You can try again now.');
    assert.equal((await readToasts(page)).length, 1);
  });

  it('the network cut (context.setOffline): one banner, no toast per failed request; back online it goes', async () => {
    const page = await env.open('/legacy.html');
    await openDjangoButtons(page);
    await recordApiErrors(page);
    await page.context().setOffline(true);
    const [banner] = await waitForToasts(page, 1);
    assert.equal(banner.message, OFFLINE);
    for (const [n, button] of [[1, '#btn-session'], [2, '#btn-unavailable'], [3, '#btn-csrf']]) {
      await page.click(button);
      await page.waitForFunction((count) => window.__apiErrorEvents.length === count, n);
    }
    assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [
      ['OFFLINE', 0], ['OFFLINE', 0], ['OFFLINE', 0],
    ]);
    assert.deepEqual((await readToasts(page)).map((toast) => toast.message), [OFFLINE]);
    await page.context().setOffline(false);
    await waitForToasts(page, 0);
    // The connection is back: the next failure is the server's again.
    const response = await clickAndFail(page, '#btn-session', '/api/session/', 4);
    assert.equal(response.status(), 403);
    assert.deepEqual((await waitForToasts(page, 1)).map((toast) => toast.message), [SESSION_EXPIRED]);
  });
}, { server: 'drf' });
