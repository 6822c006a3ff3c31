// SPEC.md behaviours 3, 6 and 7 against a hostile server, in jsdom pages that run scripts and
// inline handlers: every payload of test/fixtures/xss-payloads.json, placed in the message, the
// field messages, the field names, the correlation id (body) and the X-Correlation-ID header,
// shows as literal text; no element is made from it and nothing runs. On every jQuery version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fieldMessages, JQUERY_VERSIONS, openScriptedPage, ROOT, settled, toasts, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

interface Payload {
  name: string;
  payload: string;
}

const PAYLOADS: Payload[] = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/xss-payloads.json'), 'utf8')).payloads;

/** The plugin's own markup: every element it draws is one of these. */
const PLUGIN_TAGS = new Set(['DIV', 'P', 'UL', 'LI', 'BUTTON', 'SPAN', 'H2', 'A']);
const PATH_LENGTH = 200;

/** A field name as the parser reports it: empty dot-segments dropped, cut to 200 characters. */
const fieldPath = (name: string): string => name.split('.').filter(Boolean).join('.').slice(0, PATH_LENGTH);

/** Header values must be visible ASCII on one line (Node refuses others; browsers read bytes). */
const headerSafe = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);


let server: TestServer;
before(async () => {
  server = await startServer();
  server.route('/hostile', (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const index = Number(url.searchParams.get('i'));
    const payload = (PAYLOADS[index] as Payload).payload;
    if (url.searchParams.get('mode') === 'header') {
      // No correlation id in the body: the header is the one shown.
      response.writeHead(400, { 'Content-Type': 'application/json', 'X-Correlation-ID': payload });
      response.end(JSON.stringify({ error: { message: `Header case ${index}`, code: 'BAD' } }));
      return;
    }
    const body = {
      error: {
        message: payload,
        code: 'VALIDATION_ERROR',
        status: 400,
        errors: {
          email: [payload],
          [payload]: [`named ${payload}`],
          [`zz${payload}`]: [payload],
          non_field_errors: [`form ${payload}`],
        },
        correlation_id: payload,
      },
    };
    response.writeHead(400, { 'Content-Type': 'application/json', 'X-Correlation-ID': 'header-loses' });
    response.end(JSON.stringify(body));
  });
  server.route('/ok', { status: 200, body: { ok: true } });
});
after(() => server.close());

/** Tag names of every element that is not the plugin's own markup, counted. */
function foreignElements(page: TestPage): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of Array.from(page.document.getElementsByTagName('*'))) {
    if (PLUGIN_TAGS.has(element.tagName)) continue;
    counts[element.tagName] = (counts[element.tagName] ?? 0) + 1;
  }
  return counts;
}

/** What the plugin drew from server text must hold text only; and no element has a handler. */
function assertTextOnly(page: TestPage): void {
  const doc = page.document;
  const inText = doc.querySelectorAll(
    '.api-errors-toast-message *, .api-errors-toast-details li *, .api-errors-toast-reference *, .api-errors-message div *',
  );
  assert.equal(inText.length, 0, 'elements inside text the plugin drew');
  for (const element of Array.from(doc.querySelectorAll('.api-errors-toasts *, .api-errors-message, .api-errors-message *'))) {
    assert.ok(PLUGIN_TAGS.has(element.tagName), `the plugin drew a <${element.tagName}>`);
  }
  const withHandlers = Array.from(doc.getElementsByTagName('*')).filter((element) =>
    Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name)),
  );
  assert.equal(withHandlers.length, 0, 'elements with inline handlers');
  assert.equal(doc.querySelectorAll('[href], [src], [srcdoc], [style*="expression"]').length, 0);
}

