// SPEC.md behaviour 8 under faults, on every jQuery version: renderers and page callbacks that
// throw, a connection closed mid-body, huge and deep bodies through a real request, a burst of
// failures, a failure while the page is being left. After each one the page must still work:
// its complete/always callbacks ran, $.active is 0, ajaxStop fires, other requests succeed, the
// plugin still shows the next failure, and at most 3 toasts are on screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fieldMessages, JQUERY_VERSIONS, openPage, settled, toasts, wait, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const MB = 1024 * 1024;
const MESSAGE_LIMIT = 1000;

let server: TestServer;
let probes = 0;

function envelope(message: string, errors: Record<string, unknown> = {}): string {
  return JSON.stringify({ error: { message, code: 'VALIDATION_ERROR', status: 400, errors } });
}

/** A body cut off after its headers and half of its JSON, then the socket destroyed. */
function halfBody(chunked: boolean) {
  const body = envelope('Half a body', { email: ['Enter a valid email address.'] });
  return (_request: unknown, response: import('node:http').ServerResponse) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (!chunked) headers['Content-Length'] = String(Buffer.byteLength(body));
    response.writeHead(400, headers);
    response.write(body.slice(0, Math.floor(body.length / 2)));
    setTimeout(() => response.socket?.destroy(), 20);
  };
}

const BIG_MESSAGE = 'x'.repeat(2.5 * MB);
const BIG_LIST = Array.from({ length: 125_000 }, (_, index) => `Bad address ${String(index).padStart(6, '0')}.`);
const FIVE_MB = envelope(BIG_MESSAGE, { email: BIG_LIST });

const FIFTY_THOUSAND: Record<string, string[]> = {};
for (let index = 0; index < 50_000; index += 1) FIFTY_THOUSAND[`f${index}`] = [`Field ${index} is invalid.`];
const FIFTY_THOUSAND_FIELDS = JSON.stringify(FIFTY_THOUSAND);

const DEPTH = 10_000;
const TEN_THOUSAND_DEEP = JSON.stringify({ error: { message: 'Deep body', code: 'VALIDATION_ERROR', status: 400, errors: 0 } }).replace(
  '"errors":0',
  '"errors":' + '{"a":'.repeat(DEPTH) + '["Bottom."]' + '}'.repeat(DEPTH),
);
const TEN_THOUSAND_DEEP_LIST = '['.repeat(DEPTH) + '"Bottom."' + ']'.repeat(DEPTH);

before(async () => {
  server = await startServer();
  const json = (status: number, text: string) => (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(text);
  };
  server.route('/ok', { status: 200, body: { ok: true } });
  server.route('/fail', { status: 400, body: JSON.parse(envelope('Validation failed', { email: ['Enter a valid email address.'], password: ['Too short.'] })) });
  server.route('/probe', (request, response) => {
    const n = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('n');
    json(400, envelope(`Probe ${n}`))(request, response);
  });
  server.route('/burst', (request, response) => {
    const n = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('n');
    json(400, envelope(`Burst ${n}`))(request, response);
  });
  server.route('/same', { status: 400, body: JSON.parse(envelope('Same failure')) });
  server.route('/half', halfBody(false));
  server.route('/half-chunked', halfBody(true));
  server.route('/five-mb', json(400, FIVE_MB));
  server.route('/fifty-thousand', json(400, FIFTY_THOUSAND_FIELDS));
  server.route('/deep', json(400, TEN_THOUSAND_DEEP));
  server.route('/deep-list', json(400, TEN_THOUSAND_DEEP_LIST));
  server.route('/late-drop', (_request, response) => {
    setTimeout(() => response.socket?.destroy(), 40);
  });
});
after(() => server.close());

/** A value from the page's realm as this realm's plain data, for deepEqual. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

interface FaultPage {
  page: TestPage;
  events: any[];
  stops: () => number;
}

function faultPage(jquery: (typeof JQUERY_VERSIONS)[number], options: Record<string, unknown> = {}, body = ''): FaultPage {
  const page = openPage({
    origin: server.origin,
    jquery,
    body: '<form id="f"><input name="email"><input name="password"></form>' + body,
  });
  page.ApiErrors.installApiErrors(options);
  const events: any[] = [];
  page.$(page.document).on('api:error', (_event: unknown, error: unknown) => events.push(error));
  let stops = 0;
  page.$(page.document).on('ajaxStop', () => {
    stops += 1;
  });
  return { page, events, stops: () => stops };
}

/** Sends a request, recording its complete and always callbacks, and waits until it settled. */
async function send(page: TestPage, settings: Record<string, unknown>, extraMs = 0): Promise<{ jqXHR: any; ran: string[] }> {
  const ran: string[] = [];
  const jqXHR = page.$.ajax({ ...settings, complete: () => ran.push('complete') });
  jqXHR.always(() => ran.push('always'));
  await settled(page, jqXHR, extraMs);
  return { jqXHR, ran };
}

