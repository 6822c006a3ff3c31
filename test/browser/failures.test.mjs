// The failures real Django pages meet, in Chromium on the demo under its strict CSP, on jQuery
// 1.12.4, 2.2.4, 3.7.1 and 4.0.0: the browser going offline and online, a throttled request's
// countdown (on the page's own clock, never by waiting), Retry-After as seconds, as a date,
// absent and hostile, "Try again" on a read, a burst of 20 network failures, an expired session
// and a stale CSRF token. Each shows a person exactly one message that says what to do.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, readApiErrors, readToasts, recordApiErrors, waitForToasts } from './harness.mjs';

const VERSIONS = { '1.12': '1.12.4', '2.2': '2.2.4', '3.7': '3.7.1', '4.0': '4.0.0' };
/** Where the page clock is paused: its timers run only when a test moves it on. */
const T0 = new Date('2026-01-01T00:00:00Z');

const OFFLINE = 'You are offline. Changes made while offline are not saved.';
const NETWORK = 'The server could not be reached. Check your connection.';
const TIMEOUT = 'The server took too long to answer.';
const UNAVAILABLE = 'Service temporarily unavailable, try again later.';
const SESSION = 'Your session has expired.';
const CSRF = 'The page is out of date. Reload it and try again.';
const THROTTLED = 'Request was throttled.';

/** Clicks a demo button by script: the ones in the closed "What Django pages meet most" group too. */
function press(page, selector) {
  return page.$eval(selector, (button) => button.click());
}

/** Sends one request with the page's jQuery, the way a page script would. */
function send(page, settings) {
  return page.evaluate((s) => { window.jQuery.ajax(s); }, settings);
}

function waitForEvents(page, count) {
  return page.waitForFunction((n) => window.__apiErrorEvents.length === n, count);
}

/** The toast's action (link or button): its tag, text and, for a link, where it goes. */
function readActions(page) {
  return page.$$eval('.api-errors-toast .api-errors-toast-action', (actions) =>
    actions.map((action) => ({ tag: action.tagName.toLowerCase(), text: action.textContent, href: action.getAttribute('href') })),
  );
}

/** The countdown as it is drawn, and as a screen reader reads it (its accessibility tree). */
async function readCountdown(page) {
  const countdown = page.locator('.api-errors-toast .api-errors-toast-countdown');
  if (!(await countdown.count())) return null;
  return countdown.evaluate((element) => {
    const ticking = element.querySelector('[aria-hidden="true"]');
    return { shown: ticking ? ticking.textContent : element.textContent, hidden: !!ticking };
  });
}

/** What the toast says in the accessibility tree: aria-hidden parts are not in it. */
function spokenToast(page) {
  return page.locator('.api-errors-toast').ariaSnapshot();
}

/** Every element inside the toasts: text only, never markup from a response. */
function toastTags(page) {
  return page.$$eval('.api-errors-toasts *', (elements) => Array.from(new Set(elements.map((element) => element.tagName.toLowerCase()))).sort());
}

