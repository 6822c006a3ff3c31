// The Backbone page in Chromium (Backbone 1.6.1): the plugin installed with the page's own toast,
// field renderer and clearer; one notice per failure, never a second toast from jQuery.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, clickFor, focusedId, invalidFields, readField } from './harness.mjs';

/** The custom toast's notices in the view's status bar. */
function readNotices(page) {
  return page.$$eval('#bb-notices > li', (items) =>
    items.map((item) => ({
      message: item.querySelector('strong').textContent,
      code: item.querySelector('.code').textContent.trim(),
      details: Array.from(item.querySelectorAll('.detail'), (detail) => detail.textContent),
    })),
  );
}

async function waitForNotices(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('#bb-notices > li').length === n, count);
  return readNotices(page);
}

browserSuite('Backbone app page, Backbone 1.6.1', (env) => {
  it('runs Backbone 1.6.1 with the script-tag build installed by the page', async () => {
    const page = await env.open('/backbone.html');
    assert.equal(await page.textContent('#backbone-version'), '1.6.1');
    assert.equal(await page.textContent('#jquery-version'), '4.0.0');
  });

  it('a failed save gives exactly one notice, custom and default field errors, and the reference', async () => {
    const page = await env.open('/backbone.html');
    const response = await clickFor(page, '#bb-400', '/api/signup');
    assert.equal(response.status(), 400);
    const notices = await waitForNotices(page, 1);
    assert.deepEqual(notices, [{ message: 'Validation failed', code: 'VALIDATION_ERROR (validation) · 400', details: [] }]);
    assert.equal(await page.locator('.api-errors-toast').count(), 0, 'the custom toast replaces the default');

    // The page's renderer draws email and password into its own slots...
    assert.equal(await page.textContent('#bb-email-error'), 'Enter a valid email address.');
    assert.equal(await page.textContent('#bb-password-error'), 'Ensure this field has at least 8 characters.');
    assert.deepEqual((await readField(page, '#bb-email')).describedBy, ['Enter a valid email address.']);
    // ...and hands the others to ApiErrors.defaultRenderField (led by its hidden "Error:").
    assert.deepEqual(await readField(page, '#bb-street'), {
      ariaInvalid: 'true', isInvalid: true, describedBy: ['Error: This field may not be blank.'],
    });
    assert.deepEqual((await readField(page, '#bb-qty')).describedBy, ['Error: Ensure this value is greater than or equal to 1.']);
    assert.deepEqual(await invalidFields(page), ['#bb-email', '#bb-password', '#bb-street', '#bb-qty']);
    assert.equal(await focusedId(page), 'bb-email');

    // The model's api:error event carries the correlation id of the response.
    assert.equal(await page.textContent('#bb-reference'), `Reference: ${response.headers()['x-correlation-id']}`);
  });

  it('401 and 500 on model.fetch each give one notice with the server message', async () => {
    const expected = {
      '401': { message: 'Authentication credentials were not provided.', code: 'NOT_AUTHENTICATED (session_expired) · 401' },
      '500': { message: 'A server error occurred.', code: 'SERVER_ERROR (server) · 500' },
    };
    for (const [status, notice] of Object.entries(expected)) {
      const page = await env.open('/backbone.html');
      const response = await clickFor(page, `#bb-${status}`, `/api/scenario/${status}`);
      assert.deepEqual(await waitForNotices(page, 1), [{ ...notice, details: [] }]);
      assert.equal(await page.locator('.api-errors-toast').count(), 0);
      assert.equal(await page.textContent('#bb-reference'), `Reference: ${response.headers()['x-correlation-id']}`);
    }
  });

  it('editing a field clears its custom error; a valid save clears everything', async () => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-400', '/api/signup');
    await waitForNotices(page, 1);
    await page.fill('#bb-email', 'grace@example.com');
    assert.equal(await page.textContent('#bb-email-error'), '');
    assert.equal((await readField(page, '#bb-email')).ariaInvalid, null);

    const response = await clickFor(page, '#bb-valid', '/api/signup');
    assert.equal(response.status(), 201);
    await page.waitForSelector('#bb-saved:has-text("Saved.")');
    assert.deepEqual(await invalidFields(page), []);
    assert.equal(await page.textContent('#bb-password-error'), '');
    assert.equal(await page.locator('.api-errors-message').count(), 0);
    assert.equal(await page.isVisible('#bb-statusbar'), false);
  });

  it('a later failed request takes the "Saved." line away', async () => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-valid', '/api/signup');
    await page.waitForSelector('#bb-saved:has-text("Saved.")');
    await clickFor(page, '#bb-500', '/api/scenario/500');
    await waitForNotices(page, 1);
    assert.equal(await page.textContent('#bb-saved'), '');
  });

  it('with the default toast, a failed Backbone request is still one toast, and one event', async () => {
    const page = await env.open('/backbone.html');
    // Re-installing with the defaults replaces the page's renderers (never two handlers).
    const seen = await page.evaluate(() => new Promise((resolve) => {
      window.ApiErrors.installApiErrors();
      const model = new window.Backbone.Model();
      const seen = { events: 0, optionsApiError: null };
      window.jQuery(document).on('api:error', () => { seen.events += 1; });
      model.on('api:error', () => { seen.modelEvents = (seen.modelEvents || 0) + 1; });
      model.fetch({
        url: '/api/scenario/500',
        error: (failed, jqXHR, options) => { seen.optionsApiError = options.apiError && options.apiError.code; },
        complete: () => setTimeout(() => resolve(seen), 100),
      });
    }));
    assert.deepEqual(seen, { events: 1, modelEvents: 1, optionsApiError: 'SERVER_ERROR' });
    const toasts = await page.$$eval('.api-errors-toast-message', (messages) => messages.map((m) => m.textContent));
    assert.deepEqual(toasts, ['A server error occurred.']);
    assert.equal(await page.locator('#bb-notices > li').count(), 0, 'the old installation is gone');
  });

  it('Backbone 1.1.2 and 1.4.1 also give exactly one notice per failed save', async () => {
    for (const [version, full] of [['1.1', '1.1.2'], ['1.4', '1.4.1']]) {
      const page = await env.open(`/backbone.html?backbone=${version}`);
      assert.equal(await page.textContent('#backbone-version'), full);
      await clickFor(page, '#bb-400', '/api/signup');
      assert.equal((await waitForNotices(page, 1))[0].message, 'Validation failed', full);
      assert.equal(await page.textContent('#bb-email-error'), 'Enter a valid email address.', full);
      assert.equal(await page.locator('.api-errors-toast').count(), 0, full);
    }
  });
});
