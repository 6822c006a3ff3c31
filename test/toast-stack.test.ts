// "Dismiss all": shown under the toasts while two or more are on screen, in the page's words,
// closing every toast at once and giving focus back to where it was. (Where the stack sits and
// how the older toasts fold is layout: test/browser/toast-stack.test.mjs checks it in Chromium.)
// A real jsdom page with a real jQuery and the built plugin, real requests to 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondUrl } from './helpers/server.ts';
import { JQUERY_VERSIONS, ajax, pageServer, toastMessages, type TestPage } from './helpers/page.ts';

const { page } = pageServer();

const dismissAll = (p: TestPage): HTMLButtonElement | null => p.document.querySelector('.api-errors-toasts button.api-errors-toast-all');

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: "Dismiss all" comes with the second toast, after the toasts, and closes them all`, async (t) => {
    const p = page(t, { jquery, body: '<input id="note">' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: respondUrl(409, { detail: 'First.' }) });
    assert.equal(dismissAll(p), null, 'one toast: no "Dismiss all"');
    await ajax(p, { url: respondUrl(409, { detail: 'Second.' }) });
    await ajax(p, { url: respondUrl(409, { detail: 'Third.' }) });
    const button = dismissAll(p)!;
    assert.equal(button.textContent, 'Dismiss all');
    assert.equal(button.getAttribute('type'), 'button');
    assert.equal(button.parentNode!.lastChild, button, 'it follows the toasts');
    const note = p.document.getElementById('note')!;
    note.focus();
    button.focus();
    button.click();
    assert.deepEqual(toastMessages(p), []);
    assert.equal(dismissAll(p), null);
    assert.equal(p.document.activeElement, note, 'focus is back where it was');
  });
}

test('"Dismiss all" keeps focus when a toast arrives while it has it, and goes when one toast is left', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(409, { detail: 'First.' }) });
  await ajax(p, { url: respondUrl(409, { detail: 'Second.' }) });
  const button = dismissAll(p)!;
  button.focus();
  await ajax(p, { url: respondUrl(409, { detail: 'Third.' }) });
  assert.equal(p.document.activeElement, button);
  assert.equal(button.parentNode!.lastChild, button);
  p.document.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
  p.document.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
  assert.deepEqual(toastMessages(p), ['Third.']);
  assert.equal(dismissAll(p), null);
});

test('"Dismiss all" is in the words of the `text` option', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ text: { dismissAll: 'Tout fermer' } });
  await ajax(p, { url: respondUrl(409, { detail: 'First.' }) });
  await ajax(p, { url: respondUrl(409, { detail: 'Second.' }) });
  assert.equal(dismissAll(p)!.textContent, 'Tout fermer');
});
