// Focus stays with the person: a failure moves focus to its first marked field (or the summary)
// only when the person is waiting on it, that is when its request was sent in a form's
// submission, or names its form while nothing else on the page has focus. A background request
// (a validator's check, an autosave) marks fields and fills the summary, and leaves focus alone.
// Real page, real jQuery versions, real requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JQUERY_VERSIONS, ajax, fieldMessages, pageServer, settled, wait, type TestPage } from './helpers/page.ts';
import { submitForm } from './helpers/submit.ts';

const fixture = pageServer();
const { page } = fixture;

const FORM = `<form id="signup">
  <label for="username">Username</label><input id="username" name="username" value="al">
  <label for="email">Email</label><input id="email" name="email" value="al">
  <button type="submit" id="save">Sign up</button></form>
  <form id="search"><input id="q" name="q"></form>`;

function invalidRoute(path: string, errors: Record<string, string[]>): string {
  fixture.server.route(path, { status: 400, body: { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors } } });
  return path;
}

const byId = (p: TestPage, id: string): HTMLElement => p.document.getElementById(id)!;

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a remote check (context: form) failing while the person types the email marks Username and leaves focus in Email`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/check', { username: ['A user with that username already exists.'] });
    const email = byId(p, 'email');
    email.focus();
    // jquery-validation's `remote` rule: sent on leaving Username, with the form as its context.
    await ajax(p, { url: '/check', data: { username: 'al' }, context: byId(p, 'signup') });
    assert.deepEqual(fieldMessages(p, byId(p, 'username')), ['A user with that username already exists.']);
    assert.equal(p.document.activeElement, email, 'focus stays where the person is typing');
  });

  test(`jQuery ${jquery}: an autosave failing while the person types elsewhere marks its fields and fills the summary, but moves no focus`, async (t) => {
    const p = page(t, { jquery, body: FORM.replace('<form id="signup">', '<form id="signup"><div data-api-errors-summary></div>') });
    p.ApiErrors.installApiErrors();
    invalidRoute('/autosave', { email: ['Enter a valid email address.'] });
    const q = byId(p, 'q');
    q.focus();
    await ajax(p, { url: '/autosave', type: 'POST', data: p.$('#signup').serialize() });
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
    assert.ok(p.document.querySelector('#signup .api-errors-summary li'), 'the summary is filled');
    assert.equal(p.document.activeElement, q);
  });

  test(`jQuery ${jquery}: a request sent in the form's submit event moves focus to its first marked field`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', { email: ['Enter a valid email address.'], username: ['Taken.'] });
    byId(p, 'save').focus();
    await submitForm(p, '#signup', '/signup');
    assert.equal(p.document.activeElement, byId(p, 'username'));
  });

  test(`jQuery ${jquery}: a request sent in the click of the form's submit button belongs to that form and moves focus to its summary`, async (t) => {
    const p = page(t, {
      jquery,
      body: FORM.replace('<form id="signup">', '<form id="signup"><div data-api-errors-summary></div>') +
        '<form id="footer"><input name="email"></form>',
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/signup', { email: ['Enter a valid email address.'] });
    let jqXHR: any;
    p.$('#save').on('click', (event: any) => {
      event.preventDefault();
      jqXHR = p.$.post('/signup', 'email=al');
    });
    byId(p, 'save').click();
    await settled(p, jqXHR);
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
    assert.equal(fieldMessages(p, p.document.querySelector('#footer input')!), null, 'not the footer form');
    assert.equal(p.document.activeElement, p.document.querySelector('#signup .api-errors-summary'));
  });

  test(`jQuery ${jquery}: a request naming its form moves focus when nothing has focus or focus is in that form, never from another form`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    const url = invalidRoute('/profile', { email: ['Enter a valid email address.'] });
    const settings = { url, type: 'POST', apiErrors: { form: '#signup' } };
    await ajax(p, settings);
    assert.equal(p.document.activeElement, byId(p, 'email'), 'nothing had focus');
    byId(p, 'username').focus();
    await ajax(p, settings);
    assert.equal(p.document.activeElement, byId(p, 'email'), 'focus was on one of its own controls');
    byId(p, 'q').focus();
    await ajax(p, settings);
    assert.equal(p.document.activeElement, byId(p, 'q'), 'focus was in another form: it stays');
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
  });

  test(`jQuery ${jquery}: a request sent after the submit event is over (a timer) is no submission and moves no focus`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/later', { email: ['Enter a valid email address.'] });
    let jqXHR: any;
    p.$('#signup').on('submit', (event: any) => {
      event.preventDefault();
      p.window.setTimeout(() => {
        jqXHR = p.$.post('/later', 'email=al&username=al');
      }, 0);
    });
    byId(p, 'q').focus();
    byId(p, 'signup').dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    await wait(p, 5);
    await settled(p, jqXHR);
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
    assert.equal(p.document.activeElement, byId(p, 'q'));
  });

  test(`jQuery ${jquery}: after a submission, focus the person moved to another form since is left there`, async (t) => {
    const p = page(t, { jquery, body: FORM });
    p.ApiErrors.installApiErrors();
    fixture.server.route('/slow', { status: 400, delayMs: 60, body: { email: ['Enter a valid email address.'] } });
    byId(p, 'save').focus();
    let jqXHR: any;
    p.$('#signup').one('submit', function (this: HTMLFormElement, event: any) {
      event.preventDefault();
      jqXHR = p.$.post('/slow', p.$(this).serialize());
    });
    byId(p, 'signup').dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    byId(p, 'q').focus();
    await settled(p, jqXHR);
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
    assert.equal(p.document.activeElement, byId(p, 'q'));
  });

  test(`jQuery ${jquery}, Backbone 1.6: a view's save in its submit event takes focus; a background save naming the form leaves focus in another form`, async (t) => {
    const p = page(t, { jquery, backbone: '1.6', body: FORM });
    p.ApiErrors.installApiErrors();
    invalidRoute('/api/users', { email: ['Enter a valid email address.'] });
    const User = p.Backbone.Model.extend({ urlRoot: '/api/users' });
    const form = byId(p, 'signup');
    let jqXHR: any;
    const View = p.Backbone.View.extend({
      events: { submit: 'save' },
      save(event: any) {
        event.preventDefault();
        jqXHR = new User().save({ email: 'al' }, { apiErrors: { form: this.el } });
      },
    });
    new View({ el: form });
    byId(p, 'save').focus();
    form.dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
    await settled(p, jqXHR);
    assert.equal(p.document.activeElement, byId(p, 'email'), 'the submission takes focus');
    // A draft saved on a timer while the person types in the search box.
    byId(p, 'q').focus();
    jqXHR = new User().save({ email: 'al' }, { apiErrors: { form } });
    await settled(p, jqXHR);
    assert.deepEqual(fieldMessages(p, byId(p, 'email')), ['Enter a valid email address.']);
    assert.equal(p.document.activeElement, byId(p, 'q'));
  });
}
