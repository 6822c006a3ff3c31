// The parts of a form a failure reaches: a form inside an open shadow root (named with
// apiErrors.form), its inputs outside it tied by `form="id"` (in the summary too), and a group of
// checkboxes named by its fieldset's legend. Real page, real jQuery versions, real requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JQUERY_VERSIONS, ajax, fieldMessages, pageServer, toasts, type TestPage } from './helpers/page.ts';
import { submitForm } from './helpers/submit.ts';

const fixture = pageServer();
const { page } = fixture;

function invalidRoute(path: string, errors: Record<string, string[]>): string {
  fixture.server.route(path, { status: 400, body: { error: { message: 'Validation failed', code: 'VALIDATION_ERROR', status: 400, errors } } });
  return path;
}

const summaryItems = (root: ParentNode): string[] =>
  Array.from(root.querySelectorAll('.api-errors-summary li')).map((item) => item.textContent ?? '');

/** A custom element's open shadow root holding a sign-up form with a summary slot. */
function shadowForm(p: TestPage): { root: ShadowRoot; form: HTMLFormElement; email: HTMLInputElement } {
  const host = p.document.createElement('div');
  p.document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const form = p.document.createElement('form');
  form.id = 'signup';
  const summary = p.document.createElement('div');
  summary.setAttribute('data-api-errors-summary', '');
  const label = p.document.createElement('label');
  label.htmlFor = 'email';
  label.textContent = 'Email address';
  const email = p.document.createElement('input');
  email.id = 'email';
  email.name = 'email';
  form.append(summary, label, email);
  root.appendChild(form);
  return { root, form, email };
}

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a form in an open shadow root, named with apiErrors.form, gets its marks, labels and summary there`, async (t) => {
    const p = page(t, { jquery, body: '<input name="email" id="outside">' });
    p.ApiErrors.installApiErrors();
    const { root, form, email } = shadowForm(p);
    const url = invalidRoute('/signup', { email: ['Enter a valid email address.'], 'address.city': ['City is required.'] });
    await ajax(p, { url, type: 'POST', apiErrors: { form } });
    assert.equal(email.getAttribute('aria-invalid'), 'true');
    const message = root.getElementById(email.getAttribute('aria-describedby')!);
    assert.equal(message?.lastElementChild?.textContent, 'Enter a valid email address.');
    assert.equal(p.document.getElementById('outside')!.getAttribute('aria-invalid'), null, 'not the page\'s input of that name');
    assert.deepEqual(summaryItems(root), ['Email address: Enter a valid email address.', 'address.city: City is required.']);
    assert.deepEqual(toasts(p).map((toast) => toast.details), [[]], 'no raw paths in the toast');
    assert.equal(root.activeElement, root.querySelector('.api-errors-summary'), 'focus went to the summary');
    // Editing the field clears it: `change` does not leave the shadow root.
    email.dispatchEvent(new p.window.Event('change', { bubbles: true }));
    assert.equal(email.getAttribute('aria-invalid'), null);
    fixture.server.route('/ok', { status: 200, body: {} });
    await ajax(p, { url: '/ok', type: 'POST', apiErrors: { form } });
    assert.deepEqual(summaryItems(root), [], 'a success naming the form clears its summary');
  });

  test(`jQuery ${jquery}: the summary lists the form's inputs outside it (form="checkout"), so no error is shown nowhere`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="checkout"><div data-api-errors-summary></div>
          <label for="card">Card number</label><input id="card" name="card" value="4242"></form>
        <aside><label for="coupon">Coupon</label><input id="coupon" name="coupon" form="checkout" value="XMAS"></aside>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/checkout', {
      non_field_errors: ['Your basket changed.'],
      card: ['Your card was declined.'],
      coupon: ['This coupon has expired.'],
      gift: ['Gift wrapping is not available.'],
    });
    await submitForm(p, '#checkout', '/checkout');
    assert.deepEqual(summaryItems(p.document), [
      'Your basket changed.',
      'Card number: Your card was declined.',
      'Coupon: This coupon has expired.',
      'gift: Gift wrapping is not available.',
    ]);
    assert.deepEqual(fieldMessages(p, p.document.getElementById('coupon')!), ['This coupon has expired.']);
    assert.equal(p.document.activeElement, p.document.querySelector('.api-errors-summary'));
  });

  test(`jQuery ${jquery}: a group of checkboxes is named by its fieldset's legend; a lone checkbox keeps its own label`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form id="prefs"><div data-api-errors-summary></div>
        <fieldset><legend>Colours</legend>
          <label><input type="checkbox" name="colours" value="red"> Red</label>
          <label><input type="checkbox" name="colours" value="blue"> Blue</label></fieldset>
        <fieldset><legend>Terms</legend><label><input type="checkbox" name="agree"> I agree to the terms</label></fieldset>
        <fieldset data-api-field="sizes"><legend>Sizes</legend><label><input type="checkbox" name="size"> S</label></fieldset></form>`,
    });
    p.ApiErrors.installApiErrors();
    invalidRoute('/prefs', {
      colours: ['Pick at least one colour.'],
      agree: ['You must agree.'],
      sizes: ['Pick a size.'],
    });
    await submitForm(p, '#prefs', '/prefs');
    assert.deepEqual(summaryItems(p.document), [
      'Colours: Pick at least one colour.',
      'I agree to the terms: You must agree.',
      'Sizes: Pick a size.',
    ]);
  });
}
