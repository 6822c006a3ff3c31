// The failures Django pages hit most, on every jQuery version against a real server: an expired
// session (401, DRF's 403, a login redirect), CSRF (Django's page, DRF's detail), throttling
// with Retry-After, gateway errors and offline. Each shows one toast that says what happened,
// and the api:error event carries the server's code (or a derived one), the kind and retryAfter.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ajax, JQUERY_VERSIONS, openPage, toasts, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Log in</title></head><body><form method="post"><input name="username"></form></body></html>';
const GATEWAY_PAGE = (status: number) => `<html><head><title>${status}</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const UNAVAILABLE = 'The service is unavailable right now. Try again in a moment.';

let server: TestServer;
let demo: { url: string; close(): Promise<void> };
before(async () => {
  // The demo is an ES module with top-level await: loaded with import(), never require().
  const [{ startServer: startDemo }, { DJANGO_CSRF_HTML }] = await Promise.all([import('../demo/server.mjs'), import('../demo/api.mjs')]);
  demo = await startDemo({ port: 0 });
  server = await startServer();
  const html = { contentType: 'text/html; charset=utf-8' };
  server.route('/401', { status: 401, body: '' });
  server.route('/drf-403', { status: 403, body: { detail: 'Authentication credentials were not provided.' } });
  server.route('/django-csrf', { status: 403, body: DJANGO_CSRF_HTML, ...html });
  server.route('/drf-csrf', { status: 403, body: { detail: 'CSRF Failed: CSRF token missing.' } });
  server.route('/envelope-csrf', {
    status: 403,
    body: { error: { message: 'CSRF Failed: CSRF token missing.', code: 'PERMISSION_DENIED', status: 403, errors: {} } },
  });
  server.route('/throttled-seconds', {
    status: 429,
    body: { detail: 'Request was throttled. Expected available in 37 seconds.' },
    headers: { 'Retry-After': '37' },
  });
  server.route('/throttled-date', { status: 429, body: '', headers: { 'Retry-After': new Date(NOW + 120_000).toUTCString() } });
  server.route('/throttled-text', { status: 429, body: { detail: 'Request was throttled. Expected available in 42 seconds.' } });
  server.route('/throttled-hostile', { status: 429, body: '', headers: { 'Retry-After': '-1' } });
  for (const status of [502, 503, 504]) {
    server.route(`/${status}-html`, { status, body: GATEWAY_PAGE(status), ...html });
    server.route(`/${status}-empty`, { status, body: '' });
  }
  server.route('/api/orders/', (_request, response) => {
    response.writeHead(302, { Location: '/accounts/login/?next=/api/orders/' });
    response.end();
  });
  server.route('/accounts/login/', { status: 200, body: LOGIN_PAGE, ...html });
  server.route('/html-at-own-url/', { status: 200, body: LOGIN_PAGE, ...html });
  server.route('/dropped', { destroy: true });
});
after(async () => {
  await server.close();
  await demo.close();
});

/** A page with the plugin installed, a fixed clock, and every api:error event recorded. */
function installedPage(jquery: (typeof JQUERY_VERSIONS)[number], origin = server.origin) {
  const page = openPage({ origin, jquery });
  page.window.Date.now = () => NOW;
  page.ApiErrors.installApiErrors();
  const events: Array<Record<string, unknown>> = [];
  page.$(page.document).on('api:error', (_event: unknown, error: Record<string, unknown>) => events.push(error));
  return { page, events };
}

/** The one toast's text and the one event's code, status and retryAfter. */
function seen(page: TestPage, events: Array<Record<string, unknown>>) {
  assert.equal(events.length, 1, 'one api:error event');
  const [error] = events as [Record<string, unknown>];
  return {
    toasts: toasts(page).map((toast) => toast.message),
    code: error.code,
    kind: error.kind,
    status: error.status,
    retryAfter: error.retryAfter,
  };
}

interface Case {
  name: string;
  settings: Record<string, unknown>;
  expected: { toasts: string[]; code: string; kind: string; status: number; retryAfter: number | null };
}

const cases: Case[] = [
  {
    name: 'a 401 with no body: "Your session has expired."',
    settings: { url: '/401' },
    expected: { toasts: ['Your session has expired.'], code: 'SESSION_EXPIRED', kind: 'session_expired', status: 401, retryAfter: null },
  },
  {
    name: "DRF's 403 for a missing login (SessionAuthentication) is SESSION_EXPIRED: one toast that says so",
    settings: { url: '/drf-403' },
    expected: { toasts: ['Your session has expired.'], code: 'SESSION_EXPIRED', kind: 'session_expired', status: 403, retryAfter: null },
  },
  {
    name: 'a JSON request redirected to the HTML login page is SESSION_EXPIRED',
    settings: { url: '/api/orders/', dataType: 'json' },
    expected: { toasts: ['Your session has expired.'], code: 'SESSION_EXPIRED', kind: 'session_expired', status: 200, retryAfter: null },
  },
  {
    name: 'the same HTML page at the URL asked for is only a PARSE_ERROR',
    settings: { url: '/html-at-own-url/', dataType: 'json' },
    expected: { toasts: ['Request failed.'], code: 'PARSE_ERROR', kind: 'parse', status: 200, retryAfter: null },
  },
  {
    name: "Django's HTML CSRF page: CSRF_FAILED, the page is never shown",
    settings: { url: '/django-csrf', type: 'POST' },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'CSRF_FAILED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: "DRF's CSRF detail: CSRF_FAILED: one toast that says to reload",
    settings: { url: '/drf-csrf', type: 'POST' },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'CSRF_FAILED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: 'an envelope PERMISSION_DENIED whose message is a CSRF failure keeps its code and is of the kind csrf',
    settings: { url: '/envelope-csrf', type: 'POST' },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'PERMISSION_DENIED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: 'a 429 with Retry-After: 37 gives retryAfter 37',
    settings: { url: '/throttled-seconds' },
    expected: { toasts: ['Request was throttled.'], code: 'RATE_LIMITED', kind: 'rate_limited', status: 429, retryAfter: 37 },
  },
  {
    name: 'a 429 with Retry-After as an HTTP date two minutes ahead gives retryAfter 120',
    settings: { url: '/throttled-date' },
    expected: { toasts: ['Too many requests.'], code: 'RATE_LIMITED', kind: 'rate_limited', status: 429, retryAfter: 120 },
  },
  {
    name: "a 429 with only DRF's text gives retryAfter from \"in 42 seconds\"",
    settings: { url: '/throttled-text' },
    expected: { toasts: ['Request was throttled.'], code: 'RATE_LIMITED', kind: 'rate_limited', status: 429, retryAfter: 42 },
  },
  {
    name: 'a 429 with Retry-After: -1 gives no retryAfter',
    settings: { url: '/throttled-hostile' },
    expected: { toasts: ['Too many requests.'], code: 'RATE_LIMITED', kind: 'rate_limited', status: 429, retryAfter: null },
  },
  ...[502, 503, 504].flatMap((status) =>
    ['html', 'empty'].map((body): Case => ({
      name: `a ${status} (${body === 'html' ? "the proxy's HTML page" : 'empty body'}) is SERVICE_UNAVAILABLE`,
      settings: { url: `/${status}-${body}` },
      expected: { toasts: [UNAVAILABLE], code: 'SERVICE_UNAVAILABLE', kind: 'unavailable', status, retryAfter: null },
    })),
  ),
];

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    for (const { name, settings, expected } of cases) {
      test(name, async (t) => {
        const { page, events } = installedPage(jquery);
        t.after(() => page.close());
        await ajax(page, settings);
        assert.deepEqual(seen(page, events), expected);
        assert.ok(!page.document.body.textContent!.includes('CSRF verification'), 'no server HTML on the page');
      });
    }

    test('a dropped connection while the browser is offline: "You are offline."', async (t) => {
      const { page, events } = installedPage(jquery);
      t.after(() => page.close());
      Object.defineProperty(page.window.navigator, 'onLine', { configurable: true, get: () => false });
      await ajax(page, { url: '/dropped' });
      assert.deepEqual(seen(page, events), { toasts: ['You are offline. Changes made while offline are not saved.'], code: 'OFFLINE', kind: 'offline', status: 0, retryAfter: null });
    });

    test('a dropped connection while online: "The server could not be reached. Check your connection."', async (t) => {
      const { page, events } = installedPage(jquery);
      t.after(() => page.close());
      await ajax(page, { url: '/dropped' });
      assert.deepEqual(seen(page, events), {
        toasts: ['The server could not be reached. Check your connection.'], code: 'NETWORK_ERROR', kind: 'network', status: 0, retryAfter: null,
      });
    });
  });
}

/** The Node demo's Django paths, as the DRF demo serves them, read by the plugin. */
const demoCases: Case[] = [
  {
    name: 'GET /api/session/ (403 NOT_AUTHENTICATED) keeps its code and is of the kind session_expired',
    settings: { url: '/api/session/' },
    expected: { toasts: ['Your session has expired.'], code: 'NOT_AUTHENTICATED', kind: 'session_expired', status: 403, retryAfter: null },
  },
  {
    name: 'GET /api/login-required/ as JSON, redirected to the login page, is SESSION_EXPIRED',
    settings: { url: '/api/login-required/', dataType: 'json' },
    expected: { toasts: ['Your session has expired.'], code: 'SESSION_EXPIRED', kind: 'session_expired', status: 200, retryAfter: null },
  },
  {
    name: "POST /api/csrf/ (DRF's CSRF detail, code CSRF_FAILED) is CSRF_FAILED",
    settings: { url: '/api/csrf/', type: 'POST' },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'CSRF_FAILED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: "POST /api/login-required/ (Django's CSRF check under /api/, the envelope) is CSRF_FAILED",
    settings: { url: '/api/login-required/', type: 'POST' },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'CSRF_FAILED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: "POST /csrf-django/ (Django's HTML page) is CSRF_FAILED",
    settings: { url: '/csrf-django/', type: 'POST', data: { a: 1 } },
    expected: { toasts: ['The page is out of date. Reload it and try again.'], code: 'CSRF_FAILED', kind: 'csrf', status: 403, retryAfter: null },
  },
  {
    name: 'GET /api/throttled/ keeps THROTTLED, retryAfter 37',
    settings: { url: '/api/throttled/' },
    expected: { toasts: ['Request was throttled.'], code: 'THROTTLED', kind: 'rate_limited', status: 429, retryAfter: 37 },
  },
  {
    name: 'GET /api/unavailable/ is SERVICE_UNAVAILABLE, retryAfter 120',
    settings: { url: '/api/unavailable/' },
    expected: { toasts: ['The service is temporarily unavailable. Try again later.'], code: 'SERVICE_UNAVAILABLE', kind: 'unavailable', status: 503, retryAfter: 120 },
  },
];

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery} against the Node demo`, () => {
    for (const { name, settings, expected } of demoCases) {
      test(name, async (t) => {
        const { page, events } = installedPage(jquery, demo.url.replace(/\/$/, ''));
        t.after(() => page.close());
        await ajax(page, settings);
        assert.deepEqual(seen(page, events), expected);
      });
    }
  });
}
