// Which form a failure belongs to, and what may clear its errors: a real page, real jQuery
// versions, real requests. A person fixing a form must never lose its errors to a background
// request; only editing a field, submitting the form again, a later request for that form or
// clearFieldErrors take them away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondUrl } from './helpers/server.ts';
import { JQUERY_VERSIONS, ajax, fieldMessages, pageServer, settled, toastMessages, type TestPage } from './helpers/page.ts';

const fixture = pageServer();
const { page } = fixture;

const SIGNUP_FORM = `<form id="signup">
  <input name="email" value="ann.example.com"><input name="password" type="password" value="x">
  <input name="username" value="ann"></form>`;

/** A route answering 400 with these field (and form) errors in the envelope. */
function invalidRoute(path: string, errors: Record<string, string[]>, formErrors?: string[]): string {
  const all: Record<string, string[]> = { ...errors };
  if (formErrors) all.non_field_errors = formErrors;
  fixture.server.route(path, { status: 400, body: { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors: all } } });
  return path;
}

const input = (p: TestPage, selector: string): HTMLElement => {
  const element = p.document.querySelector<HTMLElement>(selector);
  assert.ok(element, selector);
  return element!;
};

/** `$.post(url, $(form).serialize())` with no context and no apiErrors, as Django pages do. */
async function postForm(p: TestPage, url: string, form = '#signup'): Promise<void> {
  await settled(p, p.$.post(url, p.$(form).serialize()));
}

