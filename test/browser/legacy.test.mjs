// The legacy page in Chromium, on jQuery 1.12.4, 3.7.1 and 4.0.0: plain $.ajax calls and the
// auto-installed plugin turn every failure into what a person sees.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserSuite, clickFor, focusedId, invalidFields, readApiErrors, readField, readToasts, recordApiErrors,
  waitForToasts,
} from './harness.mjs';

const VERSIONS = { '1.12': '1.12.4', '3.7': '3.7.1', '4.0': '4.0.0' };

// Envelopes whose toast shows the server's own message. A 401 is not among them: it is the session
// toast (tested on its own below).
const SCENARIOS = [
  { button: '#btn-403', url: '/api/scenario/403', message: 'You do not have permission to perform this action.' },
  { button: '#btn-404', url: '/api/scenario/404', message: 'Not found.' },
  { button: '#btn-429', url: '/api/scenario/429', message: 'Request was throttled.' },
  { button: '#btn-500', url: '/api/scenario/500', message: 'A server error occurred.', details: ['The server answered 500.'] },
];

browserSuite('legacy page', (env) => {
  for (const [version, full] of Object.entries(VERSIONS)) {
    const legacy = `/legacy.html?jquery=${version}`;

    describe(`jQuery ${full}`, () => {
      it(`loads jQuery ${full} and installs the plugin from the script tag alone`, async () => {
        const page = await env.open(legacy);
        assert.equal(await page.textContent('#jquery-version'), full);
        assert.equal(await page.evaluate(() => typeof window.ApiErrors.installApiErrors), 'function');
      });

      it('a nested 400 marks each field, lists them in the summary and focuses it; the toast has the reference', async () => {
        const page = await env.open(legacy);
        const response = await clickFor(page, '#btn-invalid', '/api/signup');
        assert.equal(response.status(), 400);
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.role, 'alert');
        assert.equal(toast.message, 'Validation failed');
        // tags.1 has no input of its own: it goes to the tags input, led by "Item 2:".
        assert.deepEqual(toast.details, []);
        assert.equal(toast.reference, `Reference: ${response.headers()['x-correlation-id']}`);
        assert.equal(toast.closeLabel, 'Dismiss');

        assert.deepEqual(await invalidFields(page), [
          '#id_email', '#id_password', '#id_address-city', '#id_items-1-qty', '#id_items-2-sku', '#id_tags',
        ]);
        const expected = {
          '#id_email': 'Enter a valid email address.',
          '#id_address-city': 'This field may not be blank.', // data-api-field="address.city"
          '#id_items-1-qty': 'Ensure this value is greater than or equal to 1.', // items[1][qty]
          '#id_items-2-sku': 'This field may not be blank.', // Django formset id id_items-2-sku
        };
        for (const [selector, message] of Object.entries(expected)) {
          const field = await readField(page, selector);
          assert.equal(field.ariaInvalid, 'true', selector);
          assert.equal(field.isInvalid, true, selector);
          // Screen readers hear each message led by the visually hidden "Error:".
          assert.deepEqual(field.describedBy, ['Error: ' + message], selector);
        }
        // The password keeps its hint and gains the message, drawn in its data-api-errors-for slot.
        const password = await readField(page, '#id_password');
        assert.deepEqual(password.describedBy, [
          'At least 8 characters.', 'Error: Ensure this field has at least 8 characters.',
        ]);
        assert.equal(
          await page.textContent('[data-api-errors-for="password"] .api-errors-message'),
          'Error: Ensure this field has at least 8 characters.',
        );
        // tags.1 on the list's input, after its hint.
        assert.deepEqual((await readField(page, '#id_tags')).describedBy.slice(1), ['Error: Item 2: A valid integer is required.']);
        // Valid inputs stay untouched.
        assert.equal((await readField(page, '#id_address-street')).ariaInvalid, null);
        assert.equal((await readField(page, '#id_items-1-sku')).ariaInvalid, null);
        // The summary at the top of the form has the focus and one link per marked field.
        assert.deepEqual(await page.$$eval('#signup .api-errors-summary li', (items) => items.map((item) => item.textContent)), [
          'Email: Enter a valid email address.',
          'Password: Ensure this field has at least 8 characters.',
          'City: This field may not be blank.',
          'Item 2 quantity: Ensure this value is greater than or equal to 1.',
          'Item 3 SKU: This field may not be blank.',
          'Tags: Item 2: A valid integer is required.',
        ]);
        assert.equal(await page.evaluate(() => document.activeElement.className), 'api-errors-summary');
        await page.click('#signup .api-errors-summary a[href="#id_tags"]');
        assert.equal(await focusedId(page), 'id_tags');
      });

      it('editing a field clears its error; a later successful signup clears them all', async () => {
        const page = await env.open(legacy);
        await clickFor(page, '#btn-invalid', '/api/signup');
        await page.waitForSelector('#id_email[aria-invalid="true"]');
        await page.fill('#id_email', 'ada@example.com');
        const email = await readField(page, '#id_email');
        assert.deepEqual(email, { ariaInvalid: null, isInvalid: false, describedBy: [] });
        assert.equal((await invalidFields(page)).length, 5);

        const response = await clickFor(page, '#btn-valid', '/api/signup');
        assert.equal(response.status(), 201);
        await page.waitForSelector('#status:has-text("Signed up")');
        assert.deepEqual(await invalidFields(page), []);
        assert.equal(await page.locator('.api-errors-message').count(), 0);
        assert.equal(await page.locator('.is-invalid').count(), 0);
        assert.deepEqual((await readField(page, '#id_password')).describedBy, ['At least 8 characters.']);
      });

      it('an object-level error (non_field_errors) of the form\'s submission is listed in its summary, which takes focus', async () => {
        const page = await env.open(legacy);
        const response = await clickFor(page, '#btn-taken', '/api/signup');
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.message, 'Validation failed');
        assert.deepEqual(toast.details, [], 'the summary holds it');
        assert.equal(toast.reference, `Reference: ${response.headers()['x-correlation-id']}`);
        assert.deepEqual(await invalidFields(page), []);
        assert.deepEqual(await page.$$eval('#signup .api-errors-summary li', (items) => items.map((item) => item.textContent)), [
          'This email is already registered.',
        ]);
        assert.equal(await page.evaluate(() => document.activeElement.className), 'api-errors-summary');
      });

      it('403, 404, 429 and 500 envelopes show the server message and its reference', async () => {
        for (const scenario of SCENARIOS) {
          const page = await env.open(legacy);
          const response = await clickFor(page, scenario.button, scenario.url);
          const [toast] = await waitForToasts(page, 1);
          assert.equal(toast.message, scenario.message, scenario.url);
          assert.deepEqual(toast.details, scenario.details || [], scenario.url);
          assert.equal(toast.reference, `Reference: ${response.headers()['x-correlation-id']}`, scenario.url);
        }
      });

      it('a 401 is one sticky "Your session has expired." toast, with a "Sign in again" link to this page and no reference, until a request succeeds', async () => {
        const page = await env.open(legacy);
        await page.clock.pauseAt(new Date('2026-01-01T00:00:00Z'));
        await recordApiErrors(page);
        const response = await clickFor(page, '#btn-401', '/api/scenario/401');
        assert.equal(response.status(), 401);
        const [toast] = await waitForToasts(page, 1);
        assert.deepEqual({ message: toast.message, details: toast.details, reference: toast.reference }, {
          message: 'Your session has expired.', details: [], reference: null,
        });
        const link = () => page.evaluate(() => {
          const a = document.querySelector('.api-errors-toast a.api-errors-toast-action');
          return a && { text: a.textContent, href: a.href };
        });
        assert.deepEqual(await link(), { text: 'Sign in again', href: page.url() });
        await page.clock.runFor(60_000);
        assert.equal((await readToasts(page)).length, 1, 'the session toast stays until dismissed');

        // A second expiry, even with the first toast dismissed, tells the person nothing new.
        await page.click('.api-errors-toast-close');
        await waitForToasts(page, 0);
        await clickFor(page, '#btn-401', '/api/scenario/401');
        await page.waitForFunction(() => window.__apiErrorEvents.length === 2);
        assert.equal((await readToasts(page)).length, 0, 'no second session toast');

        // Signed in again (a request succeeded): the next expiry is told again.
        await clickFor(page, '#btn-valid', '/api/signup');
        await page.waitForSelector('#status:has-text("Signed up")');
        await clickFor(page, '#btn-401', '/api/scenario/401');
        const [again] = await waitForToasts(page, 1);
        assert.equal(again.message, 'Your session has expired.');
        assert.deepEqual(await link(), { text: 'Sign in again', href: page.url() });
        assert.deepEqual((await readApiErrors(page)).map((event) => event.code), ['NOT_AUTHENTICATED', 'NOT_AUTHENTICATED', 'NOT_AUTHENTICATED'], 'the server\'s own code');
      });

      it('the close button dismisses a toast', async () => {
        const page = await env.open(legacy);
        await clickFor(page, '#btn-404', '/api/scenario/404');
        await waitForToasts(page, 1);
        await page.click('.api-errors-toast button.api-errors-toast-close');
        await waitForToasts(page, 0);
      });

      it("Django's HTML 500 page is never shown: the toast says \"Request failed.\"", async () => {
        const page = await env.open(legacy);
        const response = await clickFor(page, '#btn-500-html', '/api/scenario/500-html');
        assert.match(response.headers()['content-type'], /^text\/html/);
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.message, 'Request failed.');
        assert.deepEqual(toast.details, ['The server answered 500.']);
        assert.equal(toast.reference, `Reference: ${response.headers()['x-correlation-id']}`);
        assert.doesNotMatch(await page.textContent('body'), /Server Error/);
        assert.equal(await page.locator('h1').count(), 1);
      });

      it('a 502 with an empty body says the service is unavailable, with no reference', async () => {
        const page = await env.open(legacy);
        await clickFor(page, '#btn-502', '/api/scenario/502');
        const [toast] = await waitForToasts(page, 1);
        assert.deepEqual({ message: toast.message, details: toast.details, reference: toast.reference }, {
          message: 'The service is unavailable right now. Try again in a moment.', details: ['The server answered 502.'], reference: null,
        });
      });

      it('a timeout and a network error each show one toast that says which', async () => {
        const expected = {
          '#btn-timeout': ['TIMEOUT', 'The server took too long to answer.'],
          '#btn-network': ['NETWORK_ERROR', 'The server could not be reached. Check your connection.'],
        };
        for (const [button, [code, message]] of Object.entries(expected)) {
          const page = await env.open(legacy);
          await recordApiErrors(page);
          await page.click(button);
          const [toast] = await waitForToasts(page, 1);
          assert.equal(toast.message, message, button);
          assert.equal(toast.reference, null, `${button}: no response, no reference`);
          assert.deepEqual(await readApiErrors(page), [{ code, status: 0, message }]);
        }
      });

      it('an aborted request shows nothing', async () => {
        const page = await env.open(legacy);
        await page.click('#btn-abort');
        await page.waitForSelector('#log li:has-text("abort")');
        // A later failure shows exactly its own toast: the abort left none behind.
        await clickFor(page, '#btn-404', '/api/scenario/404');
        const toasts = await waitForToasts(page, 1);
        assert.equal(toasts[0].message, 'Not found.');
        assert.deepEqual(await invalidFields(page), []);
      });
    });
  }

  describe('toasts (jQuery 4.0.0)', () => {
    it('at most three toasts are on screen; the oldest goes first', async () => {
      const page = await env.open('/legacy.html');
      for (const scenario of SCENARIOS) {
        await clickFor(page, scenario.button, scenario.url);
      }
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.api-errors-toast-message')).some((m) => m.textContent === 'A server error occurred.'),
      );
      const toasts = await readToasts(page);
      assert.deepEqual(toasts.map((toast) => toast.message), SCENARIOS.slice(1).map((scenario) => scenario.message));
    });

    it('the same failure again while its toast is on screen is one toast, counted', async () => {
      const page = await env.open('/legacy.html');
      await clickFor(page, '#btn-404', '/api/scenario/404');
      await waitForToasts(page, 1);
      await clickFor(page, '#btn-404', '/api/scenario/404');
      await page.waitForSelector('.api-errors-toast-count:has-text("\u00d72")');
      assert.equal((await readToasts(page)).length, 1);
    });

    it('500s are one toast, "N requests failed: …", updated in place; once it is closed a failure stands alone, and a network error repeated 2.5 s later counts on its toast', async () => {
      const page = await env.open('/legacy.html');
      // A paused clock: the 2 s window is the test's to end, however slow the machine.
      await page.clock.pauseAt(new Date('2026-01-01T00:00:00Z'));
      await clickFor(page, '#btn-500', '/api/scenario/500');
      const [first] = await waitForToasts(page, 1);
      assert.equal(first.message, 'A server error occurred.');
      await page.$eval('.api-errors-toast', (toast) => { toast.__first = true; });
      for (const n of [2, 3]) {
        await clickFor(page, '#btn-500', '/api/scenario/500');
        await page.waitForSelector(`.api-errors-toast-message:has-text("${n} requests failed")`);
        const toasts = await readToasts(page);
        assert.deepEqual(toasts.map((toast) => [toast.message, toast.details]), [
          [`${n} requests failed: A server error occurred.`, ['The server answered 500.']],
        ]);
      }
      assert.equal(await page.$eval('.api-errors-toast', (toast) => toast.__first), true, 'the same toast, updated');
      assert.equal(await page.locator('.api-errors-toast-count').count(), 0, 'a burst says its count in words');
      await page.click('.api-errors-toast-close');
      await waitForToasts(page, 0);

      // Its toast closed, a 500 is a failure of its own again.
      await page.clock.runFor(2500);
      await clickFor(page, '#btn-500', '/api/scenario/500');
      const [alone] = await waitForToasts(page, 1);
      assert.equal(alone.message, 'A server error occurred.');
      await page.click('.api-errors-toast-close');
      await waitForToasts(page, 0);

      // The same network error again 2.5 s later, its toast still up: counted on it, in words.
      await page.click('#btn-network');
      await waitForToasts(page, 1);
      await page.clock.runFor(2500);
      await page.click('#btn-network');
      await page.waitForSelector('.api-errors-toast-message:has-text("2 requests failed")');
      const toasts = await readToasts(page);
      assert.deepEqual(toasts.map((toast) => toast.message), ['2 requests failed: The server could not be reached. Check your connection.']);
    });

    it("Django's failures: a DRF not-authenticated 403 is the session toast, CSRF asks for a reload, a 503 keeps its message", async () => {
      const page = await env.open('/legacy.html');
      const send = (url, type) => page.evaluate(([u, t]) => { window.jQuery.ajax({ url: u, type: t, data: 'a=1' }); }, [url, type]);
      await recordApiErrors(page);
      await send('/api/session/', 'GET');
      const [session] = await waitForToasts(page, 1);
      assert.deepEqual([session.message, session.reference], ['Your session has expired.', null]);
      assert.equal(await page.textContent('.api-errors-toast a.api-errors-toast-action'), 'Sign in again');
      // The 401 after it is the same expiry: still one toast.
      await clickFor(page, '#btn-401', '/api/scenario/401');
      await page.waitForFunction(() => window.__apiErrorEvents.length === 2);
      assert.deepEqual((await readApiErrors(page)).map((event) => event.code), ['NOT_AUTHENTICATED', 'NOT_AUTHENTICATED'], 'the server\'s own code');
      assert.equal((await readToasts(page)).length, 1);
      await page.click('.api-errors-toast-close');

      for (const url of ['/api/csrf/', '/csrf-django/']) {
        await send(url, 'POST');
        const [csrf] = await waitForToasts(page, 1);
        assert.equal(csrf.message, 'The page is out of date. Reload it and try again.', url);
        assert.equal(await page.textContent('.api-errors-toast button.api-errors-toast-action'), 'Reload', url);
        await page.click('.api-errors-toast-close');
        await waitForToasts(page, 0);
      }

      await send('/api/unavailable/', 'GET');
      const [unavailable] = await waitForToasts(page, 1);
      assert.equal(unavailable.message, 'The service is temporarily unavailable. Try again later.');
      assert.deepEqual(unavailable.details, ['The server answered 503.']);
      assert.match(unavailable.reference, /^Reference: \S+$/);

      // Reload does reload the page: what the page held in memory is gone.
      await page.evaluate(() => { window.__before = true; });
      await send('/api/csrf/', 'POST');
      await page.waitForSelector('.api-errors-toast button.api-errors-toast-action:has-text("Reload")');
      await Promise.all([page.waitForEvent('load'), page.click('.api-errors-toast button.api-errors-toast-action')]);
      assert.equal(await page.evaluate(() => window.__before), undefined);
    });

    it('a 403 with nothing on the page stays; a signup whose every error is beside its field goes after 5 s unless hovered', async () => {
      const page = await env.open('/legacy.html');
      // A paused clock: the toasts' timers run only when the test moves it on, however slow the machine.
      await page.clock.pauseAt(new Date('2026-01-01T00:00:00Z'));
      await clickFor(page, '#btn-403', '/api/scenario/403');
      await waitForToasts(page, 1);
      await page.clock.runFor(60_000);
      assert.equal((await readToasts(page)).length, 1, 'the 403 is only in the toast: it stays');
      await page.click('.api-errors-toast-close');

      await clickFor(page, '#btn-valid', '/api/signup');
      await page.fill('#id_email', 'not-an-email');
      await clickFor(page, '#btn-submit', '/api/signup');
      await waitForToasts(page, 1);
      assert.equal(await page.getAttribute('#id_email', 'aria-invalid'), 'true');
      await page.mouse.move(1, 1);
      await page.clock.runFor(4999);
      assert.equal((await readToasts(page)).length, 1, 'still there 1 ms before 5 s');
      await page.clock.runFor(1);
      assert.equal((await readToasts(page)).length, 0, 'gone at 5 s');

      await page.fill('#id_email', 'still-not-an-email');
      await clickFor(page, '#btn-submit', '/api/signup');
      await waitForToasts(page, 1);
      await page.hover('.api-errors-toast');
      await page.clock.runFor(60_000);
      assert.equal((await readToasts(page)).length, 1, 'a hovered toast stays');
    });

    it('the live region is announced and the theme can be dropped with ?css=0', async () => {
      const page = await env.open('/legacy.html?css=0');
      assert.equal(await page.locator('link[href="/dist/api-errors.css"]').count(), 0);
      await clickFor(page, '#btn-invalid', '/api/signup');
      const [toast] = await waitForToasts(page, 1);
      assert.equal(toast.message, 'Validation failed');
      assert.ok(await page.getAttribute('.api-errors-toasts', 'aria-live'));
      // Unthemed, the toast still floats over the page (styles set through the CSSOM, not attributes
      // the CSP would block).
      assert.equal(await page.$eval('.api-errors-toasts', (el) => getComputedStyle(el).position), 'fixed');
    });

    it('the index page links both demo pages', async () => {
      const page = await env.open('/');
      const links = await page.$$eval('a', (anchors) => anchors.map((a) => a.getAttribute('href')));
      assert.ok(links.includes('/legacy.html') && links.includes('/backbone.html'));
    });
  });
});
