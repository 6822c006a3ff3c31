// The plugin on pages built the way real ones are: SEO meta tags, retry loops, modals that close
// mid-request, Bootstrap 5 markup, async: false, cross-domain JSONP, a bundled jQuery beside the
// page's, a script tag before jQuery. Real requests to the test server, on every version they touch.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  ajax,
  BACKBONE_VERSIONS,
  fieldMessages,
  idle,
  JQUERY_VERSIONS,
  openPage,
  pageServer,
  pluginSource,
  ROOT,
  settled,
  toasts,
  toastMessages,
  wait,
  type JQueryVersion,
  type TestPage,
} from './helpers/page.ts';
import { submitForm } from './helpers/submit.ts';
import { respondUrl, startServer, type TestServer } from './helpers/server.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const servers = pageServer();
/** The test server, with the routes these tests use. */
const fixture = {
  get server(): TestServer {
    servers.server.route('/tick', { status: 200, body: 'ok' });
    servers.server.route('/ok', { status: 200, body: { ok: true } });
    return servers.server;
  },
  page: (t: { after(fn: () => void): void }, options: Parameters<typeof servers.page>[1]): TestPage => {
    void fixture.server;
    return servers.page(t, options);
  },
};

const one = (p: TestPage, selector: string): HTMLElement => p.document.querySelector(selector) as HTMLElement;
const details = (p: TestPage): string[] => toasts(p).flatMap((toast) => toast.details).sort();
const jquerySource = (version: string): string => readFileSync(join(ROOT, `node_modules/jquery-${version}/dist/jquery.js`), 'utf8');

