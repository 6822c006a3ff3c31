// Focus stays with the person, in real Chromium where focus and typing are real, on jQuery 1.12.4
// to 4.0.0 (the legacy page, the plugin auto-installed): a failure nobody waits on (a remote
// check, an autosave) marks its field and leaves the caret where the person types; the failure
// of a form's submission moves focus to its first marked field, or to its summary.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, focusedId } from './harness.mjs';

const VERSIONS = { '1.12': '1.12.4', '2.2': '2.2.4', '3.7': '3.7.1', '4.0': '4.0.0' };

/** A sign-up form built by the page (no inline script under the CSP), with its own handlers. */
function addForm(page, { summary = false } = {}) {
  return page.evaluate((withSummary) => {
    const $ = window.jQuery;
    const form = $('<form id="reg" novalidate></form>');
    if (withSummary) form.append('<div data-api-errors-summary></div>');
    form.append('<label for="reg-username">Username</label><input id="reg-username" name="username" autocomplete="off">');
    form.append('<label for="reg-email">Email</label><input id="reg-email" name="email" autocomplete="off">');
    form.append('<button type="submit" id="reg-save">Register</button>');
    const search = $('<p><label for="site-search">Search</label><input id="site-search" autocomplete="off"></p>');
    $(document.body).prepend(form).prepend(search);
    // jquery-validation's `remote` rule: checked on leaving the field, sent with context: form.
    $('#reg-username').on('blur', function () {
      $.ajax({ url: '/api/check-username', data: { username: this.value }, context: form[0] });
    });
    // The legacy submit handler.
    form.on('submit', function (event) {
      event.preventDefault();
      $.post('/api/register', $(this).serialize());
    });
  }, summary);
}

/** Answers `urlPart` with a 400 for `errors` once `release()` is called. */
function holdInvalid(page, urlPart, errors) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  const routed = page.route(`**${urlPart}**`, async (route) => {
    await released;
    await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(errors) });
  });
  return { routed, release: () => release() };
}

const values = (page) => page.evaluate(() => ({
  username: document.getElementById('reg-username').value,
  email: document.getElementById('reg-email').value,
  search: document.getElementById('site-search').value,
}));

const invalid = (page, id) => page.waitForSelector(`#${id}[aria-invalid="true"]`);

browserSuite('focus stays with the person', (env) => {
  for (const [version, full] of Object.entries(VERSIONS)) {
    describe(`jQuery ${full}`, () => {
      it('a remote check failing while the person types the email marks Username and the typing stays in Email', async () => {
        const page = await env.open(`/legacy.html?jquery=${version}`);
        await addForm(page);
        const check = holdInvalid(page, '/api/check-username', { username: ['A user with that username already exists.'] });
        await check.routed;
        await page.click('#reg-username');
        await page.keyboard.type('al');
        const sent = page.waitForRequest((request) => request.url().includes('/api/check-username'));
        await page.keyboard.press('Tab');
        await sent;
        await page.keyboard.type('alice@');
        check.release();
        await invalid(page, 'reg-username');
        await page.keyboard.type('example.org');
        assert.deepEqual(await values(page), { username: 'al', email: 'alice@example.org', search: '' });
        assert.equal(await focusedId(page), 'reg-email');
      });

      it('an autosave failing while the person types in the search box keeps the caret there', async () => {
        const page = await env.open(`/legacy.html?jquery=${version}`);
        await addForm(page, { summary: true });
        const save = holdInvalid(page, '/api/autosave', { email: ['Enter a valid email address.'] });
        await save.routed;
        await page.click('#site-search');
        await page.keyboard.type('fo');
        // A timer of the page's: no event of the person's is being dispatched.
        const sent = page.waitForRequest((request) => request.url().includes('/api/autosave'));
        await page.evaluate(() => setTimeout(() => window.jQuery.post('/api/autosave', window.jQuery('#reg').serialize()), 0));
        await sent;
        save.release();
        await invalid(page, 'reg-email');
        await page.keyboard.type('rms');
        assert.equal((await values(page)).search, 'forms');
        assert.equal(await focusedId(page), 'site-search');
        assert.equal(await page.locator('#reg .api-errors-summary li').count(), 1, 'the summary is filled');
      });

      it('Enter in a field submits the form; its failure moves focus to the first marked field, where typing goes', async () => {
        const page = await env.open(`/legacy.html?jquery=${version}`);
        await addForm(page);
        const register = holdInvalid(page, '/api/register', { email: ['Enter a valid email address.'] });
        await register.routed;
        register.release();
        await page.click('#reg-username');
        await page.keyboard.type('alice');
        await page.keyboard.press('Enter');
        await invalid(page, 'reg-email');
        assert.equal(await focusedId(page), 'reg-email');
        await page.keyboard.type('alice@example.org');
        assert.deepEqual(await values(page), { username: 'alice', email: 'alice@example.org', search: '' });
      });

      it('pressing the submit button with a summary in the form moves focus to the summary', async () => {
        const page = await env.open(`/legacy.html?jquery=${version}`);
        await addForm(page, { summary: true });
        const register = holdInvalid(page, '/api/register', { email: ['Enter a valid email address.'] });
        await register.routed;
        register.release();
        await page.click('#reg-save');
        await invalid(page, 'reg-email');
        assert.equal(await page.evaluate(() => document.activeElement.className), 'api-errors-summary');
        assert.deepEqual(await page.$$eval('#reg .api-errors-summary li', (items) => items.map((item) => item.textContent)), [
          'Email: Enter a valid email address.',
        ]);
      });
    });
  }
});
