// Toasts that stay must not block the page: on the legacy demo page, after a burst, a throttle and
// a session expiry (three toasts that stay until dismissed), at a laptop's 1366×768 and a phone's
// 375×667, with the theme and without it, left to right and right to left. The stack keeps to a
// corner strip at most a third of the viewport high, the older toasts fold to one line that opens
// on hover and on keyboard focus, "Dismiss all" closes them at once, every button of the page can
// still be reached, and axe-core finds no violation.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AXE_PATH, browserSuite, clickFor, focusedId, readToasts, waitForToasts } from './harness.mjs';

const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');
const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 375, height: 667 }];
const THEMES = [['themed', '/legacy.html'], ['without the theme', '/legacy.html?css=0']];

/** The legacy page (toasts at bottom-end) with the three sticky toasts of the issue, in order. */
async function pageWithStack(env, path, viewport, dir = 'ltr') {
  const page = await env.open(path, { viewport });
  if (dir === 'rtl') await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
  await page.click('details > summary');
  await page.click('#btn-burst');
  await page.waitForSelector('.api-errors-toast-message:has-text("5 requests failed")');
  await clickFor(page, '#btn-throttled', '/api/throttled/');
  await waitForToasts(page, 2);
  await clickFor(page, '#btn-session', '/api/session/');
  const toasts = await waitForToasts(page, 3);
  assert.deepEqual(toasts.map((toast) => toast.message.split('.')[0]), [
    '5 requests failed: The server could not be reached',
    'Request was throttled',
    'Your session has expired',
  ]);
  return page;
}

/** The stack's box against the viewport, and each toast's height and its body's line count. */
function readStack(page) {
  return page.evaluate(() => {
    const region = document.querySelector('.api-errors-toasts');
    const box = region.getBoundingClientRect();
    const toasts = Array.from(region.querySelectorAll('.api-errors-toast'), (toast) => {
      const body = toast.querySelector('.api-errors-toast-body');
      const lineHeight = parseFloat(getComputedStyle(toast.querySelector('.api-errors-toast-message')).lineHeight);
      return { lines: Math.round(body.clientHeight / lineHeight), height: Math.round(toast.getBoundingClientRect().height) };
    });
    return {
      top: Math.round(box.top),
      height: Math.round(box.height),
      left: Math.round(box.left),
      right: Math.round(document.documentElement.clientWidth - box.right),
      bottom: Math.round(document.documentElement.clientHeight - box.bottom),
      viewport: document.documentElement.clientHeight,
      toasts,
    };
  });
}

/**
 * The page's own buttons a person cannot reach: for each, scrolled to the middle of the window
 * as a person scrolls to what they want, the element at its centre is not the button itself.
 */
function unreachableButtons(page) {
  return page.evaluate(() => {
    const blocked = [];
    for (const button of document.querySelectorAll('main button')) {
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !button.contains(hit)) blocked.push(`${button.id} under ${hit ? hit.className || hit.tagName : 'nothing'}`);
    }
    return blocked;
  });
}