for (const jquery of JQUERY_VERSIONS) {
  describe(`jQuery ${jquery}`, () => {
    test('field lookup: <meta name=description> is not a field', async (t) => {
      const p = fixture.page(t, {
        jquery,
        body: '<a name="author">About</a><iframe name="preview"></iframe>' +
          '<form name="signup"><textarea name="description"></textarea></form>',
      });
      for (const name of ['description', 'keywords']) {
        const meta = p.document.createElement('meta');
        meta.setAttribute('name', name);
        p.document.head.appendChild(meta);
      }
      p.ApiErrors.installApiErrors();
      const body = { description: ['Too short.'], keywords: ['Pick one.'], author: ['Required.'], signup: ['Closed.'], preview: ['Bad.'] };
      await ajax(p, { url: respondUrl(400, body) });
      assert.deepEqual(fieldMessages(p, one(p, 'textarea')), ['Too short.']);
      assert.equal(p.document.querySelectorAll('[aria-invalid]').length, 1, 'only the textarea is marked');
      assert.equal(p.document.head.querySelector('.api-errors-message'), null, 'nothing drawn in <head>');
      assert.equal(p.document.activeElement, p.document.body, 'naming no form and sent in no submission, it moves no focus');
      assert.deepEqual(details(p), ['author: Required.', 'keywords: Pick one.', 'preview: Bad.', 'signup: Closed.']);
    });

    test('retry loop: complete: function () { $.ajax(this) } runs 6,000 requests', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      const url = `/tick?loop=complete&v=${jquery}`;
      await retryLoop(p, { url, callback: 'complete', total: 6000 });
      assert.equal(fixture.server.received.filter((request) => request.path === url).length, 6000);
    });

    test('retry loop: error: function () { $.ajax(this) } retries a failing request without growing the stack', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors({ toast: false });
      const url = respondUrl(503, { detail: 'Busy.' }) + `&loop=error&v=${jquery}`;
      await retryLoop(p, { url, callback: 'error', total: 400 });
      assert.equal(fixture.server.received.filter((request) => request.path === url).length, 400);
    });

    test('form gone: errors for a form removed while the request was in flight go to the toast', async (t) => {
      const p = fixture.page(t, {
        jquery,
        body: '<div id="modal"><form id="edit"><input name="email"></form></div><form id="other"><input name="email"></form>',
      });
      p.ApiErrors.installApiErrors();
      const form = one(p, '#edit');
      const jqXHR = p.$.ajax({ url: respondUrl(400, { email: ['Taken.'] }), apiErrors: { form } });
      one(p, '#modal').remove();
      await settled(p, jqXHR);
      assert.deepEqual(details(p), ['email: Taken.']);
      assert.equal(fieldMessages(p, form.querySelector('input') as Element), null, 'nothing drawn in the detached form');
      assert.equal(fieldMessages(p, one(p, '#other input')), null, 'nor in another form');
    });

    test('DRF detail: a serializer field named detail keeps the other field errors', async (t) => {
      const p = fixture.page(t, { jquery, body: '<form id="f"><textarea name="detail"></textarea><input name="name"></form>' });
      p.ApiErrors.installApiErrors();
      await ajax(p, {
        url: respondUrl(400, { detail: ['This field is required.'], name: ['This field may not be blank.'] }),
        apiErrors: { form: '#f' },
      });
      assert.deepEqual(fieldMessages(p, one(p, '[name="detail"]')), ['This field is required.']);
      assert.deepEqual(fieldMessages(p, one(p, '[name="name"]')), ['This field may not be blank.']);
    });

    test('DRF envelope: a nested serializer named error is fields, not the envelope', async (t) => {
      const p = fixture.page(t, { jquery, body: '<form id="f"><input name="error[code]"><input name="name"></form>' });
      p.ApiErrors.installApiErrors();
      await ajax(p, {
        url: respondUrl(400, { error: { code: ['Enter a code.'] }, name: ['This field may not be blank.'] }),
        apiErrors: { form: '#f' },
      });
      assert.deepEqual(fieldMessages(p, one(p, '[name="error[code]"]')), ['Enter a code.']);
      assert.deepEqual(fieldMessages(p, one(p, '[name="name"]')), ['This field may not be blank.']);
      assert.deepEqual(toastMessages(p), ['Request failed.']);
    });

    test('focus: goes to the field this failure marked, not a header input or an earlier failure\'s', async (t) => {
      const p = fixture.page(t, {
        jquery,
        body: '<header><input name="q" aria-invalid="true"></header><form id="profile"><input name="city"></form>' +
          '<form id="signup"><input name="email"></form>',
      });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { city: ['Unknown city.'] }), apiErrors: { form: '#profile' } });
      assert.equal(p.document.activeElement, one(p, '[name="city"]'));
      // The signup form's submission: the person waits on it, though focus was left in #profile.
      await submitForm(p, '#signup', respondUrl(400, { email: ['Taken.'] }));
      assert.equal(p.document.activeElement, one(p, '[name="email"]'));
    });

    test('JSONP: a cross-domain JSONP failure shows a toast', async (t) => {
      const other = await startServer();
      t.after(() => other.close());
      other.route('/jsonp', { status: 200, contentType: 'text/javascript', body: '/* the callback is never called */' });
      const p = scriptLoadingPage(t, fixture.server.origin, jquery);
      p.ApiErrors.installApiErrors();
      const jqXHR = p.$.ajax({ url: other.origin + '/jsonp', dataType: 'jsonp' });
      let textStatus = '';
      jqXHR.fail((_jqXHR: unknown, status: string) => (textStatus = status));
      await settled(p, jqXHR);
      assert.equal(textStatus, 'parsererror');
      assert.deepEqual(toastMessages(p), ['Request failed.']);
    });

    test('JSONP: the page\'s own global: false still opts a cross-domain request out', async (t) => {
      const other = await startServer();
      t.after(() => other.close());
      other.route('/jsonp', { status: 200, contentType: 'text/javascript', body: '/* the callback is never called */' });
      const p = scriptLoadingPage(t, fixture.server.origin, jquery);
      p.ApiErrors.installApiErrors();
      const jqXHR = p.$.ajax({ url: other.origin + '/jsonp', dataType: 'jsonp', global: false });
      await settled(p, jqXHR);
      assert.deepEqual(toastMessages(p), []);
    });

    test('markHandled: a transport that answers at once still lets .fail(markHandled) after $.ajax() count', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      // An offline cache answering from what the server said earlier, inside send().
      const earlier = await ajax(p, { url: respondUrl(400, { detail: 'Saved offline.' }), apiErrors: false });
      p.$.ajaxTransport('+*', (settings: any) =>
        settings.url.indexOf('/cached') === -1 ? undefined : {
          send: (_headers: unknown, done: Function) =>
            done(400, 'Bad Request', { text: earlier.jqXHR.responseText }, 'Content-Type: application/json\r\n'),
          abort() {},
        },
      );
      const shown: string[] = [];
      const jqXHR = p.$.ajax({ url: '/cached' });
      jqXHR.fail(() => {
        p.ApiErrors.markHandled(jqXHR);
        shown.push('the page\'s own message');
      });
      await wait(p, 30);
      assert.deepEqual(shown, ['the page\'s own message']);
      assert.deepEqual(toastMessages(p), []);
    });

    test('markHandled: without it, a transport that answers at once is handled once', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      p.$.ajaxTransport('+*', (settings: any) =>
        settings.url.indexOf('/cached') === -1 ? undefined : {
          send: (_headers: unknown, done: Function) =>
            done(400, 'Bad Request', { text: '{"detail": "Saved offline."}' }, 'Content-Type: application/json\r\n'),
          abort() {},
        },
      );
      p.$.ajax({ url: '/cached' });
      await wait(p, 30);
      assert.deepEqual(toastMessages(p), ['Saved offline.']);
    });

    test('form= : an input outside <form id=signup> with form="signup" is marked, and cleared by a success', async (t) => {
      const p = fixture.page(t, { jquery, body: '<form id="signup"><input name="email"></form><input name="phone" form="signup">' });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { email: ['Taken.'], phone: ['Too short.'] }), apiErrors: { form: '#signup' } });
      assert.deepEqual(fieldMessages(p, one(p, '[name="phone"]')), ['Too short.']);
      assert.deepEqual(details(p), []);
      await ajax(p, { url: '/ok', apiErrors: { form: '#signup' } });
      assert.equal(fieldMessages(p, one(p, '[name="phone"]')), null);
      assert.equal(p.document.querySelectorAll('.api-errors-message').length, 0);
    });

    test('inline edit: the input passed as context or as form is marked itself', async (t) => {
      const p = fixture.page(t, { jquery, body: '<p><input name="title" id="title"></p><p><input name="price" id="price"></p>' });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { title: ['Too long.'] }), context: one(p, '#title') });
      assert.deepEqual(fieldMessages(p, one(p, '#title')), ['Too long.']);
      await ajax(p, { url: respondUrl(400, { price: ['Not a number.'] }), apiErrors: { form: one(p, '#price') } });
      assert.deepEqual(fieldMessages(p, one(p, '#price')), ['Not a number.']);
      assert.deepEqual(details(p), []);
    });

    test('settings.error: a request the plugin leaves alone keeps no error callback of its own', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      const fallback: string[] = [];
      p.$(p.document).on('ajaxError', (_event: unknown, _jqXHR: unknown, settings: any) => {
        if (!settings.error) fallback.push(settings.url);
      });
      const url = respondUrl(500, { detail: 'Down.' }) + '&optout=' + jquery;
      await ajax(p, { url, apiErrors: false });
      assert.deepEqual(fallback, [url]);
      const pageComplete = (): void => {};
      let seen: any;
      await ajax(p, { url, global: false, complete: pageComplete, beforeSend: (_x: unknown, settings: any) => { seen = settings; } });
      assert.equal(seen.error, undefined);
      assert.equal(seen.complete, pageComplete);
      assert.deepEqual(toastMessages(p), []);
    });

    test('name="tags[]" is the field for the error key tags', async (t) => {
      const p = fixture.page(t, { jquery, body: '<form id="f"><input name="tags[]" value="a"><input name="tags[]" value="b"></form>' });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { tags: ['Pick at most one.'] }), apiErrors: { form: '#f' } });
      const inputs = Array.from(p.document.querySelectorAll('input'));
      assert.deepEqual(inputs.map((input) => fieldMessages(p, input)), [['Pick at most one.'], ['Pick at most one.']]);
      assert.deepEqual(details(p), []);
    });

    test('Bootstrap 5: the page\'s .invalid-feedback holds our message instead of its static text, until cleared', async (t) => {
      const p = fixture.page(t, {
        jquery,
        body: '<form id="f"><div class="input-group has-validation"><span class="input-group-text">@</span>' +
          '<input name="username" class="form-control"><div class="invalid-feedback">Please choose a username.</div></div></form>',
      });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { username: ['This username is taken.'] }), apiErrors: { form: '#f' } });
      const feedback = one(p, '.invalid-feedback');
      assert.equal(feedback.textContent, 'Error: This username is taken.');
      assert.deepEqual(fieldMessages(p, one(p, '[name="username"]')), ['This username is taken.']);
      await ajax(p, { url: '/ok', apiErrors: { form: '#f' } });
      assert.equal(feedback.textContent, 'Please choose a username.');
      assert.equal(one(p, '[name="username"]').classList.contains('is-invalid'), false);
    });

    test('Bootstrap 5: without a .invalid-feedback, our message goes after the .input-group, not into its flex row', async (t) => {
      const p = fixture.page(t, {
        jquery,
        body: '<form id="f"><div class="input-group"><span class="input-group-text">@</span><input name="username" class="form-control"></div></form>',
      });
      p.ApiErrors.installApiErrors();
      await ajax(p, { url: respondUrl(400, { username: ['This username is taken.'] }), apiErrors: { form: '#f' } });
      const message = one(p, '.api-errors-message');
      assert.equal(message.textContent, 'Error: This username is taken.');
      assert.equal(message.closest('.input-group'), null);
      assert.equal(one(p, '.input-group').nextElementSibling, message);
    });

    test('error callback that throws: reported, then thrown again for window.onerror; $.active returns to 0', async (t) => {
      const p = fixture.page(t, { jquery });
      p.ApiErrors.installApiErrors();
      const seen: string[] = [];
      p.window.addEventListener('error', (event: any) => {
        seen.push(String(event.error && event.error.message));
        event.preventDefault();
      });
      const jqXHR = p.$.ajax({
        url: respondUrl(400, { detail: 'Nope.' }),
        error: () => {
          throw new Error('page bug');
        },
      });
      await settled(p, jqXHR, 20);
      assert.deepEqual(seen, ['page bug']);
      assert.equal(p.$.active, 0);
      assert.deepEqual(toastMessages(p), ['Nope.']);
      assert.match(p.consoleErrors.join('\n'), /page bug/);
    });

    test('auto-install: a script tag before jQuery does not replace the page\'s own installApiErrors', async (t) => {
      const p = await autoInstallPage(t, fixture.server, jquery);
      const jqXHR = p.$.ajax({ url: respondUrl(400, { detail: 'Nope.' }) });
      await settled(p, jqXHR);
      assert.deepEqual(Array.from(p.window.mine), ['Nope.']);
      assert.deepEqual(toastMessages(p), [], 'the built-in toast is not used');
    });
  });
}

