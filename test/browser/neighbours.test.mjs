// Beside other jQuery libraries, in Chromium under the strict CSP: DataTables 2, Select2 4.1,
// jquery-validation 1.22, the jQuery Form plugin 4.3, jQuery UI 1.14 autocomplete and jQuery
// Migrate 3, each from npm at an exact version, on the jQuery versions each supports. For each:
// one message per failure (or only the widget's own, with the README's recipe), nothing for the
// requests a widget aborts, focus and typed text never taken by a failure in the background, and
// the widget still usable after a failure. The pages are test/fixtures/neighbours/.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, focusedId, invalidFields, readField, readToasts, waitForToasts } from './harness.mjs';
import { startNeighbours } from './neighbours-server.mjs';

const TEXT = 'alice@example.org, then more';

/**
 * Types TEXT into `field` with the keyboard while `start()` sends a request that fails in the
 * background, then waits for `toasts` toasts: focus and every typed character stay in `field`.
 */
async function typeWhileFailing(page, start, toasts, field = '#note') {
  if (field === '#note') await page.focus(field);
  await start();
  assert.equal('#' + (await focusedId(page)), field);
  await page.keyboard.type(TEXT);
  const shown = await waitForToasts(page, toasts);
  await page.keyboard.type('!');
  assert.equal('#' + (await focusedId(page)), field);
  assert.equal(await page.inputValue(field), TEXT + '!');
  return shown;
}

/** Counts the requests to `path` the browser saw cancelled (aborted by the page). */
function countAborts(page, path) {
  const aborted = { count: 0 };
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname === path && /ABORTED/i.test(request.failure()?.errorText || '')) aborted.count += 1;
  });
  return aborted;
}

/** Waits for the answer to the request whose URL holds `part`. */
const answerTo = (page, part) => page.waitForResponse((response) => response.url().includes(part));

/** The toasts on screen after every request has ended and the page has drawn. */
async function settledToasts(page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  return readToasts(page);
}

