// axe-core on the demo pages in every state the plugin draws (the error summary with marked
// fields, the offline banner, the session, CSRF, countdown, "Try again" and burst toasts), with and
// without the theme, left to right and right to left: no violation of any impact. Beside axe, what
// a screen reader is given: each toast in a live region, the countdown's digits outside what is
// announced, named buttons and links, focus on the summary after a failed submit.
// axe is evaluated through the DevTools protocol, which the page's CSP does not govern, so the
// page keeps its strict policy (an injected <script> tag would be blocked).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AXE_PATH, browserSuite, clickFor, readToasts, waitForToasts } from './harness.mjs';

const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');

async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const results = await window.axe.run(document);
    const violations = results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
    return { violations, passes: results.passes.length };
  });
}

function summarize(violations) {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of violations) counts[violation.impact] = (counts[violation.impact] || 0) + 1;
  return counts;
}

/** Runs axe on the page as it is and fails on any violation, whatever its impact. */
async function assertNoViolations(t, label, page) {
  const { violations, passes } = await runAxe(page);
  const counts = summarize(violations);
  t.diagnostic(`axe ${label}: ${passes} rules passed; violations: critical ${counts.critical}, serious ${counts.serious}, ` +
    `moderate ${counts.moderate}, minor ${counts.minor}` +
    (violations.length ? ` (${violations.map((violation) => violation.id).join(', ')})` : ''));
  assert.deepEqual(violations, [], `${label}: axe violations of any impact`);
}

/**
 * With the pointer on each button and link of the toasts in turn: a page's own `button:hover`
 * (the demo's is a light grey) must not take the contrast of the toast's controls.
 */
async function assertNoViolationsHovering(t, label, page) {
  const controls = page.locator('.api-errors-toasts').locator('button, a');
  const count = await controls.count();
  assert.ok(count > 0, 'the toasts have controls to hover');
  for (let index = 0; index < count; index += 1) {
    await controls.nth(index).hover();
    await assertNoViolations(t, `${label}, hovering control ${index + 1} of ${count}`, page);
  }
}

/**
 * What a screen reader is given of each toast: the live region that announces it (`role` or
 * `aria-live` on the toast or an ancestor), and its text without what is aria-hidden, as an
 * accessibility tree leaves it out.
 */
function readAnnounced(page) {
  return page.$$eval('.api-errors-toast', (toasts) => toasts.map((toast) => {
    const live = toast.closest('[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"]');
    const spoken = (node) => {
      if (node.nodeType === 3) return node.nodeValue;
      if (node.nodeType !== 1 || node.getAttribute('aria-hidden') === 'true') return '';
      // A control named by aria-label (the × button) is read by that name.
      return node.getAttribute('aria-label') || Array.from(node.childNodes, spoken).join(' ');
    };
    return {
      role: toast.getAttribute('role'),
      live: live ? live.getAttribute('aria-live') || live.getAttribute('role') : null,
      spoken: spoken(toast).replace(/\s+/g, ' ').trim(),
    };
  }));
}

/** Every toast on screen sits in a live region that announces it (and nothing is aria-live="off"). */
async function assertToastsAnnounced(page) {
  const announced = await readAnnounced(page);
  assert.ok(announced.length > 0, 'a toast is on screen');
  for (const toast of announced) {
    assert.equal(toast.role, 'alert', `the toast "${toast.spoken}" is an alert`);
    assert.ok(toast.live, `the toast "${toast.spoken}" is in a live region`);
  }
  return announced;
}

/**
 * The buttons and links in the toasts, by role and accessible name, sorted: each name is checked
 * through Playwright's role query, which computes it the way the accessibility tree does.
 */
async function controlNames(page) {
  const names = [];
  for (const role of ['button', 'link']) {
    const controls = page.locator('.api-errors-toasts').getByRole(role);
    for (let index = 0; index < await controls.count(); index += 1) {
      const control = controls.nth(index);
      const name = await control.evaluate((element) => element.getAttribute('aria-label') || element.textContent.trim());
      assert.equal(await page.locator('.api-errors-toasts').getByRole(role, { name, exact: true }).count() > 0, true, `${role} "${name}" has that accessible name`);
      names.push(`${role}: ${name}`);
    }
  }
  return names.sort();
}

