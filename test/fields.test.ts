// The default field renderer and clearFieldErrors, as a user sees them: a real jsdom page with a
// real jQuery and the built plugin (dist/api-errors.js), a real request to a real server, then
// the inputs' marks, the messages next to them, focus and the toast.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { respondUrl } from './helpers/server.ts';
import {
  JQUERY_VERSIONS,
  ajax,
  fieldMessages,
  openPage,
  pageServer,
  toasts,
  type TestPage,
} from './helpers/page.ts';

const fixture = pageServer();
/** Opens a page on the test server; closed when the test ends. */
const { page } = fixture;

/** A 400 envelope with these field errors. */
function invalid(errors: Record<string, unknown>, message = 'Validation failed'): string {
  return respondUrl(400, { error: { message, code: 'VALIDATION_ERROR', status: 400, errors } });
}

const ok = (): string => respondUrl(200, { ok: true });

function $$(p: TestPage, selector: string): HTMLElement[] {
  return Array.from(p.document.querySelectorAll<HTMLElement>(selector));
}
function one(p: TestPage, selector: string): HTMLElement {
  const element = p.document.querySelector<HTMLElement>(selector);
  assert.ok(element, `${selector} is on the page`);
  return element!;
}

/** Whether the input carries no mark the renderer draws. */
function assertUnmarked(input: Element, describedBy: string | null = null): void {
  assert.equal(input.getAttribute('aria-invalid'), null);
  assert.equal(input.classList.contains('is-invalid'), false);
  assert.equal(input.getAttribute('aria-describedby'), describedBy);
}

/** An input whose attribute is set from script, so a name needs no HTML escaping in the test. */
function addInput(p: TestPage, attribute: string, value: string, parent: Element = p.document.body): HTMLInputElement {
  const input = p.document.createElement('input');
  input.setAttribute(attribute, value);
  parent.appendChild(input);
  return input;
}

function edit(p: TestPage, input: Element, type: 'input' | 'change'): void {
  input.dispatchEvent(new p.window.Event(type, { bubbles: true }));
}

/** The text of each message element on the page, without the visually hidden "Error:" lead. */
const drawnMessages = (p: TestPage): string[] =>
  $$(p, '.api-errors-message').map((element) =>
    Array.from(element.children)
      .filter((child) => !child.classList.contains('api-errors-visually-hidden'))
      .map((child) => child.textContent)
      .join(''),
  );

