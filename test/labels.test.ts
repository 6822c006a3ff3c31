// Plain words: a field's label text instead of its path, a list item's error on its list's
// input led by "Item N:", the `message` hook, and field errors a person can see with no
// stylesheet at all (and hear: each led by a visually hidden "Error:").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { respondUrl } from './helpers/server.ts';
import { JQUERY_VERSIONS, ROOT, ajax, fieldMessages, pageServer, toasts } from './helpers/page.ts';

const fixture = pageServer();
const { page } = fixture;

function invalid(errors: Record<string, unknown>, message = 'Validation failed'): string {
  return respondUrl(400, { error: { message, code: 'VALIDATION_ERROR', status: 400, errors } });
}

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: tags.1 with no input of its own goes to the tags input, led by "Item 2:"; error.errors keeps the path`, async (t) => {
    const p = page(t, { jquery, body: '<form id="f"><label for="tags">Tags</label><input id="tags" name="tags"></form>' });
    p.ApiErrors.installApiErrors();
    const seen: any[] = [];
    p.$(p.document).on('api:error', (_event: unknown, error: any) => seen.push(JSON.parse(JSON.stringify(error.errors))));
    await ajax(p, { url: invalid({ tags: { 1: ['A valid integer is required.'], 3: ['Too big.'] } }), apiErrors: { form: '#f' } });
    const tags = p.document.getElementById('tags')!;
    assert.deepEqual(fieldMessages(p, tags), ['Item 2: A valid integer is required.', 'Item 4: Too big.']);
    assert.deepEqual(toasts(p)[0]!.details, [], 'nothing left for the toast');
    assert.deepEqual(seen, [{ 'tags.1': ['A valid integer is required.'], 'tags.3': ['Too big.'] }]);
  });

  test(`jQuery ${jquery}: a field with no input in the form is led in the toast by its label on the page, not its path`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<label for="c">Coupon code</label><input id="c" name="coupon">
        <span id="gift-label">Gift   message</span><input name="gift" aria-labelledby="gift-label">
        <input name="nickname" aria-label="Nickname:">
        <label>Country <select name="country"><option>France</option></select></label>
        <form id="f"><input name="email"></form>`,
    });
    p.ApiErrors.installApiErrors();
    await ajax(p, {
      url: invalid({ coupon: ['Coupon expired.'], gift: ['Too long.'], nickname: ['Taken.'], country: ['Pick one.'], 'address.city': ['Required.'] }),
      apiErrors: { form: '#f' },
    });
    assert.deepEqual(toasts(p)[0]!.details, [
      'Coupon code: Coupon expired.',
      'Gift message: Too long.',
      'Nickname: Taken.',
      'Country: Pick one.',
      'address.city: Required.',
    ]);
  });
}

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: the message hook replaces the server's message; returning nothing keeps it; messages still fill in only when the server gave none`, async (t) => {
    const p = page(t, { jquery });
    p.ApiErrors.installApiErrors({
      messages: { 401: 'Never shown: the server sent a message.', 503: 'Down for maintenance.' },
      message: (error: any, context: any) => (error.status === 401 && context.jqXHR ? 'Please sign in again.' : undefined),
    });
    await ajax(p, { url: respondUrl(401, { error: { message: 'Authentication credentials were not provided.', code: 'NOT_AUTHENTICATED', status: 401 } }) });
    await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
    await ajax(p, { url: respondUrl(503, '', { type: 'none' }) });
    assert.deepEqual(toasts(p).map((toast) => toast.message), ['Please sign in again.', 'Not found.', 'Down for maintenance.']);
  });

  test(`jQuery ${jquery}: without the stylesheet a field message and its input are set apart by CSSOM styles, and led by a visually hidden "Error:"`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email" style="box-shadow: none"><input name="name"></form>' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid({ email: ['Enter a valid email address.'], name: ['Required.'] }) });
    const email = p.document.querySelector<HTMLInputElement>('[name="email"]')!;
    const name = p.document.querySelector<HTMLInputElement>('[name="name"]')!;
    const message = p.document.getElementById(email.getAttribute('aria-describedby')!)!;
    assert.notEqual(message.style.color, '', 'the message has a colour of its own');
    assert.equal(message.style.fontWeight, 'bold');
    assert.notEqual(email.style.boxShadow, 'none', 'the input is marked');
    assert.notEqual(name.style.boxShadow, '');
    const prefix = message.firstElementChild as HTMLElement;
    assert.equal(prefix.textContent, 'Error: ');
    assert.equal(prefix.style.position, 'absolute');
    assert.equal(prefix.style.width, '1px');
    assert.equal(prefix.style.overflow, 'hidden');
    email.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    assert.equal(email.style.boxShadow, 'none', "the input's own style is put back");
    p.ApiErrors.clearFieldErrors();
    assert.equal(name.getAttribute('style'), null);
  });
}

test('fieldLabel(path, element) overrides the words; the raw path still reaches a custom toast', async (t) => {
  const p = page(t, { body: '<label for="c">Coupon</label><input id="c" name="coupon"><form id="f"></form>' });
  const calls: any[] = [];
  const contexts: any[] = [];
  p.ApiErrors.installApiErrors({
    fieldLabel: (path: string, element: Element | null) => {
      calls.push([path, element && element.id]);
      return path === 'coupon' ? 'Your coupon' : undefined;
    },
  });
  await ajax(p, { url: invalid({ coupon: ['Expired.'], other: ['Nope.'] }), apiErrors: { form: '#f' } });
  assert.deepEqual(toasts(p)[0]!.details, ['Your coupon: Expired.', 'other: Nope.']);
  assert.deepEqual(calls, [['coupon', 'c'], ['other', null]]);
  p.ApiErrors.installApiErrors({ toast: (_m: string, _e: unknown, context: any) => contexts.push(context) });
  await ajax(p, { url: invalid({ coupon: ['Expired.'] }), apiErrors: { form: '#f' } });
  assert.deepEqual(JSON.parse(JSON.stringify(contexts[0].fieldLabels)), { coupon: 'Coupon' });
  assert.deepEqual(Object.keys(contexts[0].unrendered), ['coupon']);
});

test('a message hook that throws is reported and the server\'s message is shown', async (t) => {
  const p = page(t);
  p.ApiErrors.installApiErrors({ message: () => { throw new Error('hook broke'); } });
  await ajax(p, { url: respondUrl(404, { detail: 'Not found.' }) });
  assert.deepEqual(toasts(p).map((toast) => toast.message), ['Not found.']);
  assert.ok(p.consoleErrors.some((line) => line.includes('hook broke')));
});

test('with the stylesheet on the page no fallback style is set; the "Error:" lead stays visually hidden', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  const style = p.document.createElement('style');
  style.textContent = readFileSync(join(ROOT, 'dist/api-errors.css'), 'utf8');
  p.document.head.appendChild(style);
  p.ApiErrors.installApiErrors({ text: { error: 'Erreur :' } });
  await ajax(p, { url: invalid({ email: ['Adresse invalide.'] }) });
  const email = p.document.querySelector<HTMLInputElement>('[name="email"]')!;
  const message = p.document.getElementById(email.getAttribute('aria-describedby')!)!;
  assert.equal(message.getAttribute('style'), null);
  assert.equal(email.getAttribute('style'), null);
  assert.equal(message.textContent, 'Erreur : Adresse invalide.');
  // Hidden by its own inline style: the stylesheet has no rule for it.
  const lead = message.firstElementChild as HTMLElement;
  assert.equal(p.window.getComputedStyle(lead).position, 'absolute');
  assert.equal(p.window.getComputedStyle(lead).width, '1px');
});
