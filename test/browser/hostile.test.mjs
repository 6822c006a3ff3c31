// The hostile corpus (test/fixtures/xss-payloads.json) in Chromium, on the demo's legacy page
// under its strict CSP, through the auto-installed plugin. Each payload goes into the message, a
// field message, two field names and the correlation id (body), then into the X-Correlation-ID
// header; the responses are fulfilled with page.route(). Nothing runs (no CSP violation, no
// dialog, window.__xss unset: the harness checks after each test), no element is made from it,
// and the toast shows it literally. Also the default field renderer against names built to
// break selectors, in a real selector engine.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { browserSuite, readField, ROOT } from './harness.mjs';

const { payloads: PAYLOADS } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/xss-payloads.json'), 'utf8'));

const API = '/hostile-api/';
const PATH_LENGTH = 200;
/** A field name as the parser reports it: empty dot-segments dropped, cut to 200 characters. */
const fieldPath = (name) => name.split('.').filter(Boolean).join('.').slice(0, PATH_LENGTH);
/** Header values must be visible ASCII on one line. */
const headerSafe = (text) => /^[\x20-\x7e]+$/.test(text);

/** Answers /hostile-api/body?i=N and /hostile-api/header?i=N from the corpus. */
async function routeCorpus(page) {
  await page.route(`**${API}**`, (route) => {
    const url = new URL(route.request().url());
    const index = Number(url.searchParams.get('i'));
    const { payload } = PAYLOADS[index];
    if (url.pathname.endsWith('/header')) {
      return route.fulfill({
        status: 400,
        contentType: 'application/json',
        headers: { 'X-Correlation-ID': payload },
        body: JSON.stringify({ error: { message: `Header case ${index}`, code: 'BAD' } }),
      });
    }
    const errors = {
      email: [payload],
      [payload]: [`named ${payload}`],
      [`zz${payload}`]: [payload],
      non_field_errors: [`form ${payload}`],
    };
    return route.fulfill({
      status: 400,
      contentType: 'application/json',
      headers: { 'X-Correlation-ID': 'header-loses' },
      body: JSON.stringify({ error: { message: payload, code: 'VALIDATION_ERROR', status: 400, errors, correlation_id: payload } }),
    });
  });
}

/** Tag names of every element outside the plugin's own markup, counted. */
function foreignElements(page) {
  return page.evaluate(() => {
    const own = new Set(['DIV', 'P', 'UL', 'LI', 'BUTTON']);
    const counts = {};
    for (const element of document.getElementsByTagName('*')) {
      if (own.has(element.tagName) || element.hasAttribute('data-hostile-test')) continue;
      // The summary's heading and links, and the hidden "Error:" spans, are the plugin's own.
      if (element.closest('.api-errors-summary, .api-errors-message')) continue;
      counts[element.tagName] = (counts[element.tagName] || 0) + 1;
    }
    return counts;
  });
}

/** What the plugin drew from server text holds text only, and no element has an inline handler. */
function markupFromText(page) {
  return page.evaluate(() => ({
    inText: document.querySelectorAll(
      '.api-errors-toast-message *, .api-errors-toast-details li *, .api-errors-toast-reference *, .api-errors-message div *, '
        + '.api-errors-message span *, .api-errors-summary h2 *, .api-errors-summary li > :not(a), .api-errors-summary a *',
    ).length,
    foreignInPlugin: Array.from(document.querySelectorAll('.api-errors-toasts *, .api-errors-message, .api-errors-message *, .api-errors-summary *'))
      .filter((element) => !['DIV', 'P', 'UL', 'LI', 'BUTTON', 'SPAN', 'H2', 'A'].includes(element.tagName)).length,
    handlers: Array.from(document.querySelectorAll('*')).filter((element) =>
      Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name)),
    ).length,
  }));
}

/** Sends $.ajax from the page and resolves after its complete callback and the plugin ran. */
function sendFromPage(page, url, settings = {}) {
  return page.evaluate(
    ({ url, settings }) =>
      new Promise((resolve) => {
        window.jQuery.ajax(Object.assign({ url, complete: () => setTimeout(resolve, 20) }, settings));
      }),
    { url, settings },
  );
}

/** The last toast on screen: message, detail lines, reference line, whole text. */
function lastToast(page) {
  return page.evaluate(() => {
    const all = document.querySelectorAll('.api-errors-toast');
    const toast = all[all.length - 1];
    if (!toast) return null;
    const text = (selector) => (toast.querySelector(selector) || {}).textContent ?? null;
    return {
      count: all.length,
      message: text('.api-errors-toast-message'),
      details: Array.from(toast.querySelectorAll('.api-errors-toast-details > li'), (li) => li.textContent),
      reference: text('.api-errors-toast-reference'),
      text: toast.textContent,
    };
  });
}