// ---------------------------------------------------------------------------------------------
// Lookup and marks, on every jQuery version.

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a field is found by [data-api-field], [name], the bracket name and the Django id`, async (t) => {
    const p = page(t, {
      jquery,
      body: `<form>
        <div><input data-api-field="address.city"></div>
        <div><input name="email"></div>
        <div><input name="items[1][qty]"></div>
        <div><input id="id_lines-0-sku" name="lines-0-sku"></div>
      </form>`,
    });
    p.ApiErrors.installApiErrors();
    await ajax(p, {
      url: invalid({
        address: { city: ['City is required.'] },
        email: ['Enter a valid email address.'],
        items: [{}, { qty: ['Ensure this value is greater than or equal to 1.'] }],
        lines: { 0: { sku: ['This field may not be blank.'] } },
      }),
    });
    assert.deepEqual(fieldMessages(p, one(p, '[data-api-field="address.city"]')), ['City is required.']);
    assert.deepEqual(fieldMessages(p, one(p, '[name="email"]')), ['Enter a valid email address.']);
    assert.deepEqual(fieldMessages(p, one(p, '[name="items[1][qty]"]')), ['Ensure this value is greater than or equal to 1.']);
    assert.deepEqual(fieldMessages(p, one(p, '#id_lines-0-sku')), ['This field may not be blank.']);
    assert.deepEqual(toasts(p)[0]?.details, [], 'every field found its input');
  });

  test(`jQuery ${jquery}: names that would break a selector are looked up literally`, async (t) => {
    const p = page(t, { jquery });
    const names = ['a"b', 'x]', '#id', 'items[0]', 'a\\b', 'sp ace', "it's", '1st'];
    const inputs = names.map((name) => addInput(p, 'name', name));
    const decoy = addInput(p, 'name', 'a');
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid(Object.fromEntries(names.map((name) => [name, [`bad ${name}`]]))) });
    names.forEach((name, index) => assert.deepEqual(fieldMessages(p, inputs[index]!), [`bad ${name}`], name));
    assertUnmarked(decoy);
    assert.deepEqual(toasts(p)[0]?.details, []);
    assert.deepEqual(p.consoleErrors, []);
  });

  test(`jQuery ${jquery}: an invalid input gets aria-invalid, is-invalid and aria-describedby to its messages right after it`, async (t) => {
    const p = page(t, { jquery, body: '<form><label for="e">Email</label><input id="e" name="email"><span class="after"></span></form>' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid({ email: ['Enter a valid email address.', 'Use your work address.'] }) });
    const input = one(p, 'input');
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    assert.ok(input.classList.contains('is-invalid'));
    const holder = p.document.getElementById(input.getAttribute('aria-describedby')!)!;
    assert.ok(holder, 'aria-describedby names an element on the page');
    assert.equal(input.nextElementSibling, holder, 'the messages sit right after the input');
    assert.equal(holder.textContent, 'Error: Enter a valid email address.Use your work address.', 'led by "Error:" for screen readers');
    assert.deepEqual(fieldMessages(p, input), ['Enter a valid email address.', 'Use your work address.']);
  });

  test(`jQuery ${jquery}: editing a field (input event) clears its marks and message, and only its own`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"><input name="name"></form>' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }) });
    edit(p, one(p, '[name="email"]'), 'input');
    assertUnmarked(one(p, '[name="email"]'));
    assert.deepEqual(fieldMessages(p, one(p, '[name="name"]')), ['Bad name.']);
    assert.deepEqual(drawnMessages(p), ['Bad name.']);
  });

  test(`jQuery ${jquery}: apiErrors.form limits the lookup to that form when two forms share input names`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="login"><input name="email"></form><form id="signup"><input name="email"></form>',
    });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid({ email: ['Taken.'] }), apiErrors: { form: '#signup' } });
    assertUnmarked(one(p, '#login input'));
    assert.deepEqual(fieldMessages(p, one(p, '#signup input')), ['Taken.']);
    assert.equal(p.document.activeElement, one(p, '#signup input'));
  });

  test(`jQuery ${jquery}: a renderer that throws is reported; other fields, the toast and complete/always still run`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"><input name="name"></form>' });
    const { defaultRenderField } = p.ApiErrors;
    p.ApiErrors.installApiErrors({
      renderField(field: string, messages: string[], error: unknown, context: unknown) {
        if (field === 'email') throw new Error('renderer broke');
        return defaultRenderField(field, messages, error, context);
      },
    });
    const calls: string[] = [];
    const jqXHR = p.$.ajax({ url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }), complete: () => calls.push('complete') });
    jqXHR.always(() => calls.push('always'));
    await new Promise<void>((resolve) => jqXHR.always(() => p.window.setTimeout(resolve, 20)));
    assert.ok(p.consoleErrors.some((line) => line.includes('renderer broke')), p.consoleErrors.join('\n'));
    assert.deepEqual(fieldMessages(p, one(p, '[name="name"]')), ['Bad name.']);
    assert.deepEqual(toasts(p), [{ message: 'Validation failed', details: ['email: Bad email.'], reference: null }]);
    assert.deepEqual(calls, ['always', 'complete']);
    assert.equal(p.$.active, 0);
    assert.deepEqual(p.uncaught, []);
  });

  test(`jQuery ${jquery}: api:error fires once on the document with the ApiError and the jqXHR`, async (t) => {
    const p = page(t, { jquery, body: '<form><input name="email"></form>' });
    p.ApiErrors.installApiErrors();
    const seen: any[] = [];
    p.$(p.document).on('api:error', (_event: unknown, error: any, jqXHR: any) => {
      seen.push({ error, jqXHR, marked: one(p, 'input').getAttribute('aria-invalid') });
    });
    const { jqXHR } = await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
    assert.equal(seen.length, 1);
    assert.equal(seen[0].jqXHR, jqXHR);
    assert.equal(seen[0].error.message, 'Validation failed');
    assert.equal(seen[0].error.status, 400);
    assert.deepEqual(JSON.parse(JSON.stringify(seen[0].error.errors)), { email: ['Bad email.'] });
    assert.equal(seen[0].marked, 'true', 'fields are drawn before the event');
  });
}

// ---------------------------------------------------------------------------------------------
// Where the messages go.

test('messages go inside [data-api-errors-for="path"] when the page has one', async (t) => {
  const p = page(t, {
    body: '<form><input name="address.city"><p>hint</p><div data-api-errors-for="address.city" class="slot"></div></form>',
  });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ address: { city: ['This field is required.'] } }) });
  const input = one(p, 'input');
  const holder = p.document.getElementById(input.getAttribute('aria-describedby')!)!;
  assert.equal(holder.parentElement, one(p, '.slot'));
  assert.equal(one(p, '.slot').textContent, 'Error: This field is required.');
  assert.equal(input.nextElementSibling!.tagName, 'P', 'nothing was inserted after the input');
});

test('an existing aria-describedby is kept while marked and restored when cleared', async (t) => {
  const p = page(t, { body: '<form><input name="email" aria-describedby="email-help"><small id="email-help">Work email</small></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
  const input = one(p, 'input');
  const ids = input.getAttribute('aria-describedby')!.split(' ');
  assert.equal(ids[0], 'email-help');
  assert.equal(ids.length, 2);
  assert.deepEqual(fieldMessages(p, input), ['Bad email.']);
  edit(p, input, 'input');
  assertUnmarked(input, 'email-help');
});

test('a radio group (same name) is marked as a whole; the message follows the last radio', async (t) => {
  const p = page(t, {
    body: '<form><input type="radio" name="plan" value="a"><input type="radio" name="plan" value="b"><input type="radio" name="plan" value="c"></form>',
  });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ plan: ['Choose a plan.'] }) });
  const radios = $$(p, 'input[type="radio"]');
  for (const radio of radios) assert.deepEqual(fieldMessages(p, radio), ['Choose a plan.']);
  assert.equal(drawnMessages(p).length, 1, 'one message for the group');
  assert.equal(radios[2]!.nextElementSibling, p.document.querySelector('.api-errors-message'));
  edit(p, radios[1]!, 'change');
  for (const radio of radios) assertUnmarked(radio);
  assert.deepEqual(drawnMessages(p), []);
});

test('a hidden input is skipped: its message goes to the toast, led by its path', async (t) => {
  const p = page(t, { body: '<form><input type="hidden" name="token" value="x"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ token: ['Expired.'], email: ['Bad email.'] }) });
  assertUnmarked(one(p, '[name="token"]'));
  assert.deepEqual(fieldMessages(p, one(p, '[name="email"]')), ['Bad email.']);
  assert.deepEqual(toasts(p)[0]?.details, ['token: Expired.']);
});

test('a field with no element on the page goes to the toast, led by its path, and is not an error', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ address: { city: ['This field is required.'] }, items: [{}, { qty: ['Too few.'] }] }) });
  assert.deepEqual(toasts(p)[0]?.details, ['address.city: This field is required.', 'items.1.qty: Too few.']);
  assert.deepEqual(drawnMessages(p), []);
  assert.deepEqual(p.consoleErrors, []);
});

test('at most 10 messages a field and 100 fields are rendered', async (t) => {
  const names = Array.from({ length: 120 }, (_, index) => `f${index}`);
  const p = page(t, { body: '<form>' + names.map((name) => `<input name="${name}">`).join('') + '</form>' });
  p.ApiErrors.installApiErrors();
  const messages = Array.from({ length: 15 }, (_, index) => `message ${index}`);
  fixture.server.route('/many-fields', { status: 400, body: Object.fromEntries(names.map((name) => [name, messages])) });
  await ajax(p, { url: '/many-fields' });
  const marked = $$(p, '[aria-invalid="true"]');
  assert.equal(marked.length, 100);
  assert.equal(drawnMessages(p).length, 100);
  for (const input of marked) assert.deepEqual(fieldMessages(p, input), messages.slice(0, 10));
  assert.equal(one(p, '[name="f0"]').getAttribute('aria-invalid'), 'true');
  assertUnmarked(one(p, '[name="f119"]'));
});

test('messages are text, even when they look like markup', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  const hostile = '<img src=x onerror="window.__xss=1"><b>bold</b>';
  await ajax(p, { url: invalid({ email: [hostile] }) });
  assert.deepEqual(fieldMessages(p, one(p, 'input')), [hostile]);
  assert.equal(p.document.querySelectorAll('img, b').length, 0);
  assert.equal(p.window.__xss, undefined);
});

test('a hostile field name finds its input literally and creates no element', async (t) => {
  const p = page(t);
  const name = '"]<img src=x onerror="window.__xss=1">[name="';
  const input = addInput(p, 'name', name);
  const other = addInput(p, 'name', 'other');
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ [name]: ['Nope.'] }) });
  assert.deepEqual(fieldMessages(p, input), ['Nope.']);
  assertUnmarked(other);
  assert.equal(p.document.querySelectorAll('img').length, 0);
  assert.deepEqual(p.consoleErrors, []);
});

// ---------------------------------------------------------------------------------------------
// Clearing.

test('editing a field (change event) clears its marks and message', async (t) => {
  const p = page(t, { body: '<form><select name="country"><option>a</option><option>b</option></select><input name="name"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ country: ['Pick one.'], name: ['Bad name.'] }) });
  edit(p, one(p, 'select'), 'change');
  assertUnmarked(one(p, 'select'));
  assert.deepEqual(drawnMessages(p), ['Bad name.']);
});

test('a later successful request in the same form clears its marks', async (t) => {
  const p = page(t, { body: '<form id="signup"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }), apiErrors: { form: '#signup' } });
  assert.deepEqual(fieldMessages(p, one(p, 'input')), ['Bad email.']);
  await ajax(p, { url: ok(), apiErrors: { form: '#signup' } });
  assertUnmarked(one(p, 'input'));
  assert.deepEqual(drawnMessages(p), []);
});

test('a successful request for another form leaves this form marked', async (t) => {
  const p = page(t, { body: '<form id="a"><input name="email"></form><form id="b"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }), apiErrors: { form: '#a' } });
  await ajax(p, { url: ok(), apiErrors: { form: '#b' } });
  assert.deepEqual(fieldMessages(p, one(p, '#a input')), ['Bad email.']);
});

test('the next failure of the same request clears the previous one first: no duplicate messages', async (t) => {
  const p = page(t, { body: '<form><input name="email"><input name="name"></form>' });
  p.ApiErrors.installApiErrors();
  const answer = (errors: Record<string, string[]>) =>
    fixture.server.route('/again', { status: 400, body: { error: { message: 'Invalid', code: 'VALIDATION_ERROR', status: 400, errors } } });
  answer({ email: ['First.'], name: ['Bad name.'] });
  await ajax(p, { url: '/again', type: 'POST' });
  answer({ email: ['Second.'] });
  await ajax(p, { url: '/again', type: 'POST' });
  const email = one(p, '[name="email"]');
  assert.deepEqual(fieldMessages(p, email), ['Second.']);
  assert.equal(email.getAttribute('aria-describedby')!.split(' ').length, 1);
  assertUnmarked(one(p, '[name="name"]'));
  assert.deepEqual(drawnMessages(p), ['Second.']);
});

test('clearFieldErrors() clears every field on the page', async (t) => {
  const p = page(t, { body: '<form id="a"><input name="email"></form><form id="b"><input name="name"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }) });
  p.ApiErrors.clearFieldErrors();
  for (const input of $$(p, 'input')) assertUnmarked(input);
  assert.deepEqual(drawnMessages(p), []);
});

for (const [how, scopeOf] of [
  ['an element', (p: TestPage) => one(p, '#a')],
  ['a selector', () => '#a'],
  ['a jQuery object', (p: TestPage) => p.$('#a')],
] as const) {
  test(`clearFieldErrors(${how}) clears only that form`, async (t) => {
    const p = page(t, { body: '<form id="a"><input name="email"></form><form id="b"><input name="name"></form>' });
    p.ApiErrors.installApiErrors();
    await ajax(p, { url: invalid({ email: ['Bad email.'] }), apiErrors: { form: '#a' } });
    await ajax(p, { url: invalid({ name: ['Bad name.'] }), apiErrors: { form: '#b' } });
    p.ApiErrors.clearFieldErrors(scopeOf(p));
    assertUnmarked(one(p, '#a input'));
    assert.deepEqual(fieldMessages(p, one(p, '#b input')), ['Bad name.']);
    assert.deepEqual(drawnMessages(p), ['Bad name.']);
  });
}

test('clearFieldErrors also clears messages placed in a [data-api-errors-for] slot', async (t) => {
  const p = page(t, { body: '<form id="a"><input name="email"><div data-api-errors-for="email" class="slot"></div></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
  p.ApiErrors.clearFieldErrors('#a');
  assertUnmarked(one(p, 'input'));
  assert.equal(one(p, '.slot').textContent, '');
});

// ---------------------------------------------------------------------------------------------
// Scope.

test('apiErrors.form as an element limits the lookup to that form', async (t) => {
  const p = page(t, { body: '<form id="login"><input name="email"></form><form id="signup"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Taken.'] }), apiErrors: { form: one(p, '#signup') } });
  assertUnmarked(one(p, '#login input'));
  assert.deepEqual(fieldMessages(p, one(p, '#signup input')), ['Taken.']);
});

test('apiErrors.form as a jQuery object limits the lookup to that form', async (t) => {
  const p = page(t, { body: '<form id="login"><input name="email"></form><form id="signup"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Taken.'] }), apiErrors: { form: p.$('#signup') } });
  assertUnmarked(one(p, '#login input'));
  assert.deepEqual(fieldMessages(p, one(p, '#signup input')), ['Taken.']);
});

test('a field that exists only outside the form goes to the toast', async (t) => {
  const p = page(t, { body: '<input name="coupon"><form id="signup"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ coupon: ['Expired.'] }), apiErrors: { form: '#signup' } });
  assertUnmarked(one(p, '[name="coupon"]'));
  assert.deepEqual(toasts(p)[0]?.details, ['coupon: Expired.']);
});

test('a request sent with a DOM context (the form) draws its errors in that form', async (t) => {
  const p = page(t, { body: '<form id="login"><input name="email"></form><form id="signup"><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Taken.'] }), context: one(p, '#signup') });
  assertUnmarked(one(p, '#login input'));
  assert.deepEqual(fieldMessages(p, one(p, '#signup input')), ['Taken.']);
});

test("a request sent with a DOM context inside a form draws its errors in that element's form", async (t) => {
  const p = page(t, {
    body: '<form id="login"><input name="email"></form><form id="signup"><input name="email"><button>Go</button></form>',
  });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Taken.'] }), context: one(p, '#signup button') });
  assertUnmarked(one(p, '#login input'));
  assert.deepEqual(fieldMessages(p, one(p, '#signup input')), ['Taken.']);
});

// ---------------------------------------------------------------------------------------------
// Focus.

test('focus moves to the first invalid field in document order', async (t) => {
  const p = page(t, { body: '<form><input name="email"><input name="password"><input name="name"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ name: ['Bad name.'], password: ['Too short.'] }), apiErrors: { form: 'form' } });
  assert.equal(p.document.activeElement, one(p, '[name="password"]'));
});

test('focus stays put when no field was drawn', async (t) => {
  const p = page(t, { body: '<form><input name="email"><button id="go">Go</button></form>' });
  p.ApiErrors.installApiErrors();
  one(p, '#go').focus();
  await ajax(p, { url: respondUrl(403, { detail: 'Forbidden.' }) });
  assert.equal(p.document.activeElement, one(p, '#go'));
});

// ---------------------------------------------------------------------------------------------
// Replacing the renderer.

test('a custom renderField returning false sends the field to the toast', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  const calls: any[][] = [];
  p.ApiErrors.installApiErrors({
    renderField: (...args: any[]) => {
      calls.push(args);
      return false;
    },
  });
  const { jqXHR } = await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
  assertUnmarked(one(p, 'input'));
  assert.deepEqual(toasts(p)[0]?.details, ['email: Bad email.']);
  assert.equal(calls.length, 1);
  const [field, messages, error, context] = calls[0]!;
  assert.equal(field, 'email');
  assert.deepEqual(Array.from(messages), ['Bad email.']);
  assert.equal(error.message, 'Validation failed');
  assert.equal(context.jqXHR, jqXHR);
  assert.equal(context.scope, p.document);
});

test('a custom renderField returning nothing has taken the field: it is not in the toast', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors({ renderField: () => undefined });
  await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
  assert.deepEqual(toasts(p)[0]?.details, []);
});

test('renderField: false puts every field in the toast', async (t) => {
  const p = page(t, { body: '<form><input name="email"><input name="name"></form>' });
  p.ApiErrors.installApiErrors({ renderField: false });
  await ajax(p, { url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }) });
  for (const input of $$(p, 'input')) assertUnmarked(input);
  assert.deepEqual(toasts(p)[0]?.details, ['email: Bad email.', 'name: Bad name.']);
});

test('apiErrors: { renderField: false } on one request puts its fields in the toast', async (t) => {
  const p = page(t, { body: '<form><input name="email"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }), apiErrors: { renderField: false } });
  assertUnmarked(one(p, 'input'));
  assert.deepEqual(toasts(p)[0]?.details, ['email: Bad email.']);
});

test('defaultRenderField and clearFieldErrors can be called directly', async (t) => {
  const p = page(t, { body: '<form id="f"><input name="email"></form>' });
  const scope = one(p, '#f');
  assert.equal(p.ApiErrors.defaultRenderField('email', ['Bad email.'], undefined, { scope }), true);
  assert.equal(p.ApiErrors.defaultRenderField('missing', ['x'], undefined, { scope }), false);
  assert.deepEqual(fieldMessages(p, one(p, 'input')), ['Bad email.']);
  p.ApiErrors.clearFieldErrors(scope);
  assertUnmarked(one(p, 'input'));
});

// ---------------------------------------------------------------------------------------------
// Placement and ids in common page shapes.

test('an input inside its <label> gets its messages after the label, not in its name', async (t) => {
  const p = page(t, { body: '<form><label id="l">Email <input name="email"></label><p>next</p></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'] }) });
  const holder = p.document.getElementById(one(p, 'input').getAttribute('aria-describedby')!)!;
  assert.equal(one(p, '#l').nextElementSibling, holder);
  assert.equal(one(p, '#l').textContent, 'Email ', 'the label text is unchanged');
  assert.deepEqual(fieldMessages(p, one(p, 'input')), ['Bad email.']);
});

test('radios inside labels: one message after the last label; choosing one clears the group', async (t) => {
  const p = page(t, {
    body: '<form><label><input type="radio" name="plan" value="a"> A</label><label id="last"><input type="radio" name="plan" value="b"> B</label></form>',
  });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ plan: ['Choose a plan.'] }) });
  assert.equal(one(p, '#last').nextElementSibling, p.document.querySelector('.api-errors-message'));
  const radios = $$(p, 'input');
  radios[0]!.click();
  for (const radio of radios) assertUnmarked(radio);
  assert.deepEqual(drawnMessages(p), []);
});

test('[data-api-field] on a wrapper: editing an input inside it clears the field', async (t) => {
  const p = page(t, {
    body: '<form><fieldset data-api-field="tags"><input type="checkbox" value="a"><input type="checkbox" value="b"></fieldset></form>',
  });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ tags: ['Pick at most one.'] }) });
  const fieldset = one(p, 'fieldset');
  assert.deepEqual(fieldMessages(p, fieldset), ['Pick at most one.']);
  one(p, 'input').click();
  assertUnmarked(fieldset);
  assert.deepEqual(drawnMessages(p), []);
});

test('message ids never collide with an id already on the page', async (t) => {
  const p = page(t, { body: '<form><input name="email"><input name="name"></form>' });
  for (let index = 1; index <= 30; index += 1) addInput(p, 'id', `api-errors-message-${index}`).type = 'hidden';
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }) });
  for (const name of ['email', 'name']) {
    const id = one(p, `[name="${name}"]`).getAttribute('aria-describedby')!;
    assert.equal(p.document.querySelectorAll(`[id="${id}"]`).length, 1, id);
  }
  assert.deepEqual(fieldMessages(p, one(p, '[name="name"]')), ['Bad name.']);
});

test('clearFieldErrors(input) clears that field only', async (t) => {
  const p = page(t, { body: '<form><input name="email"><input name="name"></form>' });
  p.ApiErrors.installApiErrors();
  await ajax(p, { url: invalid({ email: ['Bad email.'], name: ['Bad name.'] }) });
  p.ApiErrors.clearFieldErrors(p.$('[name="email"]'));
  assertUnmarked(one(p, '[name="email"]'));
  assert.deepEqual(drawnMessages(p), ['Bad name.']);
});

describe('clearing is limited to what the same scope drew', () => {
  test('a second URL answering the same for a field takes its message over: one message, cleared by the second URL\'s success only', async () => {
    const page = openPage({ origin: fixture.server.origin, jquery: '3.7', body: '<form id="signup"><input name="email"></form>' });
    page.ApiErrors.installApiErrors();
    const input = page.document.querySelector('input')!;
    for (const url of ['/first', '/second']) fixture.server.route(url, { status: 400, body: { email: ['Bad.'] } });
    await ajax(page, { url: '/first', type: 'PUT' });
    const message = page.document.querySelector('.api-errors-message')!;
    await ajax(page, { url: '/second', type: 'PUT' });
    assert.deepEqual(fieldMessages(page, input), ['Bad.']);
    assert.equal(page.document.querySelectorAll('.api-errors-message').length, 1);
    assert.equal(input.getAttribute('aria-describedby'), message.id, 'the same message, still linked');
    fixture.server.route('/first', { status: 200, body: { ok: true } });
    await ajax(page, { url: '/first', type: 'PUT' });
    assert.deepEqual(fieldMessages(page, input), ['Bad.'], 'the first URL no longer owns it');
    fixture.server.route('/first', { status: 400, body: { email: ['Worse.'] } });
    await ajax(page, { url: '/first', type: 'PUT' });
    assert.deepEqual(fieldMessages(page, input), ['Worse.'], 'other words are drawn anew');
    assert.equal(page.document.querySelectorAll('.api-errors-message').length, 1);
    fixture.server.route('/first', { status: 200, body: { ok: true } });
    await ajax(page, { url: '/first', type: 'PUT' });
    assert.equal(fieldMessages(page, input), null, 'and cleared by that URL\'s success');
    page.close();
  });

  test('an unrelated request with no form neither clears nor redraws a form\'s field errors', async () => {
    const page = openPage({ origin: fixture.server.origin, jquery: '3.7', body: '<form id="signup"><input name="email"></form>' });
    page.ApiErrors.installApiErrors();
    const input = page.document.querySelector('input')!;
    await ajax(page, { url: respondUrl(400, { email: ['Bad.'] }), apiErrors: { form: '#signup' } });
    assert.deepEqual(fieldMessages(page, input), ['Bad.']);
    await ajax(page, { url: respondUrl(200, { unread: 3 }) });
    assert.deepEqual(fieldMessages(page, input), ['Bad.'], 'a background success leaves them');
    await ajax(page, { url: respondUrl(404, { detail: 'nope' }) });
    assert.deepEqual(fieldMessages(page, input), ['Bad.'], 'an unrelated failure leaves them');
    await ajax(page, { url: respondUrl(200, { ok: true }), apiErrors: { form: '#signup' } });
    assert.equal(fieldMessages(page, input), null, 'a success for the same form clears them');
    page.close();
  });

  test('a poll succeeding beside refused fields leaves them; the success of the request that drew them, or took them over, still clears them', async () => {
    const page = openPage({ origin: fixture.server.origin, jquery: '3.7', body: '<form id="signup"><input name="email"></form>' });
    page.ApiErrors.installApiErrors();
    const input = page.document.querySelector('input')!;
    const answer = (url: string, status: number) =>
      fixture.server.route(url, status === 200 ? { status, body: { ok: true } } : { status, body: { email: ['Bad.'] } });
    answer('/poll', 200);
    answer('/save', 400);
    answer('/check', 400);
    await ajax(page, { url: '/save', type: 'PUT' });
    for (let poll = 0; poll < 3; poll++) await ajax(page, { url: '/poll' });
    assert.deepEqual(fieldMessages(page, input), ['Bad.'], 'the poll leaves them');
    await ajax(page, { url: '/check', type: 'PUT' });
    await ajax(page, { url: '/poll' });
    await ajax(page, { url: '/save', type: 'PUT' });
    await ajax(page, { url: '/poll' });
    answer('/save', 200);
    await ajax(page, { url: '/save', type: 'PUT' });
    assert.equal(fieldMessages(page, input), null, 'the request that took them over last clears them');
    page.close();
  });

  test('with no form at all, a later success of the same request clears what the failure drew', async () => {
    const page = openPage({ origin: fixture.server.origin, jquery: '3.7', body: '<form id="signup"><input name="email"></form>' });
    page.ApiErrors.installApiErrors();
    const input = page.document.querySelector('input')!;
    fixture.server.route('/no-form', { status: 400, body: { email: ['Bad.'] } });
    await ajax(page, { url: '/no-form', type: 'PUT' });
    assert.deepEqual(fieldMessages(page, input), ['Bad.']);
    await ajax(page, { url: respondUrl(200, { ok: true }), type: 'PUT' });
    assert.deepEqual(fieldMessages(page, input), ['Bad.'], 'another URL leaves them');
    fixture.server.route('/no-form', { status: 200, body: { ok: true } });
    await ajax(page, { url: '/no-form', type: 'PUT' });
    assert.equal(fieldMessages(page, input), null);
    assert.equal(page.document.querySelectorAll('.api-errors-message').length, 0);
    page.close();
  });
});

for (const jquery of JQUERY_VERSIONS) {
  test(`jQuery ${jquery}: a failure that keeps one field's message as it was still marks its other fields in the same form`, async (t) => {
    const p = page(t, {
      jquery,
      body: '<form id="newsletter"><input name="b"></form><form id="signup"><input name="a"><input name="b"></form>',
    });
    p.ApiErrors.installApiErrors();
    const [newsletterB, signupA, signupB] = ['#newsletter [name=b]', '#signup [name=a]', '#signup [name=b]'].map((selector) => one(p, selector));
    fixture.server.route('/profile', { status: 400, body: { a: ['A is wrong.'], b: ['B is wrong.'] } });
    await ajax(p, { url: '/profile', type: 'PUT' });
    assert.deepEqual([fieldMessages(p, signupA!), fieldMessages(p, signupB!)], [['A is wrong.'], ['B is wrong.']]);
    const kept = p.document.getElementById(signupA!.getAttribute('aria-describedby')!);
    fixture.server.route('/profile', { status: 400, body: { a: ['A is wrong.'], b: ['B is still wrong.'] } });
    await ajax(p, { url: '/profile', type: 'PUT' });
    assert.equal(p.document.getElementById(signupA!.getAttribute('aria-describedby')!), kept, 'the same words stay as they were');
    assert.deepEqual(fieldMessages(p, signupB!), ['B is still wrong.'], 'in the form of the failure\'s other field');
    assertUnmarked(newsletterB!);
  });

  test(`jQuery ${jquery}: after a poll's success, a request's success still clears what it drew in a shadow root`, async (t) => {
    const p = page(t, { jquery, body: '' });
    p.ApiErrors.installApiErrors();
    const host = p.document.createElement('div');
    p.document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    const form = p.document.createElement('form');
    const email = p.document.createElement('input');
    email.name = 'email';
    form.appendChild(email);
    root.appendChild(form);
    fixture.server.route('/poll', { status: 200, body: { unread: 0 } });
    fixture.server.route('/shadow-save', { status: 400, body: { email: ['Bad.'] } });
    await ajax(p, { url: '/shadow-save', type: 'PUT', context: email });
    assert.equal(email.getAttribute('aria-invalid'), 'true');
    for (let poll = 0; poll < 2; poll++) await ajax(p, { url: '/poll' });
    assert.equal(email.getAttribute('aria-invalid'), 'true', 'the poll leaves it');
    fixture.server.route('/shadow-save', { status: 200, body: { ok: true } });
    await ajax(p, { url: '/shadow-save', type: 'PUT', context: email });
    assert.equal(email.getAttribute('aria-invalid'), null);
    assert.equal(root.querySelectorAll('.api-errors-message').length, 0);
  });
}
