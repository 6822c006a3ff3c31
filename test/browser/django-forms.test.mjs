// The DRF demo's plain Django page (/forms/, no DRF): a ModelForm, a formset and a FormView rendered
// by Django's own templates, posted with $.post by the page's script. The ModelForm is answered with
// Django's `form.errors.get_json_data()`, the formset with drf-api-errors' `form_error_response`,
// the FormView through its `AjaxFormMixin`. In Chromium under the demo's strict CSP: every field
// error beside its input, `__all__` in the summary or the toast, never a code.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, invalidFields, readApiErrors, readField, readToasts, recordApiErrors, waitForToasts } from './harness.mjs';

/** Fills the inputs (by id), presses the form's submit button, waits for the api:error event. */
async function submitAndFail(page, form, values, count = 1) {
  for (const [id, value] of Object.entries(values)) await page.fill(`#${id}`, value);
  await page.click(`#${form} button[type="submit"]`);
  await page.waitForFunction((n) => window.__apiErrorEvents.length === n, count);
}

// Django 5 points the input at its help text too: the error joins it, the help text stays.
const USERNAME_HELP = 'Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.';
const summaryItems = (page, form = 'account') => page.$$eval(`#${form} [data-api-errors-summary] li`, (items) => items.map((li) => li.textContent));
const pageText = (page) => page.evaluate(() => document.body.innerText);
const errorlists = (page) => page.$$eval('ul.errorlist', (lists) => lists.map((list) => list.textContent));