/** Runs one payload through the page in every place; returns nothing, asserts everything. */
async function checkPayload(page, index) {
  const { payload } = PAYLOADS[index];
  const name = fieldPath(payload);
  await page.evaluate((fieldName) => {
    document.querySelectorAll('input[data-hostile-test]').forEach((input) => input.remove());
    const input = document.createElement('input');
    input.setAttribute('name', fieldName); // an attribute, never parsed as markup
    input.setAttribute('data-hostile-test', '');
    document.getElementById('signup').appendChild(input);
  }, name);
  const before = await foreignElements(page);

  await sendFromPage(page, `${API}body?i=${index}`, { apiErrors: { form: '#signup' } });
  const toast = await lastToast(page);
  assert.equal(toast.message, payload, 'the message, literally');
  // The form has an error summary: it holds the form error and the field no input took, as text;
  // the toast carries only the message and the reference.
  assert.deepEqual(toast.details, []);
  const summary = await page.$$eval('#signup .api-errors-summary li', (items) => items.map((li) => li.textContent));
  for (const line of [`form ${payload}`, `${fieldPath(`zz${payload}`)}: ${payload}`]) {
    assert.ok(summary.includes(line), `the summary lists ${JSON.stringify(line)}: ${JSON.stringify(summary)}`);
  }
  assert.equal(toast.reference, `Reference: ${payload}`);
  assert.ok(toast.text.includes(payload));
  assert.ok(toast.count <= 3);
  // What a screen reader hears: the visually hidden "Error:", then the payload as text.
  assert.deepEqual((await readField(page, '#id_email')).describedBy, ['Error: ' + payload]);
  const named = await page.evaluate(() => {
    const input = document.querySelector('input[data-hostile-test]');
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return { invalid: input.getAttribute('aria-invalid'), messages: ids.map((id) => document.getElementById(id)?.textContent ?? null) };
  });
  assert.deepEqual(named, { invalid: 'true', messages: [`Error: named ${payload}`] });
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 2, 'only the two inputs named in the body');

  if (headerSafe(payload)) {
    await sendFromPage(page, `${API}header?i=${index}`);
    const headerToast = await lastToast(page);
    assert.equal(headerToast.message, `Header case ${index}`);
    assert.equal(headerToast.reference, `Reference: ${payload}`);
  }

  assert.deepEqual(await foreignElements(page), before, 'no element was created from the payload');
  assert.deepEqual(await markupFromText(page), { inText: 0, foreignInPlugin: 0, handlers: 0 });
}

browserSuite('hostile payloads in Chromium', (env) => {
  PAYLOADS.forEach(({ name }, index) => {
    it(`${name}: stays text in the toast, the fields and the reference`, async () => {
      const page = await env.open('/legacy.html');
      await routeCorpus(page);
      await checkPayload(page, index);
      // Give anything that did get in the time to load and fire; the harness then checks the
      // canary, CSP violations, dialogs and page errors.
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    });
  });

  for (const variant of ['jquery=1.12&css=0', 'jquery=3.7']) {
    it(`the whole corpus on one page (${variant}), one payload after another`, async () => {
      const page = await env.open(`/legacy.html?${variant}`);
      await routeCorpus(page);
      for (let index = 0; index < PAYLOADS.length; index += 1) await checkPayload(page, index);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
    });
  }

  /** Builds a form of inputs named by setAttribute, renders `field`, returns which were marked. */
  function renderAgainst(page, names, field) {
    return page.evaluate(
      ({ names, field }) => {
        const form = document.createElement('form');
        const inputs = names.map((name) => {
          const input = document.createElement('input');
          input.setAttribute('name', name);
          form.appendChild(input);
          return input;
        });
        document.body.appendChild(form);
        let threw = null;
        let taken;
        try {
          taken = window.ApiErrors.defaultRenderField(field, ['m'], undefined, { scope: form });
        } catch (error) {
          threw = String(error);
        }
        const marked = inputs.map((input, index) => (input.getAttribute('aria-invalid') === 'true' ? index : -1)).filter((index) => index >= 0);
        form.remove();
        return { threw, taken, marked };
      },
      { names, field },
    );
  }

  const SELECTOR_BREAKERS = [
    'email', 'Email', 'EMAIL', 'a"b', "a'b", 'a\\b', 'a\\"b', 'a]b', 'a[b]', 'items[0][qty]', 'items.0.qty', 'a\nb', 'a\rb',
    'a b', 'a,b', 'a>b', 'a~b', 'a*', '#id', '.cls', '<script>', '<SCRIPT>', 'email"],img[src=x', '😀', 'a😀b', '&', 'a&b',
    '\u200B', '-', '--', '0', '-0', 'é', 'É', '\u007f', 'a\tb', '\\', '"',
  ];

  it('the default field renderer marks exactly the input named like the field, for names built to break selectors', async () => {
    const page = await env.open('/legacy.html');
    const results = [];
    for (let index = 0; index < SELECTOR_BREAKERS.length; index += 1) {
      const field = SELECTOR_BREAKERS[index];
      const result = await renderAgainst(page, SELECTOR_BREAKERS, field);
      results.push([field, result]);
    }
    for (const [field, result] of results) {
      assert.deepEqual(result, { threw: null, taken: true, marked: [SELECTOR_BREAKERS.indexOf(field)] }, JSON.stringify(field));
    }
  });

  it('a field name with a NUL or a lone surrogate never marks the input named U+FFFD', async () => {
    const page = await env.open('/legacy.html');
    // Built in the page from char codes: a lone surrogate would not survive the trip as JSON.
    const results = await page.evaluate(() =>
      [[0], [0x61, 0], [0xd800], [0xdfff]].map((codes) => {
        const field = String.fromCharCode(...codes);
        const form = document.createElement('form');
        const input = document.createElement('input');
        input.setAttribute('name', field.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD'));
        form.appendChild(input);
        document.body.appendChild(form);
        const taken = window.ApiErrors.defaultRenderField(field, ['m'], undefined, { scope: form });
        form.remove();
        return { codes, taken, marked: input.getAttribute('aria-invalid') };
      }),
    );
    for (const result of results) assert.deepEqual(result, { codes: result.codes, taken: false, marked: null });
  });
});
