// Failure kinds that misfired on real pages, on every jQuery version against a real server: an
// HTML 200 from the URL asked for (non-ASCII, spaces, relative) is no expired session; a login
// form's own 401 message is shown as it is; "Sign in again" on a hash-routed page reloads; DRF's
// throttle text does not contradict the countdown; two copies of the plugin share what they
// learn of a request; a page's toast that wraps defaultToast gets what the built-in gets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pageClock } from './helpers/clock.ts';
import { ajax, JQUERY_VERSIONS, openPage, pluginSource, settled, toasts, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Log in</title></head><body><form method="post"><input name="username"></form></body></html>';
const SESSION_EXPIRED = 'Your session has expired.';
const html = { contentType: 'text/html; charset=utf-8' };

let server: TestServer;
before(async () => {
  server = await startServer();
  // A page of HTML at the very URL asked for (a JSON request answered by an HTML view).
  for (const path of ['/api/tags/caf%C3%A9/', '/api/files/Q3%20report/', '/api/html/']) server.route(path, { status: 200, body: LOGIN_PAGE, ...html });
  server.route('/api/orders/', (_request, response) => {
    response.writeHead(302, { Location: '/accounts/login/?next=/api/orders/' });
    response.end();
  });
  server.route('/accounts/login/', { status: 200, body: LOGIN_PAGE, ...html });
  server.route('/api/login/', { status: 401, body: { detail: 'Invalid username or password.' } });
  server.route('/api/session/', { status: 403, body: { detail: 'Authentication credentials were not provided.' } });
  server.route('/api/csrf/', { status: 403, body: { detail: 'CSRF Failed: CSRF token missing.' } });
  server.route('/api/throttled/', {
    status: 429, body: { detail: 'Request was throttled. Expected available in 3 seconds.' }, headers: { 'Retry-After': '3' },
  });
  server.route('/api/unavailable/', { status: 503, body: '' });
});
after(() => server.close());

/** The links and buttons of the toasts, the close buttons left out. */
function controls(page: TestPage): Array<{ tag: string; label: string; href: string | null }> {
  return Array.from(page.document.querySelectorAll<HTMLElement>('.api-errors-toast a, .api-errors-toast button'))
    .filter((element) => !element.classList.contains('api-errors-toast-close') && !element.classList.contains('api-errors-toast-copy'))
    .map((element) => ({ tag: element.tagName, label: element.textContent ?? '', href: element.getAttribute('href') }));
}

function countdown(page: TestPage): string | null {
  const line = page.document.querySelector('.api-errors-toast-countdown');
  return line ? (line.querySelector('[aria-hidden="true"]') ?? line).textContent : null;
}

/** Every api:error event's code, from the page. */
function codes(page: TestPage): string[] {
  const seen: string[] = [];
  page.$(page.document).on('api:error', (_event: unknown, error: { code: string }) => seen.push(error.code));
  return seen;
}

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    const open = (t: { after(fn: () => void): void }): TestPage => {
      const page = openPage({ origin: server.origin, jquery });
      t.after(() => page.close());
      return page;
    };

    test('HTML from the very URL asked for, with é, a space or ../ in it, is an unreadable answer; a real login redirect later is still told', async (t) => {
      const page = open(t);
      page.ApiErrors.installApiErrors();
      const seen = codes(page);
      for (const url of ['/api/tags/café/', '/api/files/Q3 report/', '../api/html/']) await ajax(page, { url, dataType: 'json' });
      assert.deepEqual(seen, ['PARSE_ERROR', 'PARSE_ERROR', 'PARSE_ERROR']);
      assert.ok(!toasts(page).some((toast) => toast.message === SESSION_EXPIRED));
      await ajax(page, { url: '/api/orders/', dataType: 'json' });
      assert.deepEqual(seen.slice(3), ['SESSION_EXPIRED']);
      assert.ok(toasts(page).some((toast) => toast.message === SESSION_EXPIRED));
    });

    test('a login form\'s 401 "Invalid username or password." is that message, with no "Sign in again"', async (t) => {
      const page = open(t);
      page.ApiErrors.installApiErrors();
      const seen = codes(page);
      await ajax(page, { url: '/api/login/', type: 'POST', data: { username: 'ada', password: 'wrong' } });
      assert.notEqual(seen[0], 'SESSION_EXPIRED');
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Invalid username or password.']);
      assert.deepEqual(controls(page), []);
    });

    test('"Sign in again" on a hash-routed page leads to the page without its #hash, so it loads', async (t) => {
      const page = open(t);
      page.window.location.hash = '#orders/5';
      page.ApiErrors.installApiErrors();
      await ajax(page, { url: '/api/session/' });
      assert.deepEqual(controls(page), [{ tag: 'A', label: 'Sign in again', href: server.origin + '/page.html' }]);
    });

    test("DRF's throttle text gives its wait once, live: no stale \"Expected available in 3 seconds.\" beside the countdown", async (t) => {
      const page = open(t);
      const clock = pageClock(page);
      page.ApiErrors.installApiErrors();
      await ajax(page, { url: '/api/throttled/' });
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Request was throttled.']);
      assert.equal(countdown(page), 'Too many requests. Try again in 3 seconds.');
      clock.advance(3000);
      assert.deepEqual(toasts(page).map((toast) => toast.message), ['Request was throttled.']);
      assert.equal(countdown(page), 'You can try again now.');
      assert.doesNotMatch(page.document.body.textContent ?? '', /Expected available/);
    });

    test('a script-tag copy and a second copy both installed: the login redirect one copy saw is an expired session for the other', async (t) => {
      const page = open(t);
      page.ApiErrors.installApiErrors();
      page.window.eval(pluginSource());
      const second = page.window.ApiErrors;
      assert.notEqual(second, page.ApiErrors);
      second.installApiErrors();
      const seen = codes(page);
      await ajax(page, { url: '/api/orders/', dataType: 'json' });
      assert.deepEqual(seen, ['SESSION_EXPIRED']);
      assert.deepEqual(toasts(page).map((toast) => toast.message), [SESSION_EXPIRED]);
    });

    test("a page's toast that wraps defaultToast gets the session, CSRF, countdown and burst toasts the built-in gets", async (t) => {
      const shown: Record<string, unknown> = {};
      for (const wrapped of [false, true]) {
        const page = open(t);
        const clock = pageClock(page);
        const calls: string[] = [];
        page.ApiErrors.installApiErrors(wrapped ? {
          toast(message: string, error: unknown, context: unknown) {
            calls.push(message);
            page.ApiErrors.defaultToast(message, error, context);
          },
        } : {});
        const steps: unknown[] = [];
        const send = async (settings: Array<Record<string, unknown>>) => {
          await Promise.all(settings.map((one) => settled(page, page.$.ajax(one))));
          steps.push({ toasts: toasts(page).map((toast) => toast.message), controls: controls(page), countdown: countdown(page) });
        };
        await send([{ url: '/api/session/' }, { url: '/api/session/' }]);
        await send([{ url: '/api/csrf/', type: 'POST' }]);
        await send([{ url: '/api/throttled/' }]);
        await send([{ url: '/api/unavailable/' }, { url: '/api/unavailable/' }, { url: '/api/unavailable/' }]);
        shown[String(wrapped)] = steps;
        if (wrapped) assert.equal(calls.length, 7, "the page's toast was asked each time");
        clock.advance(0);
      }
      assert.deepEqual(shown.true, shown.false);
      assert.deepEqual((shown.false as unknown[])[1], {
        toasts: [SESSION_EXPIRED, 'The page is out of date. Reload it and try again.'],
        controls: [{ tag: 'A', label: 'Sign in again', href: server.origin + '/page.html' }, { tag: 'BUTTON', label: 'Reload', href: null }],
        countdown: null,
      });
      assert.deepEqual((shown.false as unknown[])[3], {
        toasts: ['The page is out of date. Reload it and try again.', 'Request was throttled.', '3 requests failed: The service is unavailable right now. Try again in a moment.'],
        controls: [{ tag: 'BUTTON', label: 'Reload', href: null }],
        countdown: 'Too many requests. Try again in 3 seconds.',
      });
    });
  });
}