/**
 * Sends `url` with a `complete` or `error` callback that sends its own settings again
 * (`$.ajax(this)`), `total` times. Each pass must run as deep in the stack as the 11th: a stack
 * that grows with every request overflows after a few thousand, taking the page (and this test
 * process) down, so the loop stops as soon as it grows.
 */
function retryLoop(p: TestPage, loop: { url: string; callback: 'complete' | 'error'; total: number }): Promise<void> {
  p.window.Error.stackTraceLimit = Infinity;
  const depth = (): number => String(new p.window.Error().stack).split('\n').length;
  let sent = 1;
  let usual = 0;
  return new Promise<void>((resolve, reject) => {
    const watch = setInterval(() => {
      if (p.$.active > 0) return;
      clearInterval(watch);
      if (sent < loop.total) reject(new Error(`the loop stopped after ${sent} requests: ${p.consoleErrors[0]}`));
    }, 100);
    const finish = (error?: Error): void => {
      clearInterval(watch);
      if (error) reject(error);
      else resolve();
    };
    p.$.ajax({
      url: loop.url,
      [loop.callback](this: unknown) {
        if (sent === 11) usual = depth();
        if (sent > 11 && sent % 100 === 0 && depth() !== usual) {
          return finish(new Error(`request ${sent} runs ${depth()} frames deep, the 11th ran ${usual}`));
        }
        if (sent === loop.total) return finish();
        sent++;
        p.$.ajax(this);
      },
    });
  });
}