function hostilePage(jquery: (typeof JQUERY_VERSIONS)[number]): TestPage {
  const page = openScriptedPage({
    origin: server.origin,
    jquery,
    body: '<form id="f"><input name="email"><input name="password"></form>',
  });
  page.ApiErrors.installApiErrors();
  return page;
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}: hostile payloads stay text`, () => {
    let page: TestPage;
    let foreignBefore: Record<string, number>;
    before(() => {
      page = hostilePage(jquery);
      foreignBefore = foreignElements(page);
    });
    after(() => page.close());

    PAYLOADS.forEach(({ name, payload }, index) => {
      test(`${name}: in the message, field messages, field names and correlation id`, async (t) => {
        const form = page.document.getElementById('f') as HTMLFormElement;
        // A field whose *name* is the payload, set as an attribute, never parsed as markup.
        const named = page.document.createElement('input');
        named.setAttribute('name', fieldPath(payload));
        form.appendChild(named);
        foreignBefore.INPUT = (foreignBefore.INPUT ?? 0) + 1;
        // One named input at a time: jsdom matches attribute values with symbols in them without
        // regard to case, so `<SCRIPT>` would also find the input named `<script>` (see the
        // property tests); that is jsdom's selector engine, not what this test is about.
        t.after(() => {
          named.remove();
          foreignBefore.INPUT -= 1;
        });

        const jqXHR = page.$.ajax({ url: `/hostile?i=${index}`, apiErrors: { form: '#f' } });
        await settled(page, jqXHR);

        const toast = toasts(page).at(-1)!;
        assert.equal(toast.message, payload);
        assert.deepEqual(toast.details.slice().sort(), [`form ${payload}`, `${fieldPath(`zz${payload}`)}: ${payload}`].sort());
        assert.equal(toast.reference, `Reference: ${payload}`);
        const toastElement = Array.from(page.document.querySelectorAll('.api-errors-toast')).at(-1)!;
        assert.ok((toastElement.textContent ?? '').includes(payload), 'the toast text holds the payload exactly');

        const email = page.document.querySelector('[name="email"]') as Element;
        assert.deepEqual(fieldMessages(page, email), [payload]);
        assert.deepEqual(fieldMessages(page, named), [`named ${payload}`]);
        assert.equal(page.document.querySelectorAll('[aria-invalid="true"]').length, 2);

        assert.deepEqual(foreignElements(page), foreignBefore, 'no element was created from the payload');
        assertTextOnly(page);
        assert.equal(page.window.__xss, undefined, 'a payload ran');
        assert.deepEqual(page.uncaught, []);
      });

      if (headerSafe(payload)) {
        test(`${name}: in the X-Correlation-ID header`, async () => {
          const jqXHR = page.$.ajax({ url: `/hostile?i=${index}&mode=header` });
          await settled(page, jqXHR);
          const toast = toasts(page).at(-1)!;
          assert.equal(toast.message, `Header case ${index}`);
          assert.equal(toast.reference, `Reference: ${payload}`);
          assert.deepEqual(foreignElements(page), foreignBefore);
          assertTextOnly(page);
          assert.equal(page.window.__xss, undefined, 'a payload ran');
        });
      }
    });

    test('after every payload the page still works: a later request succeeds, $.active is 0, at most 3 toasts', async () => {
      let succeeded = false;
      await settled(page, page.$.ajax({ url: '/ok', success: () => { succeeded = true; } }));
      assert.equal(succeeded, true);
      assert.equal(page.$.active, 0);
      assert.equal(toasts(page).length, 3);
      assert.deepEqual(page.consoleErrors, []);
    });
  });
}

describe('control: these pages would run a payload that reached the DOM as markup', () => {
  test('jQuery .append() of the corpus on the same kind of page sets the canary', () => {
    const page = hostilePage('3.7');
    const fired: string[] = [];
    for (const { name, payload } of PAYLOADS) {
      page.window.__xss = undefined;
      const holder = page.$('<div></div>').appendTo(page.document.body);
      try {
        holder.append(payload); // what `.html()`/toastr-style rendering would do
      } catch {
        // some payloads are not valid markup for jQuery's parser
      }
      for (const element of Array.from(holder[0].querySelectorAll('*')) as HTMLElement[]) {
        for (const type of ['click', 'error', 'load', 'focus', 'mouseover', 'toggle']) {
          element.dispatchEvent(new page.window.Event(type));
        }
      }
      if (page.window.__xss !== undefined) fired.push(name);
      holder.remove();
    }
    console.log(`control: ${fired.length} of ${PAYLOADS.length} payloads ran when appended as HTML in jsdom`);
    assert.ok(fired.includes('script tag') && fired.includes('img onerror') && fired.includes('unknown element onclick'));
    assert.ok(fired.length >= 20, `only ${fired.length} payloads ran: the canary would not catch much`);
    page.close();
  });

  test(`the corpus has at least 40 distinct payloads (${PAYLOADS.length})`, () => {
    assert.ok(PAYLOADS.length >= 40);
    assert.equal(new Set(PAYLOADS.map((entry) => entry.payload)).size, PAYLOADS.length);
    for (const { payload } of PAYLOADS) {
      assert.equal(payload, payload.trim());
      assert.ok(payload.length <= PATH_LENGTH - 2);
    }
  });
});