browserSuite('plain Django forms on the DRF demo', (env) => {
  it("a ModelForm's errors are beside their inputs, the summary lists them, no code is shown", async () => {
    const page = await env.open('/forms/');
    await recordApiErrors(page);
    await submitAndFail(page, 'account', { id_username: 'demo', id_email: 'not-an-email' });
    assert.deepEqual(await readApiErrors(page), [{ code: 'VALIDATION_ERROR', status: 400, message: 'Please correct the marked fields.' }]);
    assert.deepEqual(await invalidFields(page), ['#id_username', '#id_email']);
    assert.deepEqual((await readField(page, '#id_username')).describedBy, [USERNAME_HELP, 'Error: A user with that username already exists.']);
    assert.deepEqual((await readField(page, '#id_email')).describedBy, ['Error: Enter a valid email address.']);
    assert.deepEqual(await summaryItems(page), ['Username: A user with that username already exists.', 'Email: Enter a valid email address.']);
    assert.doesNotMatch(await pageText(page), /\b(code|invalid|unique)\b|__all__/);
  });

  it('__all__ is the form error: the summary and the toast say it, no field is marked', async () => {
    const page = await env.open('/forms/');
    await recordApiErrors(page);
    await page.click('[data-example="same"]');
    await page.waitForFunction(() => window.__apiErrorEvents.length === 1);
    assert.deepEqual(await invalidFields(page), []);
    assert.deepEqual(await summaryItems(page), ['Choose a username that is not your email address.']);
    assert.deepEqual((await waitForToasts(page)).map((toast) => toast.message), ['Choose a username that is not your email address.']);
    assert.doesNotMatch(await pageText(page), /username_is_email|__all__/);
  });

  it("a formset's envelope finds form-1-qty and form-2-sku; its own error is in the toast", async () => {
    const page = await env.open('/forms/');
    await recordApiErrors(page);
    await submitAndFail(page, 'order', {
      'id_form-0-sku': 'A-100', 'id_form-0-qty': '2', 'id_form-1-sku': 'B-200', 'id_form-1-qty': '0', 'id_form-2-qty': '1',
    });
    assert.deepEqual(await readApiErrors(page), [{ code: 'VALIDATION_ERROR', status: 400, message: 'Validation failed' }]);
    assert.deepEqual(await invalidFields(page), ['#id_form-1-qty', '#id_form-2-sku']);
    assert.deepEqual((await readField(page, '#id_form-1-qty')).describedBy, ['Error: Ensure this value is greater than or equal to 1.']);
    assert.deepEqual((await readField(page, '#id_form-2-sku')).describedBy, ['Error: This field is required.']);
    assert.doesNotMatch(await pageText(page), /min_value|form-1-qty|VALIDATION_ERROR/);

    await page.fill('#id_form-2-qty', '');
    await submitAndFail(page, 'order', { 'id_form-1-qty': '1', 'id_form-1-sku': 'A-100' }, 2);
    assert.deepEqual(await invalidFields(page), []);
    const toasts = await readToasts(page);
    assert.deepEqual(toasts.slice(-1).map((toast) => [toast.message, ...toast.details]), [['Validation failed', 'Each product can be on one line only.']]);
    assert.doesNotMatch(await pageText(page), /duplicate|__all__/);
  });

  it("a FormView with AjaxFormMixin: its clean() error in the summary, then its prefixed field's error", async () => {
    const page = await env.open('/forms/');
    await recordApiErrors(page);
    await page.click('[data-example="none"]');
    await page.waitForFunction(() => window.__apiErrorEvents.length === 1);
    assert.deepEqual(await invalidFields(page), []);
    assert.deepEqual(await summaryItems(page, 'newsletter'), ['Choose at least one newsletter.']);
    assert.deepEqual(await summaryItems(page), [], 'the account form is left alone');

    await page.check('#id_newsletter-weekly');
    await submitAndFail(page, 'newsletter', { 'id_newsletter-email': 'ada@' }, 2);
    assert.deepEqual(await invalidFields(page), ['#id_newsletter-email']);
    assert.deepEqual((await readField(page, '#id_newsletter-email')).describedBy, ['Error: Enter a valid email address.']);
    assert.deepEqual(await summaryItems(page, 'newsletter'), ['Email: Enter a valid email address.']);
    assert.doesNotMatch(await pageText(page), /no_newsletter|__all__|newsletter-email/);
  });

  it("a valid FormView post goes where Django's redirect would, and that page says so", async () => {
    const page = await env.open('/forms/');
    await page.fill('#id_newsletter-email', 'ada@example.com');
    await page.check('#id_newsletter-releases');
    await Promise.all([page.waitForURL(/\/forms\/\?subscribed=1$/), page.click('#newsletter button[type="submit"]')]);
    assert.equal(await page.textContent('#newsletter .result'), 'You are subscribed.');
    assert.deepEqual([await invalidFields(page), await readToasts(page)], [[], []]);
  });

  it("a plain HTML post of the FormView is Django's: the page again, with its errorlists", async () => {
    const page = await env.open('/forms/');
    await page.fill('#id_newsletter-email', 'nope');
    await Promise.all([page.waitForURL(/\/forms\/newsletter\/$/), page.evaluate(() => HTMLFormElement.prototype.submit.call(document.getElementById('newsletter')))]);
    assert.deepEqual(await errorlists(page), ['Choose at least one newsletter.', 'Enter a valid email address.']);
    assert.equal(await page.inputValue('#id_newsletter-email'), 'nope');
  });

  it("after a plain HTML post, the AJAX answer replaces Django's errorlists instead of adding to them", async () => {
    const page = await env.open('/forms/');
    // Posted as a browser without JavaScript would: no submit event, so the page's script stays out.
    await Promise.all([page.waitForURL(/\/forms\/account\/$/), page.evaluate(() => HTMLFormElement.prototype.submit.call(document.getElementById('account')))]);
    assert.deepEqual(await errorlists(page), ['This field is required.', 'This field is required.']);
    await recordApiErrors(page);
    await submitAndFail(page, 'account', { id_username: 'demo', id_email: 'not-an-email' });
    assert.deepEqual(await errorlists(page), []);
    assert.doesNotMatch(await pageText(page), /This field is required\./);
    assert.deepEqual((await readField(page, '#id_username')).describedBy, [USERNAME_HELP, 'Error: A user with that username already exists.']);
    assert.deepEqual((await readField(page, '#id_email')).describedBy, ['Error: Enter a valid email address.']);
    await page.fill('#id_email', 'someone@example.org');
    assert.equal((await readField(page, '#id_email')).ariaInvalid, null);
    assert.deepEqual(await errorlists(page), []);
  });
}, { server: 'drf' });