browserSuite('Django failure kinds in Chromium', (env) => {
  for (const [version, full] of Object.entries(VERSIONS)) {
    describe(`jQuery ${full}`, () => {
      const open = async (pagePath = '/legacy.html') => {
        const page = await env.open(`${pagePath}?jquery=${version}`);
        assert.equal(await page.textContent('#jquery-version'), full);
        return page;
      };

      it('offline: one banner from the offline event, no toast per request beside it, gone at the online event', async () => {
        const page = await open();
        await recordApiErrors(page);
        await page.context().setOffline(true);
        const [banner] = await waitForToasts(page, 1);
        assert.deepEqual(banner, { role: 'alert', message: OFFLINE, details: [], reference: null, closeLabel: 'Dismiss' });
        assert.equal(await page.evaluate(() => navigator.onLine), false);

        // Requests of every kind fail while offline: still the one banner.
        for (const button of ['#btn-network', '#btn-404', '#btn-500', '#btn-session']) await press(page, button);
        await waitForEvents(page, 4);
        assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [
          ['OFFLINE', 0], ['OFFLINE', 0], ['OFFLINE', 0], ['OFFLINE', 0],
        ]);
        assert.deepEqual((await readToasts(page)).map((toast) => toast.message), [OFFLINE]);

        await page.context().setOffline(false);
        await waitForToasts(page, 0);
        assert.equal(await page.evaluate(() => navigator.onLine), true);
        // Back online, a failure shows its own toast again.
        await press(page, '#btn-network');
        const [toast] = await waitForToasts(page, 1);
        assert.deepEqual([toast.message, toast.reference], [NETWORK, null]);
        assert.equal((await readApiErrors(page)).at(-1).code, 'NETWORK_ERROR');
      });

      it('offline: the banner closed with Escape, or taken away with a swapped body, comes back with the next failed save', async () => {
        const page = await open();
        await recordApiErrors(page);
        await page.context().setOffline(true);
        await waitForToasts(page, 1);
        await page.keyboard.press('Escape');
        await waitForToasts(page, 0);
        await send(page, { url: '/api/signup', type: 'POST', data: { email: 'a@example.org' } });
        await waitForEvents(page, 1);
        const [banner] = await waitForToasts(page, 1);
        assert.equal(banner.message, OFFLINE, 'a save lost while offline is never silent');

        // A Turbo-style visit replaces the body, banner and all.
        await page.evaluate(() => {
          const next = document.createElement('body');
          next.appendChild(document.createElement('main')).textContent = 'Next page';
          document.body.replaceWith(next);
        });
        await waitForToasts(page, 0);
        await send(page, { url: '/api/signup', type: 'POST', data: { email: 'a@example.org' } });
        await waitForEvents(page, 2);
        assert.deepEqual((await waitForToasts(page, 1)).map((toast) => toast.message), [OFFLINE]);
        assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [['OFFLINE', 0], ['OFFLINE', 0]]);
        await page.context().setOffline(false);
        await waitForToasts(page, 0);
      });

      it('a 429 with Retry-After: 37 counts down on the page clock, silently for screen readers, to "You can try again now."', async () => {
        const page = await open();
        await page.clock.pauseAt(T0);
        await press(page, '#btn-throttled');
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.message, 'Request was throttled.');
        assert.match(toast.reference, /^Reference: [0-9a-f-]{36}$/);
        assert.deepEqual(await readCountdown(page), { shown: 'Too many requests. Try again in 37 seconds.', hidden: true });
        // A screen reader hears the first sentence once, with the toast...
        const first = await spokenToast(page);
        // (the visually hidden copy: the drawn, ticking one is aria-hidden and not in the tree).
        assert.equal(first.match(/Too many requests\. Try again in 37 seconds\./g).length, 1, first);
        // ...in the container's one live region: nothing inside the toast is a live region of its own.
        assert.equal(await page.getAttribute('.api-errors-toasts', 'aria-live'), 'assertive');
        assert.deepEqual(await page.$$eval('.api-errors-toast [aria-live], .api-errors-toast [role]', (parts) => parts.map((part) => part.className)), []);

        await page.clock.runFor(10_000);
        assert.deepEqual(await readCountdown(page), { shown: 'Too many requests. Try again in 27 seconds.', hidden: true });
        // The ticking sentence is aria-hidden: what a screen reader has did not change, so nothing is announced.
        assert.equal(await spokenToast(page), first);
        assert.doesNotMatch(first, /27 seconds/);

        await page.clock.runFor(25_000);
        assert.deepEqual(await readCountdown(page), { shown: 'Too many requests. Try again in 2 seconds.', hidden: true });
        await page.clock.runFor(1000);
        // One second left: still counting (the last second's wording is the text table's).
        assert.match((await readCountdown(page)).shown, /^Too many requests\. Try again in 1 seconds?\.$/);
        await page.clock.runFor(1000);
        assert.deepEqual(await readCountdown(page), { shown: 'You can try again now.', hidden: false });
        assert.match(await spokenToast(page), /You can try again now\./);
        assert.doesNotMatch(await spokenToast(page), /Try again in/);
        assert.equal((await readToasts(page)).length, 1, 'the toast stays until dismissed');
      });

      it('Retry-After as seconds, an HTTP date, absent and hostile: one sane toast, a countdown only for a real wait, no markup', async () => {
        const cases = [
          ['seconds', { value: '37' }, 37],
          ['an HTTP date 90 s ahead', { value: new Date(T0.getTime() + 90_000).toUTCString() }, 90],
          ['an HTTP date already past', { value: new Date(T0.getTime() - 90_000).toUTCString() }, null],
          ['absent', {}, null],
          ['-1', { value: '-1' }, null],
          ['1e309', { value: '1e309' }, null],
          ['markup', { value: '<script>window.__xss=1</script><img src=x onerror=alert(1)>' }, null],
          ['a 128 KiB value', { value: '9', repeat: String(128 * 1024) }, null],
          ['a 10 MiB body', { value: 'soon', size: String(10 * 1024 * 1024) }, null],
        ];
        for (const [name, params, seconds] of cases) {
          const page = await open();
          await page.clock.pauseAt(T0);
          const url = `/api/scenario/retry-after?${new URLSearchParams(params)}`;
          const [response] = await Promise.all([
            page.waitForResponse((candidate) => candidate.url().includes('/api/scenario/retry-after')),
            send(page, { url }),
          ]);
          assert.equal(response.status(), 429, name);
          assert.equal(response.headers()['retry-after'], params.value ? params.value.repeat(Number(params.repeat || 1)) : undefined, name);
          const toasts = await waitForToasts(page, 1);
          assert.deepEqual(toasts, [{
            role: 'alert', message: THROTTLED, details: [], closeLabel: 'Dismiss',
            reference: `Reference: ${response.headers()['x-correlation-id']}`,
          }], name);
          assert.deepEqual(await readCountdown(page), seconds && { shown: `Too many requests. Try again in ${seconds} seconds.`, hidden: true }, name);
          assert.deepEqual(await toastTags(page), ['button', 'div'], name);
          if (seconds) {
            await page.clock.runFor(seconds * 1000);
            assert.equal((await readCountdown(page)).shown, 'You can try again now.', name);
          }
        }
      });

      it('a burst of 20 network failures in 1.5 s is one toast, "20 requests failed: …", counted in place', async () => {
        const page = await open();
        await page.clock.pauseAt(T0);
        await recordApiErrors(page);
        for (let sent = 5; sent <= 20; sent += 5) {
          if (sent > 5) await page.clock.runFor(500);
          await press(page, '#btn-burst'); // 5 requests at once
          await waitForEvents(page, sent);
          await page.waitForSelector(`.api-errors-toast-message:text-is("${sent} requests failed: ${NETWORK}")`);
          assert.deepEqual((await readToasts(page)).map((toast) => [toast.message, toast.details, toast.reference]), [
            [`${sent} requests failed: ${NETWORK}`, [], null],
          ]);
          if (sent === 5) await page.$eval('.api-errors-toast', (toast) => { toast.__first = true; });
        }
        assert.equal(await page.$eval('.api-errors-toast', (toast) => toast.__first), true, 'the same toast, updated in place');
        assert.equal(await page.locator('.api-errors-toast-count').count(), 0, 'the count is in the words, not a ×N badge');
        assert.ok((await readApiErrors(page)).every((event) => event.code === 'NETWORK_ERROR'));

        // 2.3 s after the last one, the same failure still counts on the toast on screen...
        await page.clock.runFor(2300);
        await press(page, '#btn-network');
        await waitForEvents(page, 21);
        await page.waitForSelector(`.api-errors-toast-message:text-is("21 requests failed: ${NETWORK}")`);
        assert.deepEqual((await readToasts(page)).map((toast) => toast.message), [`21 requests failed: ${NETWORK}`]);
        // ...and once it is closed, the next one is news again.
        await page.click('.api-errors-toast-close');
        await press(page, '#btn-network');
        const toasts = await waitForToasts(page, 1);
        assert.deepEqual(toasts.map((toast) => toast.message), [NETWORK]);
      });

      it('an expired session, as a DRF 403 and as a @login_required redirect, is one "Sign in again" toast until a request succeeds', async () => {
        const page = await open();
        await recordApiErrors(page);
        await page.evaluate(() => {
          window.__kinds = [];
          window.jQuery(document).on('api:error', (event, error) => window.__kinds.push(error.kind));
        });
        const [redirected] = await Promise.all([
          page.waitForResponse((candidate) => candidate.url().includes('/accounts/login/')),
          press(page, '#btn-login-required'),
        ]);
        assert.match(redirected.headers()['content-type'], /^text\/html/);
        for (let round = 0; round < 4; round += 1) {
          await press(page, '#btn-session');
          await press(page, '#btn-login-required');
        }
        await waitForEvents(page, 9);
        // The server's own code (DRF's NOT_AUTHENTICATED) and the one derived for the redirect:
        // both of the kind session_expired, one toast.
        assert.deepEqual(new Set((await readApiErrors(page)).map((event) => event.code)), new Set(['NOT_AUTHENTICATED', 'SESSION_EXPIRED']));
        assert.deepEqual(await page.evaluate(() => window.__kinds), Array.from({ length: 9 }, () => 'session_expired'));
        const expected = [{ role: 'alert', message: SESSION, details: [], reference: null, closeLabel: 'Dismiss' }];
        assert.deepEqual(await readToasts(page), expected);
        assert.deepEqual(await readActions(page), [{ tag: 'a', text: 'Sign in again', href: page.url() }]);

        // Signed in again (a request succeeded): the toast goes, and the next expiry is told again.
        await press(page, '#btn-valid');
        await page.waitForSelector('#status:has-text("Signed up")');
        await waitForToasts(page, 0);
        await press(page, '#btn-login-required');
        await press(page, '#btn-session');
        await waitForEvents(page, 11);
        assert.deepEqual(await waitForToasts(page, 1), expected);
        assert.deepEqual(await readActions(page), [{ tag: 'a', text: 'Sign in again', href: page.url() }]);
      });

      it("CSRF failures, DRF's JSON and Django's HTML page, are one \"Reload\" toast; Reload reloads the page", async () => {
        const page = await open();
        await recordApiErrors(page);
        for (let round = 0; round < 2; round += 1) {
          await press(page, '#btn-csrf');
          await press(page, '#btn-csrf-django');
        }
        await waitForEvents(page, 4);
        assert.deepEqual((await readApiErrors(page)).map((event) => [event.code, event.status]), [
          ['CSRF_FAILED', 403], ['CSRF_FAILED', 403], ['CSRF_FAILED', 403], ['CSRF_FAILED', 403],
        ]);
        assert.deepEqual(await readToasts(page), [{ role: 'alert', message: CSRF, details: [], reference: null, closeLabel: 'Dismiss' }]);
        assert.deepEqual(await readActions(page), [{ tag: 'button', text: 'Reload', href: null }]);
        assert.doesNotMatch(await page.textContent('body'), /CSRF verification failed/);

        await page.evaluate(() => { window.__before = true; });
        const url = page.url();
        await Promise.all([page.waitForEvent('load'), page.click('.api-errors-toast button.api-errors-toast-action')]);
        assert.equal(await page.evaluate(() => window.__before), undefined, 'a new page: what the old one held is gone');
        assert.equal(page.url(), url);
        assert.equal(await page.textContent('#jquery-version'), full);
        assert.equal((await readToasts(page)).length, 0);
      });

      it('with the retry option (Backbone page), "Try again" re-sends a failed read once and the page\'s own success runs; a save gets no button', async () => {
        const cases = [
          ['503', [UNAVAILABLE, ['The server answered 503.']], 'SERVICE_UNAVAILABLE'],
          ['429', ['Request was throttled.', []], 'THROTTLED'],
          ['network', [NETWORK, []], 'NETWORK_ERROR'],
          ['slow', [TIMEOUT, []], 'TIMEOUT'],
        ];
        for (const [fail, [message, details], code] of cases) {
          const page = await open('/backbone.html');
          await page.clock.pauseAt(T0);
          const sent = [];
          page.on('request', (request) => {
            if (request.url().includes('/api/flaky/')) sent.push([request.method(), request.url()]);
          });
          await page.evaluate(() => {
            window.__codes = [];
            window.jQuery(document).on('api:error', (event, error) => window.__codes.push(error.code));
          });
          await press(page, `#bb-flaky-${fail}`);
          // The page's timeout is 1 s: on the paused clock it fires when the test says so.
          if (fail === 'slow') await page.clock.runFor(1000);
          const [toast] = await waitForToasts(page, 1);
          assert.deepEqual([toast.message, toast.details], [message, details], fail);
          assert.deepEqual(await page.evaluate(() => window.__codes), [code], fail);
          if (fail === '429') {
            // Asked to wait: the button comes when the countdown ends, not before.
            assert.deepEqual(await readCountdown(page), { shown: 'Too many requests. Try again in 5 seconds.', hidden: true });
            assert.deepEqual(await readActions(page), [], 'no button during the wait');
            await page.clock.runFor(4999);
            assert.deepEqual(await readActions(page), [], 'no button during the wait');
            await page.clock.runFor(1);
            assert.deepEqual(await readCountdown(page), { shown: 'You can try again now.', hidden: false });
          }
          assert.deepEqual(await readActions(page), [{ tag: 'button', text: 'Try again', href: null }], fail);
          assert.equal(await page.textContent('#bb-saved'), '', fail);

          await page.click('.api-errors-toast button.api-errors-toast-action');
          await page.waitForSelector('#bb-saved:text-is("Loaded on attempt 2.")');
          await waitForToasts(page, 0);
          // A later request's events come after any copy the button could have sent.
          await page.evaluate(() => fetch('/api/scenario/ok'));
          assert.equal(sent.length, 2, `${fail}: the first request and one copy`);
          assert.deepEqual(sent[1], sent[0], `${fail}: the same read again`);
          assert.equal(sent[0][0], 'GET');
          assert.equal(await page.textContent('#bb-saved'), 'Loaded on attempt 2.');
        }

        const page = await open('/backbone.html');
        await press(page, '#bb-flaky-save');
        const [toast] = await waitForToasts(page, 1);
        assert.deepEqual([toast.message, toast.details], [UNAVAILABLE, ['The server answered 503.']]);
        assert.match(toast.reference, /^Support code: /);
        assert.deepEqual(await readActions(page), [], 'a POST is never sent twice by the plugin');
      });
    });
  }
});
