// Which form a failure belongs to, and what its requests may clear: a request sent in a form's
// submission belongs to it, a named submit button and a FormData body identify their form, data
// that matches several forms names none, and then one failure marks the inputs of one form only.
// A request whose only link to a form is its `context` clears nothing of it, and of several
// forms posting to one URL, one form's success leaves the others' errors. Real page, real jQuery.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JQUERY_VERSIONS, ajax, fieldMessages, pageServer, settled, type TestPage } from './helpers/page.ts';
import { submitForm } from './helpers/submit.ts';

const fixture = pageServer();
const { page } = fixture;

function invalidRoute(path: string, errors: Record<string, string[]>): string {
  fixture.server.route(path, { status: 400, body: { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors } } });
  return path;
}

const one = (p: TestPage, selector: string): HTMLElement => {
  const element = p.document.querySelector<HTMLElement>(selector);
  assert.ok(element, selector);
  return element!;
};

/** The ids of the forms holding a marked input. */
const markedForms = (p: TestPage): string[] =>
  Array.from(p.document.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]')).map((input) => input.form?.id ?? '');

const FOOTER = '<footer><form id="newsletter"><input name="email" value=""><button>Subscribe</button></form></footer>';

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a legacy submit handler's $.post belongs to the form being submitted, not the footer's newsletter form`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="signup"><input name="email" value="ann.example.com"><input name="password" value="x"></form>' + FOOTER,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', { email: ['Enter a valid email address.'] });
    // The page adds its own parameter, so the data is no form's serialization.
    await submitForm(p, '#signup', '/signup', { data: p.$('#signup').serialize() + '&next=%2Fwelcome' });
    assert.deepEqual(fieldMessages(p, one(p, '#signup [name="email"]')), ['Enter a valid email address.']);
    assert.equal(fieldMessages(p, one(p, '#newsletter [name="email"]')), null, 'the footer form is left alone');
    assert.equal(p.document.querySelector('#newsletter .api-errors-message'), null);
  });

  test(`jQuery ${jquery}: a named submit button in the data (Django admin's _save, the jQuery Form plugin) identifies its form`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="quick"><input name="title" value="Draft"></form>
        <form id="change"><input name="title" value="Draft"><button type="submit" name="_save" value="Save">Save</button></form>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/admin/change', { title: ['This field is required.'] });
    await ajax(p, { url: '/admin/change', type: 'POST', data: p.$('#change').serialize() + '&_save=Save' });
    assert.deepEqual(markedForms(p), ['change']);
  });

  test(`jQuery ${jquery}: a FormData body (processData: false) identifies the form it was made from`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="upload"><input name="email" value="ann@example.com"><input type="file" name="report"></form>' + FOOTER,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/upload', { email: ['Enter a valid email address.'], report: ['No file was submitted.'] });
    const body = new p.window.FormData(one(p, '#upload'));
    await ajax(p, { url: '/upload', type: 'POST', data: body, processData: false, contentType: false });
    assert.deepEqual(markedForms(p), ['upload', 'upload']);
    assert.deepEqual(fieldMessages(p, one(p, '#upload [name="report"]')), ['No file was submitted.']);
  });

  test(`jQuery ${jquery}: a form's data identifies it beside the controls it does not send (disabled, unchecked, buttons, files, an empty select)`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="search"><input name="email" value=""><input name="q" value=""></form>
        <form id="profile"><input name="email" value="ann.example.com"><input name="nickname" value="Ann" disabled>
          <fieldset disabled><input name="phone" value="555"></fieldset><input type="checkbox" name="news">
          <input type="file" name="avatar"><button type="button" name="go">Go</button><select name="country"></select>
          <input type="reset" name="undo"><input type="submit" name="save" value="Save"></form>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/profile', { email: ['Enter a valid email address.'] });
    await ajax(p, { url: '/profile', type: 'POST', data: p.$('#profile').serialize() });
    assert.deepEqual(markedForms(p), ['profile']);
    p.ApiErrors.clearFieldErrors(p.document);
    const body = new p.window.FormData(one(p, '#profile') as HTMLFormElement);
    await ajax(p, { url: '/profile', type: 'POST', data: body, processData: false, contentType: false });
    assert.deepEqual(markedForms(p), ['profile']);
  });

  test(`jQuery ${jquery}: data that matches several forms names none of them, and one failure marks the inputs of one form only`, async (t) => {
    const comment = (id: string) => `<form id="${id}"><input name="name" value=""><textarea name="body"></textarea></form>`;
    const p = page(t, { jquery, body: comment('c1') + comment('c2') + comment('c3') });
    p.ApiErrors.installApiErrors();
    invalidRoute('/comments', { name: ['This field is required.'], body: ['This field is required.'] });
    await ajax(p, { url: '/comments', type: 'POST', data: p.$('#c3').serialize() });
    assert.deepEqual(markedForms(p), ['c1', 'c1'], 'one form, never every input with that name');
    assert.equal(p.document.querySelectorAll('.api-errors-message').length, 2);
  });

  test(`jQuery ${jquery}: a remote check sent with context: form clears none of the form's errors when it succeeds`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="signup"><input name="username" value="al"><input name="email" value="al@example.com"></form>',
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', { email: ['A user with that email already exists.'] });
    await submitForm(p, '#signup', '/signup');
    fixture.server.route('/check-username', { status: 200, body: 'true', contentType: 'application/json' });
    await ajax(p, { url: '/check-username', data: { username: 'alice' }, context: one(p, '#signup') });
    assert.deepEqual(fieldMessages(p, one(p, '[name="email"]')), ['A user with that email already exists.']);
  });

  test(`jQuery ${jquery}: of comment forms posting to one URL, form B's success leaves form A's errors`, async (t) => {
    const comment = (id: string, name: string) => `<form id="${id}"><input name="body" value="${name}"></form>`;
    const p = page(t, { jquery, body: comment('a', '') + comment('b', 'Nice post') });
    p.ApiErrors.installApiErrors();
    fixture.server.route('/comment', (request, response, body) => {
      const empty = /body=(&|$)/.test(body);
      response.writeHead(empty ? 400 : 201, { 'Content-Type': 'application/json' });
      response.end(empty ? '{"body": ["This field is required."]}' : '{"id": 1}');
    });
    // Each names its own form.
    await ajax(p, { url: '/comment', type: 'POST', data: p.$('#a').serialize(), apiErrors: { form: '#a' } });
    await ajax(p, { url: '/comment', type: 'POST', data: p.$('#b').serialize(), apiErrors: { form: '#b' } });
    assert.deepEqual(fieldMessages(p, one(p, '#a input')), ['This field is required.']);
    // Each sent in its own submission.
    p.ApiErrors.clearFieldErrors();
    await submitForm(p, '#a', '/comment');
    await submitForm(p, '#b', '/comment');
    assert.deepEqual(fieldMessages(p, one(p, '#a input')), ['This field is required.']);
  });

  test(`jQuery ${jquery}: a tracker sent in the same click as the form's submission clears none of the errors the submission drew`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="signup"><input name="email" value="al"><button type="submit" id="save">Sign up</button></form>',
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', { email: ['Enter a valid email address.'] });
    fixture.server.route('/track', { status: 204, delayMs: 40 });
    let tracker: any;
    let submission: any;
    p.$(p.document).on('click', '#save', () => {
      tracker = p.$.post('/track', 'event=signup-click');
    });
    p.$('#signup').on('submit', function (this: HTMLFormElement, event: any) {
      event.preventDefault();
      submission = p.$.post('/signup', p.$(this).serialize());
    });
    one(p, '#save').click();
    await settled(p, submission);
    assert.deepEqual(fieldMessages(p, one(p, '[name="email"]')), ['Enter a valid email address.']);
    await settled(p, tracker);
    assert.deepEqual(fieldMessages(p, one(p, '[name="email"]')), ['Enter a valid email address.'], 'the tracker\'s success left them');
  });
}
