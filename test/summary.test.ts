// The error summary (the GOV.UK Design System pattern), as a person meets it: after a failed
// submit the form's summary holds a heading and one item per error, focus is on it, and each
// field's item is a link that takes focus to its input. Real page, real jQuery, real requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JQUERY_VERSIONS, ajax, fieldMessages, pageServer, settled, toasts, type TestPage } from './helpers/page.ts';
import { submitForm } from './helpers/submit.ts';

const fixture = pageServer();
const { page } = fixture;

const FORM = `<form id="signup">
  <div data-api-errors-summary></div>
  <label for="email">Email address</label><input id="email" name="email" value="ann.example.com">
  <label>Password <input name="password" type="password" value="x"></label>
  <button>Sign up</button></form>`;

function invalidRoute(path: string, errors: Record<string, string[]>): string {
  fixture.server.route(path, { status: 400, body: { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors, correlation_id: 'ref-1' } } });
  return path;
}

const ERRORS = {
  non_field_errors: ['Sign-ups close at noon.'],
  email: ['Enter a valid email address.'],
  password: ['This password is too short.'],
};

function summaryOf(p: TestPage) {
  const summary = p.document.querySelector<HTMLElement>('.api-errors-summary');
  if (!summary) return null;
  return {
    element: summary,
    title: summary.querySelector('h2')?.textContent,
    items: Array.from(summary.querySelectorAll('li')).map((li) => li.textContent),
    links: Array.from(summary.querySelectorAll<HTMLAnchorElement>('li a')),
  };
}

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a failed submit fills the form's summary, focus moves to it, and its links move focus to the inputs`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', ERRORS);
    await submitForm(p, '#signup', '/signup');
    const summary = summaryOf(p)!;
    assert.ok(summary, 'a summary is drawn');
    assert.equal(summary.element.parentElement, p.document.querySelector('[data-api-errors-summary]'));
    assert.equal(summary.title, 'There is a problem');
    assert.deepEqual(summary.items, [
      'Sign-ups close at noon.',
      'Email address: Enter a valid email address.',
      'Password: This password is too short.',
    ]);
    assert.equal(summary.element.getAttribute('tabindex'), '-1');
    assert.equal(p.document.activeElement, summary.element, 'focus is on the summary, not the first field');

    const password = p.document.querySelector<HTMLInputElement>('[name="password"]')!;
    assert.ok(password.id, 'an input without an id was given one for its link');
    assert.equal(summary.links[1]!.getAttribute('href'), '#' + password.id);
    summary.links[1]!.click();
    assert.equal(p.document.activeElement, password);
    summary.links[0]!.click();
    assert.equal(p.document.activeElement, p.document.getElementById('email'));
    assert.deepEqual(fieldMessages(p, password), ['This password is too short.'], 'the fields are marked too');
  });

  test(`jQuery ${jquery}: the summary is cleared with the field errors`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', ERRORS);
    await settled(p, p.$.post('/signup', p.$('#signup').serialize()));
    assert.ok(summaryOf(p));
    p.document.getElementById('signup')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    assert.equal(summaryOf(p), null, 'submitting again clears it');
    await settled(p, p.$.post('/signup', p.$('#signup').serialize()));
    assert.equal(p.document.querySelectorAll('.api-errors-summary').length, 1, 'one summary, never two');
    fixture.server.route('/signup', { status: 201, body: { id: 1 } });
    await settled(p, p.$.post('/signup', p.$('#signup').serialize()));
    assert.equal(summaryOf(p), null, 'a success of the same request clears it');
    assert.equal(p.document.querySelector('[data-api-errors-summary]')!.children.length, 0);
  });
}