/** What must hold after every fault: the page and the plugin both keep working. */
async function assertPageWorks({ page, events, stops }: FaultPage): Promise<void> {
  assert.equal(page.$.active, 0, '$.active is back to 0');
  assert.ok(toasts(page).length <= 3, `${toasts(page).length} toasts on screen`);
  const stopsBefore = stops();
  let succeeded = false;
  const ok = await send(page, { url: '/ok', success: () => { succeeded = true; } });
  assert.equal(succeeded, true, 'another request succeeds');
  assert.deepEqual(ok.ran, ['always', 'complete']);
  assert.equal(stops(), stopsBefore + 1, 'ajaxStop still fires');
  probes += 1;
  const eventsBefore = events.length;
  const probe = await send(page, { url: `/probe?n=${probes}` });
  assert.deepEqual(probe.ran, ['always', 'complete']);
  assert.equal(events.length, eventsBefore + 1, 'the plugin handles the next failure');
  assert.equal(toasts(page).at(-1)?.message, `Probe ${probes}`);
  assert.equal(page.$.active, 0);
  assert.ok(toasts(page).length <= 3);
  assert.deepEqual(page.uncaught, [], 'no uncaught exception');
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}: faults`, () => {
    test('a renderField that throws is reported; the other fields and the toast still render', async () => {
      const setup = faultPage(jquery, {
        renderField(field: string, messages: string[], error: unknown, context: unknown) {
          if (field === 'email') throw new Error('renderField bug');
          return setup.page.ApiErrors.defaultRenderField(field, messages, error, context);
        },
      });
      const { page } = setup;
      const { ran } = await send(page, { url: '/fail', apiErrors: { form: '#f' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.ok(page.consoleErrors.some((line) => line.includes('renderField bug')), 'reported with console.error');
      assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="password"]')!), ['Too short.']);
      assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), null);
      assert.deepEqual(toasts(page), [
        { message: 'Validation failed', details: ['email: Enter a valid email address.'], reference: null },
      ]);
      await assertPageWorks(setup);
      page.close();
    });

    test('a toast renderer that throws is reported; fields render and api:error still fires', async () => {
      const setup = faultPage(jquery, { toast: () => { throw new Error('toast bug'); } });
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/fail', apiErrors: { form: '#f' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.ok(page.consoleErrors.some((line) => line.includes('toast bug')));
      assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
      assert.equal(events.length, 1);
      assert.equal(page.$.active, 0);
      page.ApiErrors.installApiErrors(); // the default toast back, for the probe
      await assertPageWorks(setup);
      page.close();
    });

    test('clearFields and an api:error handler that throw are reported; the request completes', async () => {
      const setup = faultPage(jquery, { clearFields: () => { throw new Error('clear bug'); } });
      const { page } = setup;
      page.$(page.document).on('api:error', () => { throw new Error('listener bug'); });
      const { ran } = await send(page, { url: '/fail', apiErrors: { form: '#f' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.ok(page.consoleErrors.some((line) => line.includes('clear bug')));
      assert.ok(page.consoleErrors.some((line) => line.includes('listener bug')));
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Validation failed']);
      assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
      await assertPageWorks(setup);
      page.close();
    });

    test("the page's own error callback throws: toast shown, complete/always ran, ajaxStop fires", async () => {
      const setup = faultPage(jquery);
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/fail', error: () => { throw new Error('page error callback bug'); } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.equal(events.length, 1);
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Validation failed']);
      assert.equal(setup.stops(), 1);
      assert.ok(page.consoleErrors.some((line) => line.includes('page error callback bug')));
      // Thrown again once the request finished, so window.onerror and error trackers see it.
      assert.deepEqual(page.uncaught.splice(0).map((line) => line.includes('page error callback bug')), [true]);
      await assertPageWorks(setup);
      page.close();
    });

    for (const [name, path] of [['with a Content-Length', '/half'], ['chunked', '/half-chunked']] as const) {
      test(`the server closes the connection mid-body (${name}): a network error, once`, async () => {
        const setup = faultPage(jquery);
        const { page, events } = setup;
        const { jqXHR, ran } = await send(page, { url: path, apiErrors: { form: '#f' } }, 20);
        assert.deepEqual(ran, ['always', 'complete']);
        assert.equal(jqXHR.status, 0);
        assert.deepEqual(events.map((error) => [error.code, error.status, error.message]), [['NETWORK_ERROR', 0, 'The server could not be reached. Check your connection.']]);
        assert.deepEqual(toasts(page).map((toast) => toast.message), ['The server could not be reached. Check your connection.']);
        assert.equal(page.document.querySelectorAll('[aria-invalid]').length, 0, 'nothing from the half body');
        await assertPageWorks(setup);
        page.close();
      });
    }

    test('a 5 MB body: the message is capped at 1,000 characters, a field keeps 10 messages', async () => {
      assert.ok(FIVE_MB.length >= 5 * MB);
      const setup = faultPage(jquery);
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/five-mb', apiErrors: { form: '#f' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.equal(events.length, 1);
      const [toast] = toasts(page);
      assert.equal(toast!.message, 'x'.repeat(MESSAGE_LIMIT - 1) + '…');
      assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), BIG_LIST.slice(0, 10));
      await assertPageWorks(setup);
      page.close();
    });

    test('a 50,000-field body: 100 fields, the form\'s 5 inputs marked, the toast sums up the rest', async () => {
      const inputs = Array.from({ length: 5 }, (_, index) => `<input name="f${index}">`).join('');
      const setup = faultPage(jquery, {}, `<form id="big">${inputs}</form>`);
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/fifty-thousand', apiErrors: { form: '#big' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.equal(Object.keys(events[0].errors).length, 100);
      assert.equal(page.document.querySelectorAll('#big [aria-invalid="true"]').length, 5);
      const [toast] = toasts(page);
      assert.equal(toast!.message, 'Request failed.');
      assert.deepEqual(toast!.details, [
        'f5: Field 5 is invalid.', 'f6: Field 6 is invalid.', 'f7: Field 7 is invalid.', 'f8: Field 8 is invalid.',
        'f9: Field 9 is invalid.', 'f10: Field 10 is invalid.', 'f11: Field 11 is invalid.', '…and 88 more',
      ]);
      assert.equal(page.document.querySelectorAll('.api-errors-message').length, 5);
      await assertPageWorks(setup);
      page.close();
    });

    test('a 10,000-deep body (envelope): the message shows, nothing below the depth bound is rendered', async () => {
      const setup = faultPage(jquery);
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/deep', apiErrors: { form: '#f' } });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.deepEqual(plain([events[0].message, events[0].code, events[0].status, events[0].errors, events[0].formErrors]), ['Deep body', 'VALIDATION_ERROR', 400, {}, []]);
      assert.deepEqual(toasts(page), [{ message: 'Deep body', details: [], reference: null }]);
      await assertPageWorks(setup);
      page.close();
    });

    test('a 10,000-deep list at the root: the fallback message, no field', async () => {
      const setup = faultPage(jquery);
      const { page, events } = setup;
      const { ran } = await send(page, { url: '/deep-list' });
      assert.deepEqual(ran, ['always', 'complete']);
      assert.deepEqual(plain([events[0].message, events[0].format, events[0].errors, events[0].formErrors]), ['Request failed.', 'drf', {}, []]);
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Request failed.']);
      await assertPageWorks(setup);
      page.close();
    });

    test('1,000 different failures in a burst: each handled once, 3 toasts on screen', async () => {
      const setup = faultPage(jquery);
      const { page, events } = setup;
      let completes = 0;
      let always = 0;
      const requests = Array.from({ length: 1000 }, (_, index) => {
        const jqXHR = page.$.ajax({ url: `/burst?n=${index}`, complete: () => { completes += 1; } });
        jqXHR.always(() => { always += 1; });
        return new Promise<void>((resolve) => jqXHR.always(() => resolve()));
      });
      await Promise.all(requests);
      await wait(page, 30);
      assert.deepEqual([...new Set(events.map((error) => String(error.message).replace(/\d+$/, 'N')))], ['Burst N'], 'every request reached the server');
      assert.equal(completes, 1000);
      assert.equal(always, 1000);
      assert.equal(events.length, 1000);
      assert.equal(new Set(events).size, 1000);
      assert.equal(page.$.active, 0);
      assert.equal(setup.stops(), 1);
      assert.equal(toasts(page).length, 3);
      assert.equal(page.document.querySelectorAll('.api-errors-toasts').length, 1);
      await assertPageWorks(setup);
      page.close();
    });

    test('1,000 identical failures in a burst: one toast', async () => {
      const setup = faultPage(jquery);
      const { page, events } = setup;
      const requests = Array.from({ length: 1000 }, () => page.$.ajax({ url: '/same' }));
      await Promise.all(requests.map((jqXHR) => settled(page, jqXHR)));
      assert.deepEqual([...new Set(requests.map((jqXHR) => jqXHR.status))], [400], 'every request reached the server');
      assert.equal(events.length, 1000);
      // The toast shows the text once while it is on screen, however long the burst takes.
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Same failure']);
      await assertPageWorks(setup);
      page.close();
    });

    for (const event of ['beforeunload', 'pagehide'] as const) {
      test(`a request cut off while the page is being left (${event}) shows nothing; its callbacks run`, async () => {
        const setup = faultPage(jquery);
        const { page, events } = setup;
        const ran: string[] = [];
        const jqXHR = page.$.ajax({ url: '/late-drop', complete: () => ran.push('complete') });
        jqXHR.always(() => ran.push('always'));
        page.window.dispatchEvent(new page.window.Event(event));
        await settled(page, jqXHR, 20);
        assert.equal(jqXHR.status, 0);
        assert.deepEqual(ran, ['always', 'complete']);
        assert.deepEqual(events, []);
        assert.deepEqual(toasts(page), []);
        page.window.dispatchEvent(new page.window.Event('pageshow')); // the user stayed
        await assertPageWorks(setup);
        page.close();
      });
    }
  });
}