/** A jsdom page that loads <script src> from the network (JSONP, $.getScript). */
function scriptLoadingPage(t: { after(fn: () => void): void }, origin: string, jquery: JQueryVersion): TestPage {
  const virtualConsole = new VirtualConsole();
  const consoleErrors: string[] = [];
  virtualConsole.on('error', (...args: unknown[]) => consoleErrors.push(args.map(String).join(' ')));
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
    url: origin + '/page.html',
    runScripts: 'dangerously',
    resources: 'usable',
    virtualConsole,
  });
  const window = dom.window as any;
  window.eval(jquerySource(jquery));
  window.eval(pluginSource());
  t.after(() => window.close());
  return { window, document: window.document, $: window.jQuery, Backbone: undefined, ApiErrors: window.ApiErrors, consoleErrors, uncaught: [], close: () => window.close() };
}

/** The plugin's script tag with data-auto-install, then jQuery, then the page's own installation. */
async function autoInstallPage(t: { after(fn: () => void): void }, server: TestServer, jquery: JQueryVersion): Promise<TestPage> {
  server.route('/plugin.js', { status: 200, contentType: 'application/javascript', body: pluginSource() });
  server.route(`/jquery-${jquery}.js`, { status: 200, contentType: 'application/javascript', body: jquerySource(jquery) });
  const html = '<!DOCTYPE html><html><head><script src="/plugin.js" data-auto-install></script>' +
    `<script src="/jquery-${jquery}.js"></script>` +
    '<script>window.mine = []; ApiErrors.installApiErrors({ toast: function (message) { mine.push(message); } });</script>' +
    '</head><body></body></html>';
  const dom = new JSDOM(html, { url: server.origin + '/page.html', runScripts: 'dangerously', resources: 'usable' });
  const window = dom.window as any;
  t.after(() => window.close());
  await once(window, 'load');
  return { window, document: window.document, $: window.jQuery, Backbone: undefined, ApiErrors: window.ApiErrors, consoleErrors: [], uncaught: [], close: () => window.close() };
}