browserSuite('beside other jQuery libraries', (env) => {
  describe('DataTables 2.3.8 (its ajax option)', () => {
    for (const jquery of ['1.12', '3.7', '4.0']) {
      it(`jQuery ${jquery}: a failed load is one toast, typing elsewhere goes on, the table loads again after`, async () => {
        const page = await env.open(`/datatables.html?jquery=${jquery}`);
        await page.waitForSelector('#people tbody td:has-text("Ada Lovelace")');
        const toasts = await typeWhileFailing(page, () => page.evaluate(() => window.reloadTable(true)), 1);
        assert.deepEqual(toasts.map((toast) => toast.message), ['The table could not be loaded.']);
        assert.equal(await page.textContent('#table-error'), '', 'DataTables said nothing of its own');
        await page.evaluate(() => window.reloadTable(false));
        await page.waitForSelector('#people tbody td:has-text("Linus Torvalds")');
        assert.equal((await readToasts(page)).length, 1);
      });
    }

    it('jQuery 3.7, `apiErrors: false` in its ajax option: only DataTables\' own message', async () => {
      const page = await env.open('/datatables.html?jquery=3.7&own=1');
      await page.waitForSelector('#people tbody td:has-text("Ada Lovelace")');
      const answered = answerTo(page, 'fail=1');
      await page.evaluate(() => window.reloadTable(true));
      await answered;
      await page.waitForSelector('#table-error:has-text("The table could not be loaded.")');
      assert.deepEqual(await settledToasts(page), []);
    });
  });

  describe('Select2 4.1.0 (its ajax option)', () => {
    for (const jquery of ['1.12', '3.7', '4.0']) {
      it(`jQuery ${jquery}: superseded searches are aborted silently, a failed one is one toast, focus stays in the search`, async () => {
        const page = await env.open(`/select2.html?jquery=${jquery}`);
        await page.click('#tags + .select2 .select2-selection');
        const search = page.locator('.select2-search__field');
        await search.waitFor();
        // "slow…" is answered after 1.5 s: every later keystroke supersedes it, and Select2 aborts it.
        const aborted = countAborts(page, '/api/search');
        await page.keyboard.type('slowfail');
        // Waits for what the person sees, the toast: Playwright's response event for this search
        // once did not come within 30 s on a loaded machine (not seen again in isolated runs).
        const toasts = await waitForToasts(page, 1);
        assert.deepEqual(toasts.map((toast) => toast.message), ['Search is down.']);
        assert.ok(aborted.count > 0, 'Select2 aborted the superseded searches');
        assert.equal(await search.inputValue(), 'slowfail');
        assert.ok(await search.evaluate((field) => field === document.activeElement), 'focus is still in the search field');
        // Still usable: another term lists its results.
        await search.fill('');
        await page.keyboard.type('ok');
        await page.waitForSelector('.select2-results__option:has-text("ok one")');
        assert.equal((await readToasts(page)).length, 1);
      });
    }

    it('jQuery 3.7, `apiErrors: false` in its ajax option: only Select2\'s own message', async () => {
      const page = await env.open('/select2.html?jquery=3.7&own=1');
      await page.click('#tags + .select2 .select2-selection');
      await page.locator('.select2-search__field').waitFor();
      await page.keyboard.type('fail');
      await page.waitForSelector('.select2-results__message:has-text("could not be loaded")');
      assert.deepEqual(await settledToasts(page), []);
      assert.ok(await page.locator('.select2-search__field').evaluate((field) => field === document.activeElement && field.value === 'fail'));
      await page.keyboard.press('Backspace');
      await page.keyboard.type('m');
      await page.waitForSelector('.select2-results__option:has-text("faim one")');
    });
  });

  describe('jQuery UI 1.14.2 autocomplete (remote source)', () => {
    for (const jquery of ['1.12', '3.7', '4.0']) {
      it(`jQuery ${jquery}: superseded requests are aborted silently, a failure is one toast, focus and text stay, the menu works after`, async () => {
        const page = await env.open(`/autocomplete.html?jquery=${jquery}`);
        await page.focus('#city');
        const aborted = countAborts(page, '/api/search');
        const answered = answerTo(page, 'term=slowfail');
        // With a key held down between the letters, each term supersedes the one before.
        await page.keyboard.type('slowfail', { delay: 30 });
        await answered;
        const toasts = await waitForToasts(page, 1);
        assert.deepEqual(toasts.map((toast) => toast.message), ['Search is down.']);
        assert.ok(aborted.count > 0, 'autocomplete aborted the superseded requests');
        assert.equal(await focusedId(page), 'city');
        assert.equal(await page.inputValue('#city'), 'slowfail');
        await page.fill('#city', '');
        await page.keyboard.type('Oslo');
        await page.waitForSelector('.ui-menu-item:has-text("Oslo one")');
        assert.equal((await readToasts(page)).length, 1);
      });
    }
  });

  describe('jquery-validation 1.22.1 (remote rule)', () => {
    for (const jquery of ['1.12', '3.7', '4.0']) {
      it(`jQuery ${jquery}: a username check answering 400 while the person types the email marks Username and never takes focus or keystrokes`, async () => {
        const page = await env.open(`/validation.html?jquery=${jquery}`);
        await page.focus('#username');
        await page.keyboard.type('slowtaken');
        const answered = page.waitForResponse((response) => response.url().includes('/api/check-username'));
        await page.keyboard.press('Tab');
        assert.equal(await focusedId(page), 'email');
        await page.keyboard.type('al');
        await answered;
        await page.waitForSelector('#username.is-invalid');
        assert.equal(await focusedId(page), 'email', 'focus stays in Email');
        await page.keyboard.type('ice@example.org');
        assert.equal(await focusedId(page), 'email');
        assert.equal(await page.inputValue('#email'), 'alice@example.org');
        assert.equal(await page.inputValue('#username'), 'slowtaken');
        assert.deepEqual((await readField(page, '#username')).describedBy.filter(Boolean).slice(-1), ['Error: A user with that username already exists.']);
      });

      it(`jQuery ${jquery}: a check that fails (500) while the person types the email is one toast; the next check works`, async () => {
        const page = await env.open(`/validation.html?jquery=${jquery}`);
        await page.focus('#username');
        await page.keyboard.type('slowboom');
        // Leaving Username sends its check; the email is typed while it fails.
        const toasts = await typeWhileFailing(page, () => page.keyboard.press('Tab'), 1, '#email');
        assert.deepEqual(toasts.map((toast) => toast.message), ['The check failed.']);
        await page.fill('#username', 'alice');
        const answered = page.waitForResponse((response) => response.url().includes('username=alice'));
        await page.evaluate(() => window.jQuery('#username').valid());
        await answered;
        await page.waitForFunction(() => window.jQuery('#username').attr('aria-invalid') === 'false');
        assert.equal((await readToasts(page)).length, 1);
      });
    }
  });

  // jQuery Form 4.3 calls $.trim, which jQuery 4 removed: it supports jQuery up to 3.
  describe('jQuery Form 4.3.0 (ajaxForm)', () => {
    for (const jquery of ['1.12', '3.7']) {
      it(`jQuery ${jquery}: a named submit button (_save): the error lands in the submitted form, not the footer's`, async () => {
        const page = await env.open(`/form.html?jquery=${jquery}`);
        const answered = page.waitForResponse((response) => response.url().includes('/api/articles'));
        await page.click('#article button[name="_save"]');
        assert.equal((await answered).status(), 400);
        await page.waitForSelector('[aria-invalid="true"]');
        // A DRF field map carries no message: the toast says "Request failed." and goes by itself.
        assert.deepEqual((await settledToasts(page)).map((toast) => toast.message), ['Request failed.']);
        assert.deepEqual(await invalidFields(page), ['#title'], 'only the submitted form\'s Title is marked');
        // Usable after: filled in, the same form saves.
        await page.fill('#title', 'Hello');
        const saved = page.waitForResponse((response) => response.url().includes('/api/articles'));
        await page.click('#article button[name="_save"]');
        assert.equal((await saved).status(), 201);
        await page.waitForFunction(() => !document.querySelector('[aria-invalid="true"]'));
      });

      it(`jQuery ${jquery}: an XHR upload (FormData) with progress: the error lands in the upload form`, async () => {
        const page = await env.open(`/form.html?jquery=${jquery}`);
        await page.setInputFiles('#document', { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(256 * 1024, 1) });
        const answered = page.waitForResponse((response) => response.url().includes('/api/upload'));
        await page.click('#upload button[type="submit"]');
        assert.equal((await answered).status(), 400);
        await page.waitForSelector('[aria-invalid="true"]');
        assert.ok((await page.evaluate(() => window.uploadProgress)).length > 0, 'uploadProgress ran');
        assert.deepEqual((await settledToasts(page)).map((toast) => toast.message), ['Request failed.']);
        assert.deepEqual(await invalidFields(page), ['#document'], 'only the upload form\'s Document is marked');
      });
    }
  });

  describe('jQuery Migrate 3.6.0 on jQuery 3.7', () => {
    it('failures are one toast each, `.error(markHandled)` through Migrate counts, aborts are silent, and the plugin makes Migrate warn of nothing', async () => {
      const page = await env.open('/migrate.html?jquery=3.7');
      // Migrate was loaded before the plugin: installing warned of nothing.
      assert.deepEqual(await page.evaluate(() => window.jQuery.migrateWarnings), []);
      const toasts = await typeWhileFailing(page, () => page.evaluate(() => {
        const $ = window.jQuery;
        $.ajax({ url: '/api/rows', data: { fail: 1 } });
        $.get('/api/search', { term: 'fail' }).error(window.ApiErrors.markHandled);
        $.get('/api/search', { term: 'slow' }).abort();
      }), 1);
      assert.deepEqual(toasts.map((toast) => toast.message), ['The table could not be loaded.']);
      const warnings = await page.evaluate(() => window.jQuery.migrateWarnings);
      // The page's own `.error()` is Migrate's to report; nothing else.
      assert.deepEqual(warnings, ['jQXHR.error is deprecated and removed [jqXHR-methods]']);
    });
  });
}, { server: startNeighbours });