test('the summary hands the toast only the message and the reference: context.summary is set', async (t) => {
  const p = page(t, { body: FORM });
  const seen: any[] = [];
  p.ApiErrors.installApiErrors({ toast: (message: string, _error: unknown, context: any) => seen.push({ message, summary: context.summary }) });
  invalidRoute('/signup', ERRORS);
  await settled(p, p.$.post('/signup', p.$('#signup').serialize()));
  assert.equal(seen.length, 1);
  assert.equal(seen[0].message, 'Validation failed');
  assert.equal(seen[0].summary, summaryOf(p)!.element);
});

test('with no summary the toast context says so, and focus goes to the first invalid field', async (t) => {
  const p = page(t, { body: FORM.replace('<div data-api-errors-summary></div>', '') });
  const seen: any[] = [];
  p.ApiErrors.installApiErrors({ toast: (_message: string, _error: unknown, context: any) => seen.push(context.summary) });
  invalidRoute('/signup', ERRORS);
  await submitForm(p, '#signup', '/signup');
  assert.equal(summaryOf(p), null, 'off by default without a container');
  assert.deepEqual(seen, [null]);
  assert.equal(p.document.activeElement, p.document.getElementById('email'));
});

test('summary: true inserts the summary at the top of the form; summary: false per request turns it off', async (t) => {
  const p = page(t, { body: FORM.replace('<div data-api-errors-summary></div>', '') });
  p.ApiErrors.installApiErrors({ summary: true, text: { summaryHeading: 'Please fix these' } });
  invalidRoute('/signup', ERRORS);
  await submitForm(p, '#signup', '/signup');
  const summary = summaryOf(p)!;
  assert.equal(p.document.getElementById('signup')!.firstElementChild, summary.element);
  assert.equal(summary.title, 'Please fix these');
  p.ApiErrors.clearFieldErrors();
  assert.equal(summaryOf(p), null, 'clearFieldErrors clears it');
  await ajax(p, { url: '/signup', type: 'POST', data: p.$('#signup').serialize(), apiErrors: { form: '#signup', summary: false } });
  assert.equal(summaryOf(p), null);
  assert.equal(p.document.activeElement, p.document.getElementById('email'));
});

test('a summary with form errors only is cleared when the form is submitted again', async (t) => {
  const p = page(t, { body: FORM });
  p.ApiErrors.installApiErrors();
  invalidRoute('/signup', { non_field_errors: ['Sign-ups close at noon.'] });
  await submitForm(p, '#signup', '/signup');
  assert.deepEqual(summaryOf(p)!.items, ['Sign-ups close at noon.']);
  assert.equal(p.document.activeElement, summaryOf(p)!.element);
  p.document.getElementById('signup')!.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  assert.equal(summaryOf(p), null);
});

test('a field no input took is listed by its path, without a link; a 500 draws no summary', async (t) => {
  const p = page(t, { body: FORM });
  p.ApiErrors.installApiErrors();
  invalidRoute('/signup', { 'address.city': ['City is required.'] });
  await ajax(p, { url: '/signup', type: 'POST', apiErrors: { form: '#signup' } });
  assert.deepEqual(summaryOf(p)!.items, ['address.city: City is required.']);
  assert.equal(summaryOf(p)!.links.length, 0);
  fixture.server.route('/boom', { status: 500, body: { detail: 'Server error.' } });
  p.ApiErrors.clearFieldErrors();
  await ajax(p, { url: '/boom', type: 'POST', apiErrors: { form: '#signup' } });
  assert.equal(summaryOf(p), null);
  assert.equal(toasts(p).at(-1)!.message, 'Server error.');
});

test('summary text is text: markup in messages creates no element', async (t) => {
  const p = page(t, { body: FORM });
  p.ApiErrors.installApiErrors();
  invalidRoute('/signup', { non_field_errors: ['<img src=x onerror="window.__xss=1">'], email: ['<b>bold</b>'] });
  await settled(p, p.$.post('/signup', p.$('#signup').serialize()));
  assert.deepEqual(summaryOf(p)!.items, ['<img src=x onerror="window.__xss=1">', 'Email address: <b>bold</b>']);
  assert.equal(p.document.querySelectorAll('img, b').length, 0);
});
