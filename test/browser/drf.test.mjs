// The same pages served by the Django REST Framework demo (demo/drf/serve.py, Debian's Django
// 3.2 and DRF 3.14, with drf-api-errors installed from python/ into .tmp/venv): real serializer
// errors and the real envelope handler, seen in Chromium.
// The DRF demo serves the pages as they are, so jQuery is the default build (4.0.0).

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, clickFor, invalidFields, readField, waitForToasts } from './harness.mjs';

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
      items: [{}, { qty: ['Ensure this value is greater than or equal to 1.'] }, { sku: ['This field may not be blank.'] }],
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
}, { server: 'drf' });
