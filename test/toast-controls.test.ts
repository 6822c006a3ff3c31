// The default toast's controls and words: Escape, the Copy button, the `text` and `position`
// options. A real jsdom page with a real jQuery and the built plugin, real requests to a real
// server on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondUrl } from './helpers/server.ts';
import { JQUERY_VERSIONS, ajax, pageServer, toastMessages, toasts, type TestPage } from './helpers/page.ts';

const { page } = pageServer();

function toastElements(p: TestPage): HTMLElement[] {
  return Array.from(p.document.querySelectorAll<HTMLElement>('.api-errors-toast'));
}

/** Presses Escape on the focused element (or the body), as a keyboard would. */
function pressEscape(p: TestPage): KeyboardEvent {
  const target = p.document.activeElement || p.document.body;
  const event = new p.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

async function threeToasts(p: TestPage): Promise<void> {
  p.ApiErrors.installApiErrors();
  for (const detail of ['First.', 'Second.', 'Third.']) await ajax(p, { url: respondUrl(409, { detail }) });
}

// ---------------------------------------------------------------------------------------------
// Escape.

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: Escape with nothing focused closes the newest toast, one per press`, async (t) => {
    const p = page(t, { jquery });
    await threeToasts(p);
    pressEscape(p);
    assert.deepEqual(toastMessages(p), ['First.', 'Second.']);
    pressEscape(p);
    assert.deepEqual(toastMessages(p), ['First.']);
  });
}

test('Escape inside a toast closes that toast and puts focus on the next toast\'s close button', async (t) => {
  const p = page(t);
  await threeToasts(p);
  toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!.focus();
  pressEscape(p);
  assert.deepEqual(toastMessages(p), ['Second.', 'Third.']);
  assert.equal(p.document.activeElement, toastElements(p)[1]!.querySelector('.api-errors-toast-close'));
});

test('closing the last toast from the keyboard gives focus back to where it was before', async (t) => {
  const p = page(t, { body: '<button id="save">Save</button>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(409, { detail: 'Only one.' }) });
  const save = p.document.getElementById('save')!;
  save.focus();
  toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-close')!.focus();
  pressEscape(p);
  assert.deepEqual(toastMessages(p), []);
  assert.equal(p.document.activeElement, save);
});

test('Escape typed in a page field is left to the page: no toast closes', async (t) => {
  const p = page(t, { body: '<input id="search">' });
  await threeToasts(p);
  p.document.getElementById('search')!.focus();
  const event = pressEscape(p);
  assert.deepEqual(toastMessages(p), ['First.', 'Second.', 'Third.']);
  assert.equal(event.defaultPrevented, false);
});

test('an Escape the page already handled (a dialog closing) closes no toast', async (t) => {
  const p = page(t);
  await threeToasts(p);
  p.document.body.addEventListener('keydown', (event: KeyboardEvent) => event.preventDefault());
  pressEscape(p);
  assert.deepEqual(toastMessages(p), ['First.', 'Second.', 'Third.']);
});

test('other keys close nothing, and installing twice still closes one toast per Escape', async (t) => {
  const p = page(t);
  await threeToasts(p);
  p.ApiErrors.installApiErrors();
  p.document.body.dispatchEvent(new p.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  assert.equal(toastElements(p).length, 3);
  pressEscape(p);
  assert.deepEqual(toastMessages(p), ['First.', 'Second.']);
});

// ---------------------------------------------------------------------------------------------
// Copy the reference.

async function toastWithReference(t: any): Promise<{ p: TestPage; copy: HTMLElement }> {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(500, { detail: 'Boom.' }, { headers: { 'X-Correlation-ID': 'corr-77' } }) });
  const copy = toastElements(p)[0]!.querySelector<HTMLElement>('.api-errors-toast-copy')!;
  return { p, copy };
}

const settle = (p: TestPage): Promise<void> => new Promise((resolve) => p.window.setTimeout(resolve, 0));

test('Copy puts the reference on the clipboard and says "Copied"', async (t) => {
  const { p, copy } = await toastWithReference(t);
  const written: string[] = [];
  Object.defineProperty(p.window.navigator, 'clipboard', {
    configurable: true,
    value: { writeText: (value: string) => { written.push(value); return Promise.resolve(); } },
  });
  assert.equal(copy.tagName, 'BUTTON');
  assert.equal(copy.getAttribute('type'), 'button');
  assert.equal(copy.textContent, 'Copy');
  copy.click();
  await settle(p);
  assert.deepEqual(written, ['corr-77']);
  assert.equal(copy.textContent, 'Copied');
});

test('without the Clipboard API, Copy selects the reference so it can be copied by hand', async (t) => {
  const { p, copy } = await toastWithReference(t);
  assert.equal(p.window.navigator.clipboard, undefined);
  copy.click();
  assert.equal(p.window.getSelection().toString(), 'corr-77');
  assert.equal(copy.textContent, 'Copy', 'it does not claim a copy it did not make');
});

test('when the clipboard refuses (no permission), Copy selects the reference instead', async (t) => {
  const { p, copy } = await toastWithReference(t);
  Object.defineProperty(p.window.navigator, 'clipboard', {
    configurable: true,
    value: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
  });
  copy.click();
  await settle(p);
  assert.equal(p.window.getSelection().toString(), 'corr-77');
  assert.equal(copy.textContent, 'Copy');
  assert.deepEqual(p.uncaught, []);
});

test('a toast with no reference has no Copy button', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  assert.equal(p.document.querySelector('.api-errors-toast-copy'), null);
});

// ---------------------------------------------------------------------------------------------
// Words and place.

test('the text option gives every built-in word of the toast, install and per request', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors({
    text: { dismiss: 'Fermer', copy: 'Copier', reference: 'Référence :', serverAnswered: 'Le serveur a répondu {n}.' },
  });
  await ajax(p, { url: respondUrl(503, { detail: 'Indisponible.' }, { headers: { 'X-Request-ID': 'r-1' } }) });
  const errors: Record<string, string[]> = {};
  for (let index = 1; index <= 10; index += 1) errors['extra' + index] = ['Requis.'];
  await ajax(p, {
    url: respondUrl(400, { error: { message: 'Invalide.', code: 'VALIDATION_ERROR', errors } }),
    apiErrors: { text: { more: '…et {n} de plus', dismiss: 'Schließen' } },
  });
  const [first, second] = toastElements(p);
  assert.deepEqual(toasts(p)[0], { message: 'Indisponible.', details: ['Le serveur a répondu 503.'], reference: 'Référence : r-1' });
  assert.equal(first!.querySelector('.api-errors-toast-close')!.getAttribute('aria-label'), 'Fermer');
  assert.equal(first!.querySelector('.api-errors-toast-copy')!.textContent, 'Copier');
  assert.equal(second!.querySelector('.api-errors-toast-close')!.getAttribute('aria-label'), 'Schließen');
  assert.equal(toasts(p)[1]!.details.length, 8);
  assert.equal(toasts(p)[1]!.details[7], '…et 3 de plus');
});

test('a text option that is not a table of strings leaves the English defaults', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ text: { dismiss: 42, copy: '' } });
  await ajax(p, { url: respondUrl(500, { detail: 'Boom.' }, { headers: { 'X-Request-ID': 'r-2' } }) });
  await ajax(p, { url: respondUrl(404, { detail: 'Gone.' }), apiErrors: { text: 'Fermer' } });
  for (const toast of toastElements(p)) {
    assert.equal(toast.querySelector('.api-errors-toast-close')!.getAttribute('aria-label'), 'Dismiss');
  }
  assert.equal(p.document.querySelector('.api-errors-toast-copy')!.textContent, 'Copy');
});

test('only a server error (500 and above) gets the status line', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(499, { detail: 'Client closed.' }) });
  await ajax(p, { url: respondUrl(504, '', { type: 'none' }) });
  assert.deepEqual(toasts(p).map((toast) => toast.details), [[], ['The server answered 504.']]);
});

test('position puts the toasts where asked, with logical properties, and defaults to top-end', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(404, { detail: 'Default.' }) });
  const region = p.document.querySelector<HTMLElement>('.api-errors-toasts')!;
  assert.equal(region.getAttribute('data-position'), 'top-end');
  assert.equal(region.style.getPropertyValue('inset-inline'), 'auto 16px');
  assert.equal(region.style.getPropertyValue('inset-block'), '16px auto');
  await ajax(p, { url: respondUrl(404, { detail: 'Bottom start.' }), apiErrors: { position: 'bottom-start' } });
  assert.equal(region.getAttribute('data-position'), 'bottom-start');
  assert.equal(region.style.getPropertyValue('inset-inline'), '16px auto');
  assert.equal(region.style.getPropertyValue('inset-block'), 'auto 16px');
  assert.equal(region.style.getPropertyValue('left'), '', 'no physical side: a right-to-left page mirrors it');
  assert.equal(region.style.getPropertyValue('right'), '');
  await ajax(p, { url: respondUrl(404, { detail: 'Nowhere.' }), apiErrors: { position: 'middle' } });
  assert.equal(region.getAttribute('data-position'), 'top-end', 'an unknown position is the default');
});
