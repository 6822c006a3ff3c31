// The plain Django page of the DRF demo (demo/drf/demo_project/form_views.py): a ModelForm, a
// formset and a FormView rendered by Django's own templates, posted by the page's own script with
// $.post. The ModelForm's view answers Django's `form.errors.get_json_data()`, the formset's
// drf-api-errors' `form_error_response(formset)`, the FormView uses its `AjaxFormMixin`. Real
// Django makes every answer and every piece of markup here; jsdom runs the page on every jQuery version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CookieJar } from 'jsdom';
import { ajax, fieldMessages, idle, JQUERY_VERSIONS, openPage, ROOT, toasts, type JQueryVersion, type TestPage } from '../helpers/page.ts';
import { pythonMissing } from '../../scripts/drf-venv.mjs';

const missing = pythonMissing();
const inCI = !!process.env.CI && process.env.CI !== 'false';
const PAGE_SCRIPT = readFileSync(join(ROOT, 'demo/public/django-forms.js'), 'utf8');

let drf: { url: string; close(): Promise<void> } | undefined;
let origin = '';

/**
 * The forms page as Django rendered it (after a plain HTML post with `post`, with its
 * errorlists), with the plugin installed and the page's own script running.
 */
async function open(t: { after(fn: () => void): void }, jquery: JQueryVersion, post?: { url: string }): Promise<TestPage> {
  const page = openPage({ origin, jquery, cookieJar: new CookieJar() });
  t.after(() => page.close());
  const { jqXHR: get } = await ajax(page, { url: '/forms/' });
  let html = get.responseText as string;
  if (post) {
    // A plain HTML post: what the browser sends without JavaScript (no X-Requested-With).
    const token = (/name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html) as RegExpExecArray)[1];
    const { jqXHR } = await ajax(page, {
      url: post.url, type: 'POST', data: { csrfmiddlewaretoken: token }, headers: { 'X-Requested-With': 'none' },
    });
    assert.equal(jqXHR.status, 400);
    html = jqXHR.responseText;
  }
  page.document.body.innerHTML = (/<main[\s\S]*<\/main>/.exec(html) as RegExpExecArray)[0];
  page.ApiErrors.installApiErrors();
  page.window.eval(PAGE_SCRIPT);
  return page;
}

const input = (page: TestPage, id: string): Element => page.document.getElementById(id) as Element;

/** Fills inputs by id and submits their form the way a person does (its submit event). */
async function submit(page: TestPage, form: string, values: Record<string, string>): Promise<void> {
  for (const id of Object.keys(values)) page.$('#' + id).val(values[id] as string);
  page.$('#' + form).trigger('submit');
  await idle(page);
}

/** The ids of the marked inputs of a form, in page order. */
const marked = (page: TestPage, form: string): string[] =>
  Array.from(page.document.querySelectorAll(`#${form} [aria-invalid="true"]`)).map((element) => element.id);

/** Everything a person can read on the page: no code (invalid, min_value...) may be in it. */
const everything = (page: TestPage): string => page.document.body.textContent ?? '';

const summary = (page: TestPage, form = 'account'): string[] =>
  Array.from(page.document.querySelectorAll(`#${form} [data-api-errors-summary] li`)).map((li) => li.textContent ?? '');

/** Ticks the newsletter's checkboxes (by id) as a person does. */
const tick = (page: TestPage, ...ids: string[]): void => ids.forEach((id) => page.$('#' + id).prop('checked', true));