describe('async: false (a server in another process: a synchronous request blocks this one)', () => {
  let origin = '';
  let child: ReturnType<typeof spawn>;
  before(async () => {
    // tsx loads the module as CommonJS here, so its exports may sit on `default`.
    const script = `import(${JSON.stringify(join(ROOT, 'test/helpers/server.ts'))}).then(async (m) => {
      const server = await (m.startServer || m.default.startServer)();
      console.log(server.origin);
    })`;
    child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const started = once(child.stdout!, 'data') as Promise<[Buffer]>;
    const exited = once(child, 'exit').then(() => {
      throw new Error('the server process exited');
    });
    const [chunk] = await Promise.race([started, exited]);
    origin = chunk.toString().trim();
  });
  after(() => {
    child.kill();
  });

  for (const jquery of JQUERY_VERSIONS) {
    test(`markHandled: .fail(markHandled) attached after an async: false $.ajax() is seen (jQuery ${jquery})`, async (t) => {
      const p = openPage({ origin, jquery });
      t.after(() => p.close());
      p.ApiErrors.installApiErrors();
      const shown: string[] = [];
      const jqXHR = p.$.ajax({ url: respondUrl(400, { detail: 'Nope.' }), async: false });
      assert.equal(jqXHR.status, 400, 'the request completed inside $.ajax()');
      jqXHR.fail(() => {
        p.ApiErrors.markHandled(jqXHR);
        shown.push('the page\'s own message');
      });
      await wait(p, 30);
      assert.deepEqual(shown, ['the page\'s own message']);
      assert.deepEqual(toastMessages(p), []);
    });
  }

  test('async: false, a failure then a success for the same form in one task: the success clears what the failure drew', async (t) => {
    const p = openPage({ origin, jquery: '3.7', body: '<form id="f"><input name="email"></form>' });
    t.after(() => p.close());
    p.ApiErrors.installApiErrors();
    p.$.ajax({ url: respondUrl(400, { email: ['Bad.'] }), async: false, apiErrors: { form: '#f' } });
    p.$.ajax({ url: respondUrl(200, { ok: true }), async: false, apiErrors: { form: '#f' } });
    await wait(p, 30);
    assert.equal(fieldMessages(p, p.document.querySelector('input')!), null);
  });
});

