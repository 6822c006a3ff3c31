// SPEC behaviour 1 on every jQuery version: which failed requests are handled, exactly once,
// after the request's own callbacks; which are left alone; and that the page keeps working.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ajax, ENVELOPE_400, JQUERY_VERSIONS, openPage, settled, toastMessages, wait, type TestPage } from './helpers/page.ts';
import { respondUrl, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
  server.route('/slow', { status: 200, body: { ok: true }, delayMs: 400 });
  server.route('/dropped', { destroy: true });
  server.route('/ok', { status: 200, body: { ok: true } });
});
after(() => server.close());

const FAIL = () => respondUrl(400, ENVELOPE_400);

/** A page with the plugin installed and every api:error event recorded. */
function installedPage(jquery: (typeof JQUERY_VERSIONS)[number], options: Record<string, unknown> = {}) {
  const page = openPage({ origin: server.origin, jquery, body: '<form id="f"><input name="email"></form><div id="target"></div>' });
  page.ApiErrors.installApiErrors(options);
  const events: Array<{ code: string; status: number; message: string }> = [];
  page.$(page.document).on('api:error', (_event: unknown, error: any) => events.push(error));
  return { page, events };
}

function closeAll(...pages: TestPage[]) {
  for (const page of pages) page.close();
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    test('a failed request is handled exactly once: one toast, one api:error event', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: FAIL() });
      assert.deepEqual(toastMessages(page), ['Validation failed']);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.code, 'VALIDATION_ERROR');
      closeAll(page);
    });

    test('the request\'s own error callback runs first and can call markHandled', async () => {
      const { page, events } = installedPage(jquery);
      const order: string[] = [];
      await ajax(page, {
        url: FAIL(),
        error: (jqXHR: unknown) => {
          order.push('error');
          page.ApiErrors.markHandled(jqXHR);
        },
      });
      assert.deepEqual(order, ['error']);
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('a .fail() attached when the request was sent can call markHandled', async () => {
      const { page, events } = installedPage(jquery);
      const jqXHR = page.$.ajax({ url: FAIL() });
      jqXHR.fail(() => page.ApiErrors.markHandled(jqXHR));
      await settled(page, jqXHR);
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('an .always() and a statusCode callback can call markHandled too', async () => {
      const { page } = installedPage(jquery);
      const first = page.$.ajax({ url: FAIL() });
      first.always(() => page.ApiErrors.markHandled(first));
      await settled(page, first);
      const second = page.$.ajax({ url: FAIL(), statusCode: { 400: () => page.ApiErrors.markHandled(second) } });
      await settled(page, second);
      assert.deepEqual(toastMessages(page), []);
      closeAll(page);
    });

    test('a global ajaxError handler can call markHandled', async () => {
      const { page } = installedPage(jquery);
      page.$(page.document).on('ajaxError', (_event: unknown, jqXHR: unknown) => page.ApiErrors.markHandled(jqXHR));
      await ajax(page, { url: FAIL() });
      assert.deepEqual(toastMessages(page), []);
      closeAll(page);
    });

    test('the toast is on screen when the request\'s own complete callback runs', async () => {
      const { page } = installedPage(jquery);
      let seen: string[] = [];
      await ajax(page, { url: FAIL(), complete: () => { seen = toastMessages(page); } });
      assert.deepEqual(seen, ['Validation failed']);
      closeAll(page);
    });

    test('an aborted request shows nothing', async () => {
      const { page, events } = installedPage(jquery);
      const jqXHR = page.$.ajax({ url: '/slow' });
      jqXHR.abort();
      await settled(page, jqXHR, 50);
      assert.equal(jqXHR.statusText, 'abort');
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('an abort with a reason of the page\'s own shows nothing', async () => {
      const { page } = installedPage(jquery);
      const jqXHR = page.$.ajax({ url: '/slow' });
      jqXHR.abort('superseded');
      await settled(page, jqXHR, 50);
      assert.deepEqual(toastMessages(page), []);
      closeAll(page);
    });

    test('a request cancelled by beforeSend returning false shows nothing', async () => {
      const { page, events } = installedPage(jquery);
      const url = FAIL() + '&cancelled=' + jquery;
      const jqXHR = page.$.ajax({ url, beforeSend: () => false });
      await settled(page, jqXHR, 20);
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      assert.equal(server.received.filter((request) => request.path === url).length, 0, 'nothing was sent');
      closeAll(page);
    });

    test('global: false leaves the request alone', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: FAIL(), global: false });
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('apiErrors: false leaves the request alone', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: FAIL(), apiErrors: false });
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('shouldHandle returning false leaves the request alone; it gets the jqXHR and settings', async () => {
      const seen: unknown[] = [];
      const { page } = installedPage(jquery, {
        shouldHandle: (jqXHR: any, settings: any) => {
          seen.push(jqXHR.status, settings.url);
          return !/skip/.test(settings.url);
        },
      });
      await ajax(page, { url: FAIL() + '&skip=1' });
      assert.deepEqual(toastMessages(page), []);
      await ajax(page, { url: FAIL() });
      assert.deepEqual(toastMessages(page), ['Validation failed']);
      assert.equal(seen[0], 400);
      closeAll(page);
    });

    test('a timeout gives code TIMEOUT and status 0', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: '/slow', timeout: 50 });
      assert.equal(events.length, 1);
      assert.equal(events[0]!.code, 'TIMEOUT');
      assert.equal(events[0]!.status, 0);
      assert.deepEqual(toastMessages(page), ['The server took too long to answer.']);
      closeAll(page);
    });

    test('a dropped connection gives code NETWORK_ERROR and status 0', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: '/dropped' });
      assert.equal(events.length, 1);
      assert.equal(events[0]!.code, 'NETWORK_ERROR');
      assert.equal(events[0]!.status, 0);
      assert.deepEqual(toastMessages(page), ['The server could not be reached. Check your connection.']);
      closeAll(page);
    });

    test('messages by code give the timeout and network errors their words', async () => {
      const { page } = installedPage(jquery, { messages: { TIMEOUT: 'The server took too long.', NETWORK_ERROR: 'You seem to be offline.' } });
      await ajax(page, { url: '/slow', timeout: 50 });
      await ajax(page, { url: '/dropped' });
      assert.deepEqual(toastMessages(page), ['The server took too long.', 'You seem to be offline.']);
      closeAll(page);
    });

    test('a network failure while the page is being left shows nothing', async () => {
      const { page, events } = installedPage(jquery);
      page.window.dispatchEvent(new page.window.Event('pagehide'));
      await ajax(page, { url: '/dropped' });
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      page.window.dispatchEvent(new page.window.Event('pageshow'));
      await ajax(page, { url: '/dropped' });
      assert.deepEqual(toastMessages(page), ['The server could not be reached. Check your connection.']);
      closeAll(page);
    });

    test('$.get, $.getJSON, $.post and .load() failures are each handled once', async () => {
      const { page, events } = installedPage(jquery);
      const problem = (n: number) => respondUrl(404, { detail: `Not found ${n}.` });
      await settled(page, page.$.get(problem(1)));
      await settled(page, page.$.getJSON(problem(2)));
      await settled(page, page.$.post(problem(3), { a: 1 }));
      await new Promise<void>((resolve) => page.$('#target').load(problem(4), () => page.window.setTimeout(resolve, 15)));
      assert.deepEqual(events.map((error) => error.message), ['Not found 1.', 'Not found 2.', 'Not found 3.', 'Not found 4.']);
      assert.equal(toastMessages(page).length, 3, 'at most three toasts on screen');
      closeAll(page);
    });

    test('a JSON body read as text (dataType "text") is still parsed', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: FAIL(), dataType: 'text' });
      assert.equal(events[0]!.message, 'Validation failed');
      assert.equal(events[0]!.code, 'VALIDATION_ERROR');
      closeAll(page);
    });

    test('a 200 with broken JSON (dataType "json") gives PARSE_ERROR and the fallback message', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: respondUrl(200, '{"broken', { type: 'json' }), dataType: 'json' });
      assert.equal(events[0]!.code, 'PARSE_ERROR');
      assert.equal(events[0]!.status, 200);
      assert.deepEqual(toastMessages(page), ['Request failed.']);
      closeAll(page);
    });

    test('a successful request shows nothing', async () => {
      const { page, events } = installedPage(jquery);
      await ajax(page, { url: '/ok' });
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });

    test('the page\'s own error callback throwing neither stops the plugin nor the page\'s callbacks', async () => {
      const { page } = installedPage(jquery);
      const ran: string[] = [];
      let stops = 0;
      page.$(page.document).on('ajaxStop', () => stops++);
      const jqXHR = page.$.ajax({
        url: FAIL(),
        error: () => {
          throw new Error('page bug');
        },
        complete: () => ran.push('complete'),
      });
      jqXHR.always(() => ran.push('always'));
      await settled(page, jqXHR);
      assert.deepEqual(toastMessages(page), ['Validation failed']);
      assert.deepEqual(ran, ['always', 'complete']);
      assert.equal(page.$.active, 0);
      assert.equal(stops, 1);
      assert.ok(page.consoleErrors.some((line) => line.includes('page bug')), 'the exception is reported with console.error');
      await ajax(page, { url: '/ok', success: () => ran.push('next request') });
      assert.ok(ran.includes('next request'));
      assert.equal(stops, 2, 'ajaxStop keeps firing');
      closeAll(page);
    });

    test('an array of error callbacks: each runs, one throwing does not stop the next', async () => {
      const { page } = installedPage(jquery);
      const ran: string[] = [];
      await ajax(page, {
        url: FAIL(),
        error: [() => { ran.push('first'); throw new Error('first broke'); }, () => ran.push('second')],
      });
      assert.deepEqual(ran, ['first', 'second']);
      assert.deepEqual(toastMessages(page), ['Validation failed']);
      closeAll(page);
    });

    test('a page .fail() that throws does not stop the plugin from handling the failure', async () => {
      const { page } = installedPage(jquery);
      const jqXHR = page.$.ajax({ url: FAIL() });
      jqXHR.fail(() => {
        throw new Error('handler bug');
      });
      await wait(page, 150);
      assert.deepEqual(toastMessages(page), ['Validation failed']);
      closeAll(page);
    });

    test('a throwing page complete callback is reported and $.active returns to 0', async () => {
      const { page } = installedPage(jquery);
      await ajax(page, { url: FAIL(), complete: () => { throw new Error('complete bug'); } });
      assert.equal(page.$.active, 0);
      assert.ok(page.consoleErrors.some((line) => line.includes('complete bug')));
      closeAll(page);
    });

    test('the api:error event carries the ApiError and the jqXHR', async () => {
      const { page } = installedPage(jquery);
      let received: any[] = [];
      page.$(page.document).on('api:error', (_event: unknown, ...args: any[]) => { received = args; });
      const { jqXHR } = await ajax(page, { url: FAIL() });
      assert.equal(received[1], jqXHR);
      assert.equal(received[0].correlationId, '6f1c2a9e');
      assert.deepEqual(JSON.parse(JSON.stringify(received[0].errors)), { email: ['Enter a valid email address.'] });
      assert.equal(received[0].format, 'envelope');
      closeAll(page);
    });

    test('a request in flight when the plugin is uninstalled is left alone', async () => {
      const { page, events } = installedPage(jquery);
      const installation = page.ApiErrors.installApiErrors();
      const jqXHR = page.$.ajax({ url: FAIL() });
      installation.uninstall();
      await settled(page, jqXHR);
      assert.deepEqual(toastMessages(page), []);
      assert.equal(events.length, 0);
      closeAll(page);
    });
  });
}
