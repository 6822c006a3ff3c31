// Forms rendered by Django's own templates (as_p, as_table, as_ul, as_div), captured from Django
// 3.2 and 5.2 by test/fixtures/capture_django_forms.py with errors from an earlier plain post:
// an AJAX failure in Django's error JSON marks each field and takes the place of its errorlist,
// never showing the old and the new errors side by side. Every jQuery version, a real server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ajax, fieldMessages, JQUERY_VERSIONS, openPage, ROOT, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const CAPTURES = ['3.2', '5.2'].map((version) => JSON.parse(readFileSync(join(ROOT, `test/fixtures/django-forms-${version}.json`), 'utf8')));
const WRAP: Record<string, [string, string]> = { table: ['<table>', '</table>'], ul: ['<ul>', '</ul>'], p: ['', ''], div: ['', ''] };
const ANSWER = {
  username: [{ message: 'That username is taken.', code: 'unique' }],
  email: [{ message: 'Use your work address.', code: 'invalid' }],
  plan: [{ message: 'Choose a plan.', code: 'required' }],
  agree: [{ message: 'Please agree to the terms.', code: 'required' }],
};

let server: TestServer;
before(async () => {
  server = await startServer();
  server.route('/signup/', { status: 400, body: ANSWER });
});
after(() => server.close());

const errorlists = (page: TestPage): string[] =>
  Array.from(page.document.querySelectorAll('ul.errorlist')).map((list) => list.className + ': ' + list.textContent);

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    for (const capture of CAPTURES) {
      for (const layout of Object.keys(capture.layouts)) {
        test(`Django ${capture.django} as_${layout}: each field's errorlist is replaced by its new messages`, async (t) => {
          const [open, close] = WRAP[layout] as [string, string];
          const page = openPage({ origin: server.origin, jquery, body: `<form id="signup">${open}${capture.layouts[layout]}${close}</form>` });
          t.after(() => page.close());
          page.ApiErrors.installApiErrors();
          assert.equal(errorlists(page).length, 5, 'as Django rendered them: the form\'s and four fields\'');
          await ajax(page, { url: '/signup/', type: 'POST', apiErrors: { form: '#signup' } });

          const byId = (id: string) => page.document.getElementById(id) as Element;
          assert.deepEqual(fieldMessages(page, byId('id_username')), ['That username is taken.']);
          assert.deepEqual(fieldMessages(page, byId('id_email')), ['Use your work address.']);
          assert.deepEqual(fieldMessages(page, byId('id_plan_1')), ['Choose a plan.']);
          assert.deepEqual(fieldMessages(page, byId('id_agree')), ['Please agree to the terms.']);
          assert.equal(fieldMessages(page, byId('id_nickname')), null);
          // Only the form's own list is left; no field shows its old error beside the new one.
          assert.deepEqual(errorlists(page), ['errorlist nonfield: Something is wrong with the form.']);
          assert.doesNotMatch(page.document.body.textContent ?? '', /This field is required|Enter a valid email/);
          // Every id an input or fieldset refers to is on the page (Django 5.2 refers to its lists).
          for (const element of Array.from(page.document.querySelectorAll('[aria-describedby]'))) {
            for (const id of (element.getAttribute('aria-describedby') ?? '').split(' ')) assert.ok(page.document.getElementById(id), id);
          }
          // The person fixes the username: its message goes, the old list does not come back.
          byId('id_username').dispatchEvent(new page.window.Event('input', { bubbles: true }));
          assert.equal(fieldMessages(page, byId('id_username')), null);
          assert.deepEqual(errorlists(page), ['errorlist nonfield: Something is wrong with the form.']);
        });
      }
    }
  });
}
