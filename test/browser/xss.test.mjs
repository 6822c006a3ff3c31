// A hostile server in Chromium: markup in the message, field messages, field names and the
// correlation id stays text on every page, with and without dist/api-errors.css. No script
// runs, no dialog opens, no element is made from it, and the strict CSP is never violated.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { XSS_PAYLOADS as P } from '../../demo/api.mjs';
import { browserSuite, clickFor, readField, waitForToasts } from './harness.mjs';

/** Elements a payload could have produced, anywhere on the page. */
function countDangerous(page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    svg: document.querySelectorAll('body svg').length,
    iframe: document.querySelectorAll('iframe').length,
    inlineScript: document.querySelectorAll('script:not([src])').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript" i]').length,
    handlers: Array.from(document.querySelectorAll('body *')).filter((element) =>
      Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name)),
    ).length,
    // Only text nodes below what the plugin drew from server text.
    elementsInText: document.querySelectorAll(
      '.api-errors-toast-message *, .api-errors-toast-details li *, .api-errors-toast-reference *,' +
        ' .api-errors-message div *, #bb-notices strong *, #bb-notices .detail *, .field-error *,' +
        ' .api-errors-summary-title *, .api-errors-summary li :not(a), .api-errors-summary li a *',
    ).length,
  }));
}

const NOTHING = { img: 0, svg: 0, iframe: 0, inlineScript: 0, javascriptLinks: 0, handlers: 0, elementsInText: 0 };

const LEGACY_PAGES = [
  '/legacy.html?jquery=1.12',
  '/legacy.html?jquery=3.7',
  '/legacy.html?jquery=4.0',
  '/legacy.html?jquery=1.12&css=0',
  '/legacy.html?css=0',
];

browserSuite('XSS payloads stay text', (env) => {
  for (const pagePath of LEGACY_PAGES) {
    it(`legacy page ${pagePath}`, async () => {
      const page = await env.open(pagePath);
      assert.deepEqual(await countDangerous(page), NOTHING, 'before');
      await clickFor(page, '#btn-xss', '/api/scenario/xss');
      const [toast] = await waitForToasts(page, 1);

      assert.equal(toast.message, P.message);
      // The form holds an error summary: it, not the toast, lists the errors, each as text.
      assert.deepEqual(toast.details, []);
      assert.equal(toast.reference, `Reference: ${P.correlationId}`);
      assert.deepEqual(await page.$$eval('#signup .api-errors-summary li', (items) => items.map((item) => item.textContent)), [
        P.formError,
        `Email: ${P.email}`,
        `Password: ${P.password}`,
        `${P.fieldName}: ${P.fieldMessage}`,
        `${P.selectorName}: ${P.selectorMessage}`,
      ]);
      // Only the marked fields' items are links, and they point at their inputs.
      assert.deepEqual(await page.$$eval('#signup .api-errors-summary a', (links) => links.map((a) => a.getAttribute('href'))), [
        '#id_email', '#id_password',
      ]);
      // Each message is led by the visually hidden "Error:" that screen readers hear.
      assert.deepEqual((await readField(page, '#id_email')).describedBy, ['Error: ' + P.email]);
      assert.deepEqual(await readField(page, '#id_password'), {
        ariaInvalid: 'true', isInvalid: true, describedBy: ['At least 8 characters.', 'Error: ' + P.password],
      });
      // A field name built to break an unescaped selector marks nothing else.
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 2);
      assert.deepEqual(await countDangerous(page), NOTHING, 'after');
      // Give a payload that did get in the time to load and fire, then check the canary.
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    });
  }

  it('Backbone page with custom renderers', async () => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-xss', '/api/scenario/xss');
    await page.waitForSelector('#bb-notices > li');
    const notice = await page.$eval('#bb-notices > li', (item) => ({
      message: item.querySelector('strong').textContent,
      details: Array.from(item.querySelectorAll('.detail'), (detail) => detail.textContent),
    }));
    assert.equal(notice.message, P.message);
    assert.deepEqual(notice.details.sort(), [
      `${P.fieldName}: ${P.fieldMessage}`,
      `${P.selectorName}: ${P.selectorMessage}`,
    ].sort());
    assert.equal(await page.textContent('#bb-email-error'), P.email);
    assert.equal(await page.textContent('#bb-password-error'), P.password);
    assert.equal(await page.textContent('#bb-reference'), `Reference: ${P.correlationId}`);
    assert.deepEqual(await countDangerous(page), NOTHING);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  it('control: the watcher does see an inline handler the page is made to run', async () => {
    const page = await env.open('/legacy.html');
    const seen = await page.evaluate(async () => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__xss = 1');
      const violation = new Promise((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }),
      );
      image.src = '/no-such-image.png';
      document.body.appendChild(image);
      const directive = await violation;
      image.remove();
      window.__cspViolations = [];
      return { directive, canary: window.__xss };
    });
    assert.deepEqual(seen, { directive: 'script-src-attr', canary: undefined });
    for (let tries = 0; tries < 40 && page.__report.cspConsole.length === 0; tries++) {
      await page.waitForTimeout(50);
    }
    const consoleSeen = page.__report.cspConsole.splice(0);
    assert.equal(consoleSeen.length, 1, 'the console error is collected too');
  });
});