if (missing && inCI) {
  test('the plain Django forms page', () => assert.fail(`${missing} (required because CI is set)`));
} else {
  describe('the plain Django forms page', { skip: missing || false }, () => {
    before(async () => {
      const { startDrf } = await import('../browser/harness.mjs');
      drf = await startDrf();
      origin = drf.url.replace(/\/$/, '');
    });
    after(() => drf?.close());

    for (const jquery of JQUERY_VERSIONS) {
      describe(`jQuery ${jquery}`, () => {
        test("the ModelForm's field errors are beside their inputs, never their codes", async (t) => {
          const page = await open(t, jquery);
          await submit(page, 'account', { id_username: 'demo', id_email: 'not-an-email' });
          assert.deepEqual(marked(page, 'account'), ['id_username', 'id_email']);
          assert.deepEqual(fieldMessages(page, input(page, 'id_username')), ['A user with that username already exists.']);
          assert.deepEqual(fieldMessages(page, input(page, 'id_email')), ['Enter a valid email address.']);
          assert.deepEqual(summary(page), [
            'Username: A user with that username already exists.', 'Email: Enter a valid email address.']);
          // The page's own `messages` (the server's JSON carries no message of its own).
          assert.deepEqual(toasts(page).map((toast) => toast.message), ['Please correct the marked fields.']);
          assert.doesNotMatch(everything(page), /\b(code|invalid|unique|message)\b|__all__|\.0\./);
        });

        test("__all__ is the form's error: in the summary and the toast, no field marked", async (t) => {
          const page = await open(t, jquery);
          await submit(page, 'account', { id_username: 'ada', id_email: 'ada@example.com' });
          assert.deepEqual(marked(page, 'account'), []);
          assert.deepEqual(summary(page), ['Choose a username that is not your email address.']);
          assert.deepEqual(toasts(page).map((toast) => toast.message), ['Choose a username that is not your email address.']);
          assert.doesNotMatch(everything(page), /username_is_email|__all__/);
        });

        test('a valid post creates the account: the page says so and nothing is marked', async (t) => {
          const page = await open(t, jquery);
          const name = 'user' + jquery.replace('.', '') + '-' + Math.random().toString(36).slice(2, 8);
          await submit(page, 'account', { id_username: name, id_email: 'someone@example.org' });
          assert.equal(page.$('#account .result').text(), 'Created ' + name + '.');
          assert.deepEqual([marked(page, 'account'), toasts(page)], [[], []]);
        });

        test("the formset's envelope finds its inputs by name (form-1-qty) and Django's ids", async (t) => {
          const page = await open(t, jquery);
          await submit(page, 'order', {
            'id_form-0-sku': 'A-100', 'id_form-0-qty': '2', 'id_form-1-sku': 'B-200', 'id_form-1-qty': '0', 'id_form-2-qty': '1',
          });
          assert.deepEqual(marked(page, 'order'), ['id_form-1-qty', 'id_form-2-sku']);
          assert.deepEqual(fieldMessages(page, input(page, 'id_form-1-qty')), ['Ensure this value is greater than or equal to 1.']);
          assert.deepEqual(fieldMessages(page, input(page, 'id_form-2-sku')), ['This field is required.']);
          // The envelope's own message, not the page's `messages` (they fill in only when the server sent none).
          assert.deepEqual(toasts(page).map((toast) => toast.message), ['Validation failed']);
          assert.doesNotMatch(everything(page), /min_value|required"|form-1-qty|VALIDATION_ERROR|correlation/);
        });

        test("the formset's own error (__all__ in the envelope) is in the toast, no field marked", async (t) => {
          const page = await open(t, jquery);
          page.$('[data-example=duplicate]').trigger('click');
          await idle(page);
          assert.deepEqual(marked(page, 'order'), []);
          assert.deepEqual(toasts(page).map((toast) => [toast.message, ...toast.details]), [['Validation failed', 'Each product can be on one line only.']]);
          assert.doesNotMatch(everything(page), /duplicate|__all__/);
          await submit(page, 'order', { 'id_form-1-sku': 'B-200' });
          assert.equal(page.$('#order .result').text(), 'Ordered 2 lines.');
        });

        test("the FormView's form error (its clean()) is the summary's, no field marked", async (t) => {
          const page = await open(t, jquery);
          page.$('[data-example=none]').trigger('click');
          await idle(page);
          assert.deepEqual(marked(page, 'newsletter'), []);
          assert.deepEqual(summary(page, 'newsletter'), ['Choose at least one newsletter.']);
          assert.deepEqual(summary(page), [], 'the other forms are left alone');
          assert.deepEqual(toasts(page).map((toast) => toast.message), ['Validation failed']);
          assert.doesNotMatch(everything(page), /no_newsletter|__all__/);
        });

        test("the FormView's field error finds its prefixed input (newsletter-email), not the account's email", async (t) => {
          const page = await open(t, jquery);
          tick(page, 'id_newsletter-weekly');
          await submit(page, 'newsletter', { 'id_newsletter-email': 'ada@' });
          assert.deepEqual([marked(page, 'newsletter'), marked(page, 'account')], [['id_newsletter-email'], []]);
          assert.deepEqual(fieldMessages(page, input(page, 'id_newsletter-email')), ['Enter a valid email address.']);
          assert.deepEqual(summary(page, 'newsletter'), ['Email: Enter a valid email address.']);
          assert.doesNotMatch(everything(page), /newsletter-email/);
        });

        test("a valid FormView post: the page says so and goes where Django's redirect would", async (t) => {
          const page = await open(t, jquery);
          page.$('[data-example=none]').trigger('click');
          await idle(page);
          tick(page, 'id_newsletter-releases');
          await submit(page, 'newsletter', {});
          assert.equal(page.$('#newsletter .result').text(), 'Subscribed.');
          assert.deepEqual([marked(page, 'newsletter'), summary(page, 'newsletter')], [[], []]);
          // jsdom does not navigate: it reports that the page tried to (Chromium follows it).
          assert.equal(page.uncaught.length, 1);
          assert.match(page.uncaught[0] as string, /^Not implemented: navigation\b/);
        });

        test("after a plain HTML post, Django's errorlists are replaced by the new answer, never shown beside it", async (t) => {
          const page = await open(t, jquery, { url: '/forms/account/' });
          const lists = (): string[] => Array.from(page.document.querySelectorAll('#account ul.errorlist')).map((list) => list.textContent ?? '');
          assert.deepEqual(lists(), ['This field is required.', 'This field is required.'], 'as Django rendered them');
          await submit(page, 'account', { id_username: 'demo', id_email: 'not-an-email' });
          assert.deepEqual(lists(), []);
          assert.deepEqual(fieldMessages(page, input(page, 'id_username')), ['A user with that username already exists.']);
          assert.deepEqual(fieldMessages(page, input(page, 'id_email')), ['Enter a valid email address.']);
          assert.equal(everything(page).split('This field is required.').length, 1, 'no stale message left');
          assert.equal(everything(page).split('Enter a valid email address.').length, 3, 'once beside the field, once in the summary');
          // The person edits the email: its message goes, and Django's stale one does not come back.
          page.$('#id_email').val('ada@example.org')[0].dispatchEvent(new page.window.Event('input', { bubbles: true }));
          assert.equal(fieldMessages(page, input(page, 'id_email')), null);
          assert.deepEqual(lists(), []);
          // Django 5.2 ties its list to the field by id: that reference leads to the new messages.
          for (const id of (input(page, 'id_username').getAttribute('aria-describedby') ?? '').split(' ')) {
            assert.ok(page.document.getElementById(id), id);
          }
        });
      });
    }
  });
}
