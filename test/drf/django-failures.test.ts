// The failures of a session-based Django page, against the real DRF demo (demo/drf/serve.py:
// Django's sessions and auth, DRF's SessionAuthentication, CsrfViewMiddleware with drf-api-errors'
// CSRF_FAILURE_VIEW, a real AnonRateThrottle), on every jQuery version in jsdom. The page is on
// the server's origin, so its requests are same-origin and jsdom's cookie jar carries the
// session and CSRF cookies as a browser does. Each test signs in for real, then breaks one thing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CookieJar } from 'jsdom';
import { pageClock } from '../helpers/clock.ts';
import { ajax, JQUERY_VERSIONS, openPage, settled, toasts, type JQueryVersion, type TestPage } from '../helpers/page.ts';
import { pythonMissing } from '../../scripts/drf-venv.mjs';

const SESSION_EXPIRED = 'Your session has expired.';
const OUT_OF_DATE = 'The page is out of date. Reload it and try again.';
const NOT_SIGNED_IN = 'Authentication credentials were not provided.';

const missing = pythonMissing();
const inCI = !!process.env.CI && process.env.CI !== 'false';

let drf: { url: string; close(): Promise<void> } | undefined;
let origin = '';

/** A tab on the DRF demo's origin with the plugin installed; `events` records every api:error. */
function open(t: { after(fn: () => void): void }, jquery: JQueryVersion, cookieJar = new CookieJar()) {
  const page = openPage({ origin, jquery, cookieJar });
  t.after(() => page.close());
  page.ApiErrors.installApiErrors();
  const events: Array<{ code: string; status: number }> = [];
  page.$(page.document).on('api:error', (_event: unknown, error: { code: string; status: number }) => {
    events.push({ code: error.code, status: error.status });
  });
  return { page, events, cookieJar };
}

/** Sends the requests at once; resolves when every one has settled. */
async function all(page: TestPage, settings: Array<Record<string, unknown>>): Promise<any[]> {
  const requests = settings.map((one) => page.$.ajax(one));
  await Promise.all(requests.map((jqXHR) => settled(page, jqXHR)));
  return requests;
}

/** The csrftoken cookie: what a Django page sends back as X-CSRFToken. */
function csrfToken(page: TestPage): string {
  const match = /(?:^|; )csrftoken=([^;]+)/.exec(page.document.cookie);
  assert.ok(match, 'the csrftoken cookie is set');
  return match[1] as string;
}

/** Signs in as demo/demo through the HTML form (its csrfmiddlewaretoken checked by Django). */
async function signIn(page: TestPage): Promise<void> {
  const { jqXHR: form } = await ajax(page, { url: '/accounts/login/' });
  const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(form.responseText);
  assert.ok(token, 'the form carries its token');
  const { jqXHR: signedIn } = await ajax(page, {
    url: '/accounts/login/', type: 'POST', data: { username: 'demo', password: 'demo', csrfmiddlewaretoken: token[1] },
  });
  assert.equal(signedIn.status, 200, 'redirected to / and loaded it');
  const { jqXHR: session } = await ajax(page, { url: '/api/session/', dataType: 'json' });
  assert.deepEqual([session.status, json(session)], [200, { user: 'demo' }], 'signed in');
}

/** The `.api-errors-toast` elements on screen. */
const toastCount = (page: TestPage): number => page.document.querySelectorAll('.api-errors-toast').length;

/** The links and buttons of the toasts, the close buttons left out. */
function controls(page: TestPage): Array<{ tag: string; label: string; href: string | null }> {
  return Array.from(page.document.querySelectorAll<HTMLElement>('.api-errors-toast a, .api-errors-toast button'))
    .filter((element) => !element.classList.contains('api-errors-toast-close'))
    .map((element) => ({ tag: element.tagName, label: element.textContent ?? '', href: element.getAttribute('href') }));
}