const BACKBONE_PAIRS: Array<{ page: JQueryVersion; bundled: JQueryVersion }> = [
  { page: '1.12', bundled: '3.7' },
  { page: '3.7', bundled: '4.0' },
];

for (const backbone of BACKBONE_VERSIONS) {
  for (const pair of BACKBONE_PAIRS) {
    test(`Backbone.$ is not window.jQuery: a successful save clears the errors the failed one drew (Backbone ${backbone}, page jQuery ${pair.page}, Backbone.$ ${pair.bundled})`, async (t) => {
      const p = fixture.page(t, { jquery: pair.page, backbone, body: '<form id="f"><input name="email"></form>' });
      p.window.eval(jquerySource(pair.bundled));
      const bundled = p.window.jQuery.noConflict(true);
      assert.equal(p.window.jQuery, p.$, 'the page keeps its own jQuery');
      p.Backbone.$ = bundled;
      p.ApiErrors.installApiErrors({ Backbone: p.Backbone });
      await saveFailThenSucceed(p);
    });
  }

  test(`replaced Backbone.ajax: a successful save clears the errors the failed one drew (Backbone ${backbone})`, async (t) => {
    const p = fixture.page(t, { jquery: '3.7', backbone, body: '<form id="f"><input name="email"></form>' });
    p.window.eval(jquerySource('4.0'));
    const other = p.window.jQuery.noConflict(true);
    p.Backbone.ajax = (...args: unknown[]) => other.ajax(...args);
    p.ApiErrors.installApiErrors({ Backbone: p.Backbone });
      await saveFailThenSucceed(p);
  });

  test(`form gone: a view removed while its save was in flight puts the errors in the toast (Backbone ${backbone})`, async (t) => {
    const p = fixture.page(t, { jquery: '3.7', backbone, body: '<div id="page"><form id="f"><input name="email"></form></div>' });
    p.ApiErrors.installApiErrors();
    const model = new (p.Backbone.Model.extend({ url: respondUrl(400, { email: ['Taken.'] }) }))();
    model.save({ email: 'a@b.c' }, { apiErrors: { form: one(p, '#f') } });
    one(p, '#page').remove();
    await idle(p);
    assert.deepEqual(details(p), ['email: Taken.']);
  });
}

/** A model save that fails with a field error, then one that succeeds, for the same form. */
async function saveFailThenSucceed(p: TestPage): Promise<void> {
  const input = one(p, '[name="email"]');
  let url = respondUrl(400, { email: ['Taken.'] });
  const model = new (p.Backbone.Model.extend({ url: () => url }))();
  await new Promise<void>((resolve) => model.save({ email: 'a@b.c' }, { apiErrors: { form: '#f' }, error: () => resolve() }));
  await wait(p, 20);
  assert.deepEqual(fieldMessages(p, input), ['Taken.'], 'the failed save marked the field');
  url = '/ok';
  await new Promise<void>((resolve) => model.save({ email: 'd@e.f' }, { apiErrors: { form: '#f' }, success: () => resolve() }));
  await wait(p, 20);
  assert.equal(fieldMessages(p, input), null, 'the successful save cleared it');
  assert.equal(p.document.querySelectorAll('.api-errors-message').length, 0);
}
