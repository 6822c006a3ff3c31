// The default toast as a person meets it in Chromium on the legacy demo page, with the theme and
// without it (CSSOM fallback styles under the page's strict CSP): where it sits in either
// direction, Escape, Copy, and axe-core finding no violation of any impact.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AXE_PATH, browserSuite, clickFor, waitForToasts } from './harness.mjs';

const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');
const THEMES = [['theme', '/legacy.html'], ['no stylesheet', '/legacy.html?css=0']];

/**
 * Opens the legacy page in `dir`, installed with `options` (without the page's own bottom-end
 * default), and shows the 500 toast.
 */
async function pageWithToast(env, path, dir, options) {
  const page = await env.open(path);
  await page.evaluate(([direction, installOptions]) => {
    document.documentElement.dir = direction;
    delete window.jQuery.ajaxSettings.apiErrors;
    window.ApiErrors.installApiErrors(installOptions);
  }, [dir, options || {}]);
  await clickFor(page, '#btn-500', '/api/scenario/500');
  await waitForToasts(page, 1);
  return page;
}

/** The toast region's box against the viewport: gaps to each edge, in CSS pixels. */
function regionBox(page) {
  return page.$eval('.api-errors-toasts', (region) => {
    const box = region.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    return {
      left: Math.round(box.left),
      right: Math.round(width - box.right),
      top: Math.round(box.top),
      bottom: Math.round(height - box.bottom),
    };
  });
}

browserSuite('the default toast in Chromium', (env) => {
  for (const [theme, path] of THEMES) {
    it(`${theme}: top-end is the top right on a left-to-right page and the top left on a right-to-left one`, async () => {
      const ltr = await regionBox(await pageWithToast(env, path, 'ltr'));
      assert.equal(ltr.top, 16);
      assert.equal(ltr.right, 16);
      assert.ok(ltr.left > 16, JSON.stringify(ltr));
      const rtl = await regionBox(await pageWithToast(env, path, 'rtl'));
      assert.equal(rtl.top, 16);
      assert.equal(rtl.left, 16);
      assert.ok(rtl.right > 16, JSON.stringify(rtl));
    });

    it(`${theme}: bottom-start and top-center mirror and centre in either direction`, async () => {
      const ltr = await regionBox(await pageWithToast(env, path, 'ltr', { position: 'bottom-start' }));
      assert.deepEqual([ltr.bottom, ltr.left], [16, 16]);
      const rtl = await regionBox(await pageWithToast(env, path, 'rtl', { position: 'bottom-start' }));
      assert.deepEqual([rtl.bottom, rtl.right], [16, 16]);
      for (const dir of ['ltr', 'rtl']) {
        const centred = await regionBox(await pageWithToast(env, path, dir, { position: 'top-center' }));
        assert.equal(centred.top, 16);
        assert.ok(Math.abs(centred.left - centred.right) <= 1, `${dir}: ${JSON.stringify(centred)}`);
      }
    });

    it(`${theme}: axe-core finds no violation of any impact with a sticky toast, its count and Copy`, async (t) => {
      // The 500's sticky toast, then a 404 twice: not an outage burst, so its one toast is counted.
      const page = await pageWithToast(env, path, 'ltr');
      await clickFor(page, '#btn-404', '/api/scenario/404');
      await waitForToasts(page, 2);
      await clickFor(page, '#btn-404', '/api/scenario/404');
      await page.waitForSelector('.api-errors-toast-count:has-text("\u00d72")');
      assert.equal((await waitForToasts(page, 2)).length, 2);
      await page.focus('.api-errors-toast-copy');
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document);
        return results.violations.map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      t.diagnostic(`axe ${theme}: ${violations.length} violations`);
      assert.deepEqual(violations, []);
    });
  }

  it('Escape on the page closes the newest toast; Escape in a field is left to the field', async () => {
    const page = await pageWithToast(env, '/legacy.html', 'ltr');
    await clickFor(page, '#btn-404', '/api/scenario/404');
    await waitForToasts(page, 2);
    await page.focus('#id_email');
    await page.keyboard.press('Escape');
    assert.equal((await waitForToasts(page, 2)).length, 2);
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('Escape');
    const [left] = await waitForToasts(page, 1);
    assert.notEqual(left.message, null);
    assert.equal((await page.$$eval('.api-errors-toast-details li', (items) => items.map((li) => li.textContent))).includes('The server answered 500.'), true);
  });

  it('Copy puts the reference on the clipboard and says "Copied"', async () => {
    const page = await pageWithToast(env, '/legacy.html', 'ltr');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
    const reference = (await page.textContent('.api-errors-toast-reference')).replace('Reference: ', '');
    await page.click('.api-errors-toast-copy');
    await page.waitForFunction(() => document.querySelector('.api-errors-toast-copy').textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), reference);
  });

  it('the legacy demo puts its toasts at the bottom, clear of the scenario buttons', async () => {
    const page = await env.open('/legacy.html');
    await clickFor(page, '#btn-500', '/api/scenario/500');
    await waitForToasts(page, 1);
    assert.equal(await page.getAttribute('.api-errors-toasts', 'data-position'), 'bottom-end');
    const covered = await page.evaluate(() => {
      const region = document.querySelector('.api-errors-toasts').getBoundingClientRect();
      // The buttons a person can see: those in the closed "What Django pages meet most" group are not.
      return Array.from(document.querySelectorAll('.buttons button')).filter((button) => button.checkVisibility()).filter((button) => {
        const box = button.getBoundingClientRect();
        return box.left < region.right && region.left < box.right && box.top < region.bottom && region.top < box.bottom;
      }).map((button) => button.id);
    });
    assert.deepEqual(covered, []);
  });

  it("the Backbone demo's built-in toast sits bottom-start and speaks the page's words", async () => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-builtin', '/api/scenario/500');
    const [toast] = await waitForToasts(page, 1);
    assert.equal(toast.closeLabel, 'Close this message');
    assert.match(toast.reference, /^Support code: \S+$/);
    assert.equal(await page.textContent('.api-errors-toast-copy'), 'Copy code');
    const box = await regionBox(page);
    assert.deepEqual([box.left, box.bottom], [16, 16]);
    assert.equal(await page.isVisible('#bb-statusbar'), false, 'the status bar is not used for this request');
  });
});