const SIGNUP_ERRORS = { email: ['Enter a valid email address.'], password: ['This password is too short.'] };

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a poll running beside a form being fixed never clears the form's errors`, async (t) => {
    const p = page(t, { jquery, body: SIGNUP_FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', SIGNUP_ERRORS);
    fixture.server.route('/poll', { status: 200, body: { unread: 2 } });
    fixture.server.route('/poll-down', { status: 500, body: { detail: 'Poll failed.' } });
    fixture.server.route('/throttled', { status: 429, body: { detail: 'Slow down.' } });
    fixture.server.route('/favicon.svg', { status: 200, body: '<svg/>', contentType: 'image/svg+xml' });
    await postForm(p, '/signup');
    const email = input(p, '[name="email"]');
    const password = input(p, '[name="password"]');
    assert.deepEqual(fieldMessages(p, email), ['Enter a valid email address.']);

    for (let round = 0; round < 3; round++) {
      await settled(p, p.$.getJSON('/poll'));
      await settled(p, p.$.getJSON('/poll-down'));
      await settled(p, p.$.get('/favicon.svg'));
      await settled(p, p.$.ajax({ url: '/throttled', type: 'POST' }));
    }
    assert.deepEqual(fieldMessages(p, email), ['Enter a valid email address.'], 'polls and unrelated failures leave them');
    assert.deepEqual(fieldMessages(p, password), ['This password is too short.']);

    email.dispatchEvent(new p.window.Event('input', { bubbles: true }));
    assert.equal(fieldMessages(p, email), null, 'editing the field clears it');
    assert.deepEqual(fieldMessages(p, password), ['This password is too short.'], 'and only it');
  });

  test(`jQuery ${jquery}: $.post(url, $(form).serialize()) with no context draws in the form its data came from, of two with the same names`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="login"><input name="email" value="bob@example.com"><input name="password" value="pw"></form>
        <form id="signup"><input name="email" value="ann.example.com"><input name="password" value="x"></form>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', SIGNUP_ERRORS);
    await postForm(p, '/signup');
    assert.deepEqual(fieldMessages(p, input(p, '#signup [name="email"]')), ['Enter a valid email address.']);
    assert.deepEqual(fieldMessages(p, input(p, '#signup [name="password"]')), ['This password is too short.']);
    assert.equal(fieldMessages(p, input(p, '#login [name="email"]')), null, 'the other form is left alone');
    assert.equal(fieldMessages(p, input(p, '#login [name="password"]')), null);
    // Sent outside a submission and naming no form: nobody is known to wait on it.
    assert.equal(p.document.activeElement, p.document.body, 'focus stays where it was');
  });

  test(`jQuery ${jquery}: a form error with nothing drawn still belongs to the form the data came from`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="login"><div data-api-errors-summary></div><input name="email" value="bob@example.com"></form>
        <form id="signup"><div data-api-errors-summary></div><input name="email" value="ann@example.com"></form>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', {}, ['Sign-ups are closed today.']);
    await postForm(p, '/signup');
    assert.equal(p.document.querySelector('#login .api-errors-summary'), null);
    assert.deepEqual(
      Array.from(p.document.querySelectorAll('#signup .api-errors-summary li')).map((li) => li.textContent),
      ['Sign-ups are closed today.'],
    );
  });

  test(`jQuery ${jquery}: a username check with context: input neither wipes the email and password errors nor is wiped by them`, async (t) => {
    const p = page(t, { jquery, body: SIGNUP_FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', SIGNUP_ERRORS);
    invalidRoute('/username-taken', { username: ['That username is taken.'] });
    fixture.server.route('/username-free', { status: 200, body: { available: true } });
    await postForm(p, '/signup');
    const username = input(p, '[name="username"]');
    await ajax(p, { url: '/username-taken', data: { username: 'ann' }, context: username });
    assert.deepEqual(fieldMessages(p, username), ['That username is taken.']);
    assert.deepEqual(fieldMessages(p, input(p, '[name="email"]')), ['Enter a valid email address.'], 'a failing check keeps them');
    assert.deepEqual(fieldMessages(p, input(p, '[name="password"]')), ['This password is too short.']);
    await ajax(p, { url: '/username-free', data: { username: 'ann2' }, context: username });
    assert.deepEqual(fieldMessages(p, input(p, '[name="email"]')), ['Enter a valid email address.'], 'a passing check keeps them');
    assert.deepEqual(fieldMessages(p, username), ['That username is taken.'], 'another URL does not clear the check either');
    await ajax(p, { url: '/username-taken', data: { username: 'bob' }, context: username });
    assert.deepEqual(fieldMessages(p, username), ['That username is taken.'], 'the same check redraws its own field once');
    assert.equal(p.document.querySelectorAll('.api-errors-message').length, 3);
  });

  test(`jQuery ${jquery}: a later request to the same URL and method clears what the earlier one drew, succeeding or failing`, async (t) => {
    const p = page(t, { jquery, body: SIGNUP_FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', SIGNUP_ERRORS);
    await postForm(p, '/signup');
    invalidRoute('/signup', { password: ['Still too short.'] });
    await postForm(p, '/signup');
    assert.equal(fieldMessages(p, input(p, '[name="email"]')), null, 'the failing repeat cleared the fixed field');
    assert.deepEqual(fieldMessages(p, input(p, '[name="password"]')), ['Still too short.']);
    // The same URL with GET is another request: a page that fetches the form does not clear it.
    fixture.server.route('/signup', (request, response) => {
      response.writeHead(request.method === 'GET' ? 200 : 201, { 'Content-Type': 'application/json' });
      response.end('{"id": 1}');
    });
    await settled(p, p.$.get('/signup'));
    assert.deepEqual(fieldMessages(p, input(p, '[name="password"]')), ['Still too short.'], 'a GET of the same URL leaves it');
    await postForm(p, '/signup');
    assert.equal(fieldMessages(p, input(p, '[name="password"]')), null, 'the succeeding repeat cleared it');
    assert.equal(p.document.querySelectorAll('.api-errors-message').length, 0);
  });

  test(`jQuery ${jquery}: submitting the form again clears its errors; a request naming it with apiErrors.form does too`, async (t) => {
    const p = page(t, { jquery, body: SIGNUP_FORM + '<form id="other"><input name="email"></form>' });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', SIGNUP_ERRORS);
    invalidRoute('/other', SIGNUP_ERRORS);
    await ajax(p, { url: '/other', type: 'POST', data: 'x=1', apiErrors: { form: '#other' } });
    await postForm(p, '/signup');
    const form = input(p, '#signup');
    form.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    assert.equal(fieldMessages(p, input(p, '#signup [name="email"]')), null, 'submit cleared the form');
    assert.deepEqual(fieldMessages(p, input(p, '#other [name="email"]')), ['Enter a valid email address.'], 'not another form');
    fixture.server.route('/profile', { status: 200, body: {} });
    await ajax(p, { url: '/profile', apiErrors: { form: '#other' } });
    assert.equal(fieldMessages(p, input(p, '#other [name="email"]')), null, 'a success naming the form cleared it');
  });
}

test('a request that draws nothing and names no form never clears a form\'s errors, whatever its URL', async (t) => {
  const p = page(t, { body: SIGNUP_FORM });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: respondUrl(400, { email: ['Bad.'] }), type: 'POST', apiErrors: { form: '#signup' } });
  await ajax(p, { url: respondUrl(503, { detail: 'Down.' }) });
  await ajax(p, { url: respondUrl(200, { ok: true }) });
  assert.deepEqual(fieldMessages(p, input(p, '[name="email"]')), ['Bad.']);
  assert.deepEqual(toastMessages(p).slice(-1), ['Down.']);
});

test('clearFieldErrors() still clears every form', async (t) => {
  const p = page(t, { body: SIGNUP_FORM });
  p.ApiErrors.installApiErrors();
  invalidRoute('/signup', SIGNUP_ERRORS);
  await postForm(p, '/signup');
  p.ApiErrors.clearFieldErrors();
  assert.equal(p.document.querySelectorAll('[aria-invalid], .api-errors-message').length, 0);
});

test('Submit pressed again with the same errors keeps what was drawn; what changed is redrawn, what went is cleared', async (t) => {
  const p = page(t, { body: SIGNUP_FORM });
  p.ApiErrors.installApiErrors();
  invalidRoute('/signup', SIGNUP_ERRORS);
  await postForm(p, '/signup');
  const email = input(p, '[name="email"]');
  const password = input(p, '[name="password"]');
  const emailMessage = p.document.getElementById(email.getAttribute('aria-describedby')!);
  const passwordMessage = p.document.getElementById(password.getAttribute('aria-describedby')!);
  await postForm(p, '/signup');
  assert.equal(p.document.getElementById(email.getAttribute('aria-describedby')!), emailMessage, 'the very same element stays');
  assert.equal(p.document.getElementById(password.getAttribute('aria-describedby')!), passwordMessage);
  assert.equal(p.document.querySelectorAll('.api-errors-message').length, 2);
  invalidRoute('/signup', { password: ['Still too short.'], username: ['Taken.'] });
  await postForm(p, '/signup');
  assert.equal(fieldMessages(p, email), null, 'a field the server no longer names is cleared');
  assert.deepEqual(fieldMessages(p, password), ['Still too short.']);
  assert.equal(passwordMessage!.isConnected, false, 'a changed message is drawn anew');
  assert.deepEqual(fieldMessages(p, input(p, '[name="username"]')), ['Taken.']);
  assert.equal(p.document.querySelectorAll('.api-errors-message').length, 2);
  assert.equal(p.document.activeElement, p.document.body, 'a request sent outside a submission, naming no form, moves no focus');
});