async function assertNoViolations(page, label) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document);
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${label}: axe violations`);
}

browserSuite('toasts that stay do not block the page', (env) => {
  for (const viewport of VIEWPORTS) {
    for (const [theme, path] of THEMES) {
      describe(`${viewport.width}×${viewport.height}, ${theme}`, () => {
        it('the stack keeps to a corner strip at most a third of the window high, the newest in sight; themed, every button of the page can be reached', async () => {
          const page = await pageWithStack(env, path, viewport);
          const stack = await readStack(page);
          assert.ok(stack.height <= Math.ceil(stack.viewport / 3), `the stack is ${stack.height} px high in a ${stack.viewport} px window`);
          assert.deepEqual([stack.bottom, stack.right], [16, 16], 'bottom-end, 16 px from the corner');
          // The newest toast is in sight: the strip is scrolled to it when it is full, before the
          // next frame is drawn (what a person sees).
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
          const newest = await page.$eval('.api-errors-toast:last-of-type', (toast) => {
            const box = toast.getBoundingClientRect();
            const region = toast.parentNode.getBoundingClientRect();
            return box.top >= region.top - 1 && box.bottom <= region.bottom + 1;
          });
          assert.equal(newest, true, 'the newest toast is seen whole');
          if (theme !== 'themed') {
            // Without the stylesheet nothing folds: the strip scrolls, and a button at the very end
            // of a short page can stay under it until "Dismiss all".
            return;
          }
          assert.deepEqual(await unreachableButtons(page), []);
          // Playwright's own click, without force: it waits until nothing covers the button.
          for (const id of ['#btn-csrf', '#btn-burst', '#btn-unavailable', '#btn-login-required']) {
            await page.locator(id).click({ trial: true, timeout: 5000 });
          }
        });

        it('"Dismiss all" shows with two toasts or more and closes them all, focus back where it was', async () => {
          const page = await pageWithStack(env, path, viewport);
          const all = page.getByRole('button', { name: 'Dismiss all', exact: true });
          assert.equal(await all.count(), 1);
          await page.focus('#id_email');
          await all.focus();
          await page.keyboard.press('Enter');
          await waitForToasts(page, 0);
          assert.equal(await focusedId(page), 'id_email');
          assert.equal(await all.count(), 0, '"Dismiss all" goes with the toasts');
          await clickFor(page, '#btn-500', '/api/scenario/500');
          await waitForToasts(page, 1);
          assert.equal(await all.count(), 0, 'one toast: no "Dismiss all"');
        });
      });
    }

    it(`${viewport.width}×${viewport.height}, themed: the older toasts are one line each, and open on hover and on keyboard focus`, async () => {
      const page = await pageWithStack(env, '/legacy.html', viewport);
      const folded = await readStack(page);
      assert.deepEqual(folded.toasts.map((toast) => toast.lines > 1), [false, false, true], `only the newest is open: ${JSON.stringify(folded.toasts)}`);
      // Hover: the throttled toast opens with its countdown and reference.
      await page.locator('.api-errors-toast').nth(1).hover();
      const hovered = await readStack(page);
      assert.ok(hovered.toasts[1].lines >= 3, `hovered: ${JSON.stringify(hovered.toasts)}`);
      assert.equal(hovered.toasts[0].lines, 1);
      assert.ok(hovered.height <= Math.ceil(hovered.viewport / 3) + 1, `the stack stays in its strip: ${hovered.height} px`);
      await page.mouse.move(1, 1);
      // Keyboard: from the first toast's close button, Tab goes to the throttled toast's Copy
      // button, which is seen, and the toast holding it is open.
      await page.focus('.api-errors-toast:nth-child(1) .api-errors-toast-close');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        const box = active.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return { className: active.className, seen: active === hit || active.contains(hit) };
      });
      assert.deepEqual(focused, { className: 'api-errors-toast-copy', seen: true });
      const opened = await readStack(page);
      assert.ok(opened.toasts[1].lines >= 3, `focused: ${JSON.stringify(opened.toasts)}`);
      assert.equal(opened.toasts[0].lines, 1);
    });
  }

  for (const [theme, path] of THEMES) {
    it(`${theme}, right to left: the stack sits in the bottom-left corner, and axe finds no violation (either direction)`, async () => {
      const rtl = await pageWithStack(env, path, VIEWPORTS[0], 'rtl');
      const stack = await readStack(rtl);
      assert.deepEqual([stack.bottom, stack.left], [16, 16]);
      await assertNoViolations(rtl, `${theme}, right to left`);
      const ltr = await pageWithStack(env, path, VIEWPORTS[1]);
      await assertNoViolations(ltr, `${theme}, 375×667`);
      await ltr.locator('.api-errors-toast').first().hover();
      await assertNoViolations(ltr, `${theme}, 375×667, an older toast hovered`);
      assert.equal((await readToasts(ltr)).length, 3);
    });
  }
});