const VARIANTS = [
  { name: 'themed', query: '', dir: 'ltr' },
  { name: 'without the theme', query: '?css=0', dir: 'ltr' },
  { name: 'themed, right to left', query: '', dir: 'rtl' },
  { name: 'without the theme, right to left', query: '?css=0', dir: 'rtl' },
];

/** The legacy page in a variant: `dir` is set on <html> as a right-to-left site sets it. */
async function openLegacy(env, variant) {
  const page = await env.open('/legacy.html' + variant.query);
  if (variant.dir === 'rtl') await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
  return page;
}

/** Opens the page's closed "What Django pages meet most" group and clicks one of its buttons. */
async function clickDjangoScenario(page, selector, urlPart) {
  await page.click('details > summary');
  return clickFor(page, selector, urlPart);
}

browserSuite('accessibility (axe-core)', (env) => {
  for (const variant of VARIANTS) {
    describe(`/legacy.html, ${variant.name}`, () => {
      it('the error summary, the toast and marked fields: no violation; focus on the summary', async (t) => {
        const page = await openLegacy(env, variant);
        await clickFor(page, '#btn-invalid', '/api/signup');
        await waitForToasts(page, 1);
        await page.waitForSelector('#signup .api-errors-summary li a');
        await page.waitForSelector('#id_items-2-sku[aria-invalid="true"]');
        const focused = await page.evaluate(() => ({
          className: document.activeElement && document.activeElement.className,
          role: document.activeElement && document.activeElement.getAttribute('role'),
          name: document.activeElement && document.getElementById(document.activeElement.getAttribute('aria-labelledby')).textContent,
        }));
        assert.deepEqual(focused, { className: 'api-errors-summary', role: 'alert', name: 'There is a problem' }, 'focus is on the summary');
        await assertToastsAnnounced(page);
        await assertNoViolations(t, `${variant.name}, the summary`, page);

        // Submitting the form itself fails the same way: focus goes to the summary again.
        await page.focus('#btn-submit');
        await clickFor(page, '#btn-submit', '/api/signup');
        await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('api-errors-summary'));
      });

      it('the offline banner: in a live region, a named Dismiss button, no violation', async (t) => {
        const page = await openLegacy(env, variant);
        await page.context().setOffline(true);
        const [banner] = await waitForToasts(page, 1);
        assert.equal(banner.message, 'You are offline. Changes made while offline are not saved.');
        await assertToastsAnnounced(page);
        assert.deepEqual(await controlNames(page), ['button: Dismiss']);
        await assertNoViolations(t, `${variant.name}, offline`, page);
        await page.context().setOffline(false);
        await waitForToasts(page, 0);
      });

      it('the session-expired toast and its "Sign in again" link: no violation', async (t) => {
        const page = await openLegacy(env, variant);
        await clickDjangoScenario(page, '#btn-session', '/api/session/');
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.message, 'Your session has expired.');
        const [announced] = await assertToastsAnnounced(page);
        assert.equal(announced.spoken, 'Your session has expired. Sign in again Dismiss');
        assert.equal(await page.getByRole('link', { name: 'Sign in again', exact: true }).count(), 1);
        assert.deepEqual(await controlNames(page), ['button: Dismiss', 'link: Sign in again']);
        await assertNoViolations(t, `${variant.name}, session expired`, page);
        await assertNoViolationsHovering(t, `${variant.name}, session expired`, page);
      });

      it('the CSRF toast and its Reload button: no violation', async (t) => {
        const page = await openLegacy(env, variant);
        await clickDjangoScenario(page, '#btn-csrf', '/api/csrf/');
        const [toast] = await waitForToasts(page, 1);
        assert.equal(toast.message, 'The page is out of date. Reload it and try again.');
        await assertToastsAnnounced(page);
        assert.equal(await page.locator('.api-errors-toast').getByRole('button', { name: 'Reload', exact: true }).count(), 1);
        assert.deepEqual(await controlNames(page), ['button: Dismiss', 'button: Reload']);
        await assertNoViolations(t, `${variant.name}, CSRF`, page);
        await assertNoViolationsHovering(t, `${variant.name}, CSRF`, page);
      });

      it('the throttled countdown: its digits are not announced as they change, "You can try again now." is; no violation', async (t) => {
        const page = await openLegacy(env, variant);
        await page.clock.install();
        await clickDjangoScenario(page, '#btn-throttled', '/api/throttled/');
        await waitForToasts(page, 1);
        const ticking = () => page.$eval('.api-errors-toast-countdown', (countdown) => ({
          text: countdown.textContent,
          hidden: Array.from(countdown.children, (child) => child.getAttribute('aria-hidden')),
        }));
        const [before] = await assertToastsAnnounced(page);
        assert.match(before.spoken, /Too many requests\. Try again in 37 seconds\./);
        assert.deepEqual((await ticking()).hidden, ['true', null], 'the ticking line is aria-hidden, its spoken copy is not');
        await assertNoViolations(t, `${variant.name}, countdown`, page);

        await page.clock.runFor(5000);
        const later = await ticking();
        assert.match(later.text, /Try again in (3[0-2]|[12]\d|\d) seconds\./, 'the visible digits count down');
        const [after] = await readAnnounced(page);
        assert.equal(after.spoken, before.spoken, 'what a screen reader has of the toast did not change with the digits');

        await page.clock.runFor(40_000);
        await page.waitForSelector('.api-errors-toast-countdown:has-text("You can try again now.")');
        const [done] = await assertToastsAnnounced(page);
        assert.match(done.spoken, /Request was throttled\. You can try again now\. Reference: /);
        assert.deepEqual(await ticking(), { text: 'You can try again now.', hidden: [] }, 'at zero the sentence is plain text, read once');
        await assertNoViolations(t, `${variant.name}, countdown done`, page);
      });

      it('with the retry option, the throttled toast\'s "Try again" button after the wait: no violation', async (t) => {
        const page = await openLegacy(env, variant);
        await page.clock.install();
        // The demo installs with the defaults; a page that wants the button turns `retry` on.
        await page.evaluate(() => { window.ApiErrors.installApiErrors({ retry: true, position: 'bottom-end' }); });
        await clickDjangoScenario(page, '#btn-throttled', '/api/throttled/');
        await waitForToasts(page, 1);
        await page.clock.runFor(38_000);
        await page.waitForSelector('.api-errors-toast button.api-errors-toast-action');
        await assertToastsAnnounced(page);
        assert.deepEqual(await controlNames(page), ['button: Copy', 'button: Dismiss', 'button: Try again']);
        await assertNoViolations(t, `${variant.name}, Try again`, page);
        await assertNoViolationsHovering(t, `${variant.name}, Try again`, page);
      });

      it('a burst toast with its count in words, and a repeat counted ×2: no violation', async (t) => {
        const page = await openLegacy(env, variant);
        // A paused clock: the 2 s burst window is the test's to end, however slow the machine.
        await page.clock.pauseAt(new Date('2026-01-01T00:00:00Z'));
        await page.click('details > summary');
        // Five requests whose connection is cut: no response, so the toast is what is waited for.
        await page.click('#btn-burst');
        await page.waitForSelector('.api-errors-toast-message:has-text("5 requests failed: The server could not be reached.")');
        await clickFor(page, '#btn-404', '/api/scenario/404');
        await clickFor(page, '#btn-404', '/api/scenario/404');
        await page.waitForSelector('.api-errors-toast-count:has-text("\u00d72")');
        assert.deepEqual((await readToasts(page)).map((toast) => toast.message), [
          '5 requests failed: The server could not be reached. Check your connection.',
          'Not found.',
        ]);
        const announced = await assertToastsAnnounced(page);
        assert.match(announced[1].spoken, /Not found\..*×2/);
        await page.clock.resume();
        await assertNoViolations(t, `${variant.name}, burst and count`, page);
      });
    });
  }

  it('/backbone.html with a notice and marked fields: no violation', async (t) => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-400', '/api/signup');
    await page.waitForSelector('#bb-notices > li');
    await assertNoViolations(t, '/backbone.html', page);
  });
});
