// Pages that stay open for hours: a body swapped by `$('body').html(…)` or a Turbo-style visit, an
// offline banner closed or swapped away, countdown toasts closed or pushed off, and an outage
// that repeats. On every jQuery version, against a real server, with a controlled clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { controlClock } from './helpers/clock.ts';
import { ajax, idle, JQUERY_VERSIONS, pageServer, settled, toastMessages, toasts, type TestPage } from './helpers/page.ts';
import { respondUrl } from './helpers/server.ts';

const servers = pageServer();

const CSRF = respondUrl(403, { detail: 'CSRF Failed: CSRF token missing.' });
const PAGE_OUT_OF_DATE = 'The page is out of date. Reload it and try again.';
const OFFLINE = 'You are offline. Changes made while offline are not saved.';
const UNREACHABLE = 'The server could not be reached. Check your connection.';

function goOffline(p: TestPage): void {
  Object.defineProperty(p.window.navigator, 'onLine', { configurable: true, get: () => false });
  p.window.dispatchEvent(new p.window.Event('offline'));
}

/** Escape on the page (focus on the body): closes the newest toast. */
function pressEscape(p: TestPage): void {
  p.document.body.dispatchEvent(new p.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
}

/** A Turbo-style visit: a new <body> in place of the old one. */
function swapBody(p: TestPage, how: 'replaceWith' | 'replaceChild'): void {
  const next = p.document.createElement('body');
  next.innerHTML = '<main><p>Next page</p></main>';
  if (how === 'replaceWith') p.document.body.replaceWith(next);
  else p.document.documentElement.replaceChild(next, p.document.body);
}

const buttons = (p: TestPage): HTMLElement[] =>
  Array.from(p.document.querySelectorAll<HTMLElement>('.api-errors-toast-action'));

async function all(p: TestPage, settings: Array<Record<string, unknown>>): Promise<void> {
  await Promise.all(settings.map((one) => settled(p, p.$.ajax(one))));
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    test('$(\'body\').html(…) took the CSRF toast away: the next CSRF failure shows it again, in a toast region on the page', async (t) => {
      const p = servers.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: CSRF, type: 'POST' });
      assert.deepEqual(toastMessages(p), [PAGE_OUT_OF_DATE]);
      p.$('body').html('<main><p>Loaded by the page</p></main>');
      assert.deepEqual(toastMessages(p), []);
      await ajax(p, { url: CSRF, type: 'POST' });
      assert.deepEqual(toastMessages(p), [PAGE_OUT_OF_DATE]);
      assert.equal(p.document.querySelectorAll('.api-errors-toasts').length, 1);
      assert.ok(p.document.querySelector('.api-errors-toasts')!.isConnected);
    });

    for (const how of ['replaceWith', 'replaceChild'] as const) {
      test(`a Turbo-style body swap (${how}) during an outage: the next 503 is a toast on the new page, not an update of the old one`, async (t) => {
        const p = servers.page(t, { jquery });
        p.ApiErrors.installApiErrors();
        const down = respondUrl(503, { detail: 'Down for maintenance.' });
        await all(p, [{ url: down }, { url: down }]);
        assert.deepEqual(toastMessages(p), ['2 requests failed: Down for maintenance.']);
        swapBody(p, how);
        await ajax(p, { url: down });
        assert.deepEqual(toastMessages(p), ['Down for maintenance.']);
        await ajax(p, { url: CSRF, type: 'POST' });
        assert.deepEqual(toastMessages(p), ['Down for maintenance.', PAGE_OUT_OF_DATE]);
      });
    }

    test('the offline banner closed with Escape comes back with the next failed save; failures while it shows add nothing', async (t) => {
      servers.server.route('/dropped', { destroy: true });
      const p = servers.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      goOffline(p);
      assert.deepEqual(toastMessages(p), [OFFLINE]);
      pressEscape(p);
      assert.deepEqual(toastMessages(p), []);
      await ajax(p, { url: '/dropped', type: 'POST' });
      assert.deepEqual(toastMessages(p), [OFFLINE], 'the save that was lost is not silent');
      await all(p, [{ url: '/dropped', type: 'POST' }, { url: '/dropped' }]);
      assert.deepEqual(toastMessages(p), [OFFLINE], 'one banner');
    });

    test('an offline banner taken away with the body comes back with the next failure', async (t) => {
      servers.server.route('/dropped', { destroy: true });
      const p = servers.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      goOffline(p);
      swapBody(p, 'replaceWith');
      assert.deepEqual(toastMessages(p), []);
      await ajax(p, { url: '/dropped', type: 'POST' });
      assert.deepEqual(toastMessages(p), [OFFLINE]);
    });

    test('closing a Retry-After: 3600 countdown leaves no timer behind; 25 pushed-off countdowns leave none either', async (t) => {
      const p = servers.page(t, { jquery });
      const clock = controlClock(p.window);
      t.after(() => clock.restore());
      p.ApiErrors.installApiErrors({ retry: true });
      const throttled = (n: number) => respondUrl(429, { detail: `Slow down (${n}).` }, { headers: { 'Retry-After': '3600' } });
      await ajax(p, { url: throttled(0), success() {} });
      assert.equal(toasts(p).length, 1);
      assert.ok(clock.pending().length > 0, 'the countdown ticks');
      p.document.querySelector<HTMLElement>('.api-errors-toast-close')!.click();
      assert.deepEqual(clock.pending(), [], 'closed: nothing left waiting for an hour');
      for (let n = 1; n <= 25; n += 1) await ajax(p, { url: throttled(n), success() {} });
      assert.equal(toasts(p).length, 3);
      assert.deepEqual(clock.pending(), [1000, 1000, 1000], 'one ticking countdown per toast on screen');
      clock.tick(3600 * 1000);
      assert.equal(buttons(p).length, 3, 'each toast on screen gets its "Try again" at zero');
    });

    test('"Try again" on a toast that counted two widgets\' reads of one URL fills both widgets', async (t) => {
      let answered = 0;
      servers.server.route('/stats', (_request, response) => {
        answered += 1;
        response.writeHead(answered <= 2 ? 503 : 200, { 'Content-Type': 'application/json' });
        response.end(answered <= 2 ? '{"detail": "Down."}' : '{"count": 7}');
      });
      const p = servers.page(t, { jquery, body: '<div id="a"></div><div id="b"></div>' });
      p.ApiErrors.installApiErrors({ retry: true });
      const widget = (id: string) => ({ url: '/stats', dataType: 'json', success: (data: { count: number }) => p.$('#' + id).text(String(data.count)) });
      await ajax(p, widget('a'));
      await ajax(p, widget('b'));
      assert.deepEqual(toastMessages(p), ['2 requests failed: Down.']);
      buttons(p)[0]!.click();
      await idle(p);
      assert.equal(answered, 4, 'each read sent again, once');
      assert.deepEqual([p.$('#a').text(), p.$('#b').text()], ['7', '7']);
      assert.deepEqual(toastMessages(p), []);
    });

    test('a poll that fails every 2.3 s counts on its one toast; "Try again" sends it once', async (t) => {
      servers.server.route('/poll', { destroy: true });
      const p = servers.page(t, { jquery });
      const clock = controlClock(p.window);
      t.after(() => clock.restore());
      p.ApiErrors.installApiErrors({ retry: true });
      const render = (): void => {};
      for (let round = 0; round < 3; round += 1) {
        await ajax(p, { url: '/poll', success: render });
        clock.tick(2300);
      }
      assert.deepEqual(toastMessages(p), [`3 requests failed: ${UNREACHABLE}`]);
      const before = servers.server.received.filter((request) => request.path === '/poll').length;
      buttons(p)[0]!.click();
      await idle(p);
      assert.equal(servers.server.received.filter((request) => request.path === '/poll').length, before + 1);
    });

    test('two 503 panels make "2 requests failed: …"; the same failure 2.3 s later counts on that toast', async (t) => {
      const p = servers.page(t, { jquery });
      const clock = controlClock(p.window);
      t.after(() => clock.restore());
      p.ApiErrors.installApiErrors();
      const down = respondUrl(503, { detail: 'Reports are down.' });
      await all(p, [{ url: down + '&panel=1' }, { url: down + '&panel=2' }]);
      assert.deepEqual(toastMessages(p), ['2 requests failed: Reports are down.']);
      clock.tick(2300);
      await ajax(p, { url: down + '&panel=1' });
      assert.deepEqual(toastMessages(p), ['3 requests failed: Reports are down.']);
    });

    test('$.getJSON(url).done(render) gets no "Try again": sent again, its answer would update nothing', async (t) => {
      const p = servers.page(t, { jquery });
      p.ApiErrors.installApiErrors({ retry: true });
      const down = respondUrl(503, { detail: 'Down.' });
      const jqXHR = p.$.getJSON(down).done(() => {});
      await settled(p, jqXHR);
      assert.deepEqual(toastMessages(p), ['Down.']);
      assert.deepEqual(buttons(p), []);
      await settled(p, p.$.getJSON(down, () => {}));
      assert.deepEqual(buttons(p).map((button) => button.textContent), ['Try again'], 'with a callback of its own it gets one');
    });
  });
}