/** What the countdown line shows (its ticking sentence, or the sentence it ends with). */
function countdown(page: TestPage): string | null {
  const line = page.document.querySelector('.api-errors-toast-countdown');
  if (!line) return null;
  const ticking = line.querySelector('[aria-hidden="true"]');
  return (ticking ?? line).textContent;
}

/** The body as JSON, parsed here (the page's responseJSON is of its own realm, not Node's). */
const json = (jqXHR: any): any => JSON.parse(jqXHR.responseText);

/** The envelope of a failed jqXHR. */
const envelopeOf = (jqXHR: any): Record<string, any> => json(jqXHR).error;

if (missing && inCI) {
  test('jsdom against the DRF demo', () => assert.fail(`${missing} (required because CI is set)`));
} else {
  describe('jsdom against the DRF demo', { skip: missing || false }, () => {
    before(async () => {
      // The harness is an ES module that loads modules with top-level await: import(), not require().
      const { startDrf } = await import('../browser/harness.mjs');
      drf = await startDrf();
      origin = drf.url.replace(/\/$/, '');
    });
    after(() => drf?.close());

    for (const jquery of JQUERY_VERSIONS) {
      describe(`jQuery ${jquery}`, () => {
        test("signed in, then the session cookie is gone: five of DRF's 403 NOT_AUTHENTICATED are one session toast with \"Sign in again\"", async (t) => {
          const { page, events, cookieJar } = open(t, jquery);
          await signIn(page);
          // What the browser does when the session cookie's Max-Age has passed: it sends none.
          cookieJar.setCookieSync('sessionid=; Max-Age=0; Path=/', origin + '/');
          const answers = await all(page, Array.from({ length: 5 }, () => ({ url: '/api/session/' })));
          assert.deepEqual(answers.map((jqXHR) => [jqXHR.status, envelopeOf(jqXHR).code, envelopeOf(jqXHR).message]),
            Array.from({ length: 5 }, () => [403, 'NOT_AUTHENTICATED', NOT_SIGNED_IN]));
          assert.deepEqual(events, Array.from({ length: 5 }, () => ({ code: 'NOT_AUTHENTICATED', status: 403 })));
          assert.equal(toastCount(page), 1);
          assert.deepEqual(toasts(page), [{ message: SESSION_EXPIRED, details: [], reference: null }]);
          assert.deepEqual(controls(page), [{ tag: 'A', label: 'Sign in again', href: page.window.location.href }]);

          // Signed in again: the toast is no longer true and goes; a later expiry is told again.
          await signIn(page);
          assert.equal(toastCount(page), 0);
          cookieJar.setCookieSync('sessionid=; Max-Age=0; Path=/', origin + '/');
          await all(page, [{ url: '/api/session/' }, { url: '/api/session/' }]);
          assert.deepEqual(toasts(page).map((toast) => toast.message), [SESSION_EXPIRED]);
        });

        test('signed out in another tab: @login_required sends the JSON requests to the sign-in page; one session toast', async (t) => {
          const { page, events, cookieJar } = open(t, jquery);
          const transports: any[] = [];
          // The page's own XMLHttpRequests, kept to read what the browser says about the redirect.
          const xhr = () => {
            const made = new page.window.XMLHttpRequest();
            transports.push(made);
            return made;
          };
          await signIn(page);
          const { jqXHR: allowed } = await ajax(page, { url: '/api/login-required/', dataType: 'json' });
          assert.deepEqual([allowed.status, json(allowed)], [200, { ok: true }]);
          assert.equal(toastCount(page), 0);

          // Another tab of the same browser signs out: Django flushes the session, the cookie goes.
          const other = openPage({ origin, jquery, cookieJar, plugin: 'none' });
          t.after(() => other.close());
          const { jqXHR: out } = await ajax(other, { url: '/accounts/logout/', type: 'POST', headers: { 'X-CSRFToken': csrfToken(other) } });
          assert.equal(out.status, 200, 'redirected to the sign-in form');
          assert.match(out.responseText, /<h1>Sign in<\/h1>/);

          const answers = await all(page, Array.from({ length: 3 }, () => ({ url: '/api/login-required/', dataType: 'json', xhr })));
          for (const jqXHR of answers) {
            assert.equal(jqXHR.status, 200);
            assert.match(jqXHR.responseText, /<h1>Sign in<\/h1>/);
          }
          // jsdom's XMLHttpRequest has responseURL: the HTML came from the sign-in page.
          assert.deepEqual(transports.map((made) => made.responseURL),
            Array.from({ length: 3 }, () => `${origin}/accounts/login/?next=/api/login-required/`));
          assert.deepEqual(events, Array.from({ length: 3 }, () => ({ code: 'SESSION_EXPIRED', status: 200 })));
          assert.equal(toastCount(page), 1);
          assert.deepEqual(toasts(page), [{ message: SESSION_EXPIRED, details: [], reference: null }]);
          assert.deepEqual(controls(page), [{ tag: 'A', label: 'Sign in again', href: page.window.location.href }]);
        });

        test('the same redirect where the browser gives no responseURL is only an unreadable answer: "Request failed."', async (t) => {
          const { page, events } = open(t, jquery);
          // An XMLHttpRequest without responseURL, as in browsers that predate it.
          const xhr = () => {
            const made = new page.window.XMLHttpRequest();
            Object.defineProperty(made, 'responseURL', { value: undefined });
            return made;
          };
          const { jqXHR } = await ajax(page, { url: '/api/login-required/', dataType: 'json', xhr });
          assert.equal(jqXHR.status, 200);
          assert.match(jqXHR.responseText, /<h1>Sign in<\/h1>/);
          assert.deepEqual(events, [{ code: 'PARSE_ERROR', status: 200 }]);
          assert.deepEqual(toasts(page).map((toast) => toast.message), ['Request failed.']);
        });

        test("signed in, POSTs without the CSRF token: DRF's 403 \"CSRF Failed\" is one toast with a Reload button", async (t) => {
          const { page, events } = open(t, jquery);
          await signIn(page);
          const { jqXHR: accepted } = await ajax(page, {
            url: '/api/csrf/', type: 'POST', dataType: 'json', headers: { 'X-CSRFToken': csrfToken(page) },
          });
          assert.deepEqual([accepted.status, json(accepted)], [200, { ok: true }], 'with the token it passes');
          const answers = await all(page, Array.from({ length: 3 }, () => ({ url: '/api/csrf/', type: 'POST' })));
          for (const jqXHR of answers) {
            assert.equal(jqXHR.status, 403);
            assert.equal(envelopeOf(jqXHR).code, 'CSRF_FAILED');
            assert.match(envelopeOf(jqXHR).message, /^CSRF verification failed\. Request aborted\.$/);
          }
          assert.deepEqual(events, Array.from({ length: 3 }, () => ({ code: 'CSRF_FAILED', status: 403 })));
          assert.equal(toastCount(page), 1);
          assert.deepEqual(toasts(page), [{ message: OUT_OF_DATE, details: [], reference: null }]);
          assert.deepEqual(controls(page), [{ tag: 'BUTTON', label: 'Reload', href: null }]);
        });

        test("Django's own CSRF check: its HTML 403 page, and CSRF_FAILURE_VIEW's envelope under /api/, are the same one toast", async (t) => {
          const { page, events } = open(t, jquery);
          await signIn(page);
          const { jqXHR: accepted } = await ajax(page, { url: '/csrf-django/', type: 'POST', headers: { 'X-CSRFToken': csrfToken(page) } });
          assert.deepEqual([accepted.status, accepted.responseText], [200, 'CSRF check passed.']);
          const [html, again, api] = await all(page, [
            { url: '/csrf-django/', type: 'POST', data: { a: 1 } },
            { url: '/csrf-django/', type: 'POST' },
            { url: '/api/login-required/', type: 'POST' },
          ]);
          for (const jqXHR of [html, again]) {
            assert.equal(jqXHR.status, 403);
            assert.match(jqXHR.getResponseHeader('Content-Type'), /^text\/html/);
            assert.match(jqXHR.responseText, /CSRF verification failed\. Request aborted\./);
          }
          assert.equal(api.status, 403);
          assert.equal(envelopeOf(api).code, 'CSRF_FAILED');
          assert.match(envelopeOf(api).message, /^CSRF verification failed\. Request aborted\.$/);
          assert.deepEqual(events, Array.from({ length: 3 }, () => ({ code: 'CSRF_FAILED', status: 403 })));
          assert.equal(toastCount(page), 1);
          assert.deepEqual(toasts(page), [{ message: OUT_OF_DATE, details: [], reference: null }]);
          assert.deepEqual(controls(page), [{ tag: 'BUTTON', label: 'Reload', href: null }]);
          assert.ok(!page.document.body.textContent!.includes('CSRF verification'), "Django's page is never shown");
        });

        test("AnonRateThrottle: GETs until the first real 429; the toast counts the server's Retry-After down", async (t) => {
          const { page, events } = open(t, jquery);
          const clock = pageClock(page);
          let throttled: any = null;
          // 1 request a minute: the bucket is shared by the whole run, so at most two are needed.
          for (let sent = 0; sent < 3 && !throttled; sent++) {
            const { jqXHR } = await ajax(page, { url: '/api/throttled/' });
            if (jqXHR.status === 429) throttled = jqXHR;
            else assert.equal(jqXHR.status, 200);
          }
          assert.ok(throttled, 'throttled by the second request at the latest');
          const header = throttled.getResponseHeader('Retry-After');
          assert.match(header, /^\d+$/);
          const seconds = Number(header);
          assert.ok(seconds >= 1 && seconds <= 60, header);
          const error = envelopeOf(throttled);
          assert.deepEqual([error.code, error.retry_after], ['THROTTLED', seconds]);
          assert.equal(error.message, `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`);
          assert.deepEqual(events, [{ code: 'THROTTLED', status: 429 }]);
          assert.equal(toastCount(page), 1);
          // DRF's own wait goes stale as the countdown runs: the toast gives it once, live.
          assert.deepEqual(toasts(page), [{ message: 'Request was throttled.', details: [], reference: `Reference: ${error.correlation_id}` }]);
          assert.equal(countdown(page), `Too many requests. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
          clock.advance(seconds * 1000);
          assert.equal(countdown(page), 'You can try again now.');
          assert.equal(toastCount(page), 1);
        });

        test('a 503 with Retry-After: 120: its message, "The server answered 503.", counted down', async (t) => {
          const { page, events } = open(t, jquery);
          const clock = pageClock(page);
          const { jqXHR } = await ajax(page, { url: '/api/unavailable/' });
          assert.deepEqual([jqXHR.status, jqXHR.getResponseHeader('Retry-After')], [503, '120']);
          const error = envelopeOf(jqXHR);
          assert.deepEqual([error.code, error.message, error.retry_after], ['SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Try again later.', 120]);
          assert.deepEqual(events, [{ code: 'SERVICE_UNAVAILABLE', status: 503 }]);
          assert.equal(toastCount(page), 1);
          assert.deepEqual(toasts(page), [{
            message: 'The service is temporarily unavailable. Try again later.',
            details: ['The server answered 503.'],
            reference: `Reference: ${jqXHR.getResponseHeader('X-Correlation-ID')}`,
          }]);
          assert.equal(countdown(page), 'Try again in 120 seconds.');
          clock.advance(60_000);
          assert.equal(countdown(page), 'Try again in 60 seconds.');
          clock.advance(59_000);
          assert.equal(countdown(page), 'Try again in 1 second.');
          clock.advance(1000);
          assert.equal(countdown(page), 'You can try again now.');
        });
      });
    }
  });
}
