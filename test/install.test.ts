// Installing and shipping: the script-tag build on a page with no code of its own
// (data-auto-install), the ES and CommonJS modules in Node and against a jsdom page's jQuery,
// and what installing, reinstalling, uninstalling and per-request options do.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { respondUrl, startServer, type TestServer } from './helpers/server.ts';
import {
  ENVELOPE_400,
  ROOT,
  ajax,
  fieldMessages,
  idle,
  openPage,
  pluginSource,
  toastMessages,
  toasts,
  type PageOptions,
  type TestPage,
} from './helpers/page.ts';

const PUBLIC_NAMES = [
  'clearFieldErrors',
  'defaultRenderField',
  'defaultToast',
  'installApiErrors',
  'markHandled',
  'parseApiError',
  'version',
];
const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const requireFromHere = createRequire(import.meta.url);
const CJS_PATH = join(ROOT, 'dist/api-errors.cjs');
const ESM_URL = pathToFileURL(join(ROOT, 'dist/api-errors.mjs')).href;

const FORM = '<form id="signup"><input name="email"></form>';
/** A body with no message of its own, so `messages` and `fallbackMessage` decide. */
const NO_MESSAGE_HTML = '<html><body><h1>Server Error (500)</h1></body></html>';

async function serverFor(t: TestContext): Promise<TestServer> {
  const server = await startServer();
  t.after(() => server.close());
  return server;
}

async function pageFor(t: TestContext, options: Partial<PageOptions> = {}): Promise<{ server: TestServer; page: TestPage }> {
  const server = await serverFor(t);
  const page = openPage({ origin: server.origin, body: FORM, ...options });
  t.after(() => page.close());
  return { server, page };
}

/** Counts `$(document)` api:error events on a page. */
function countEvents(page: TestPage): { count: number; errors: any[] } {
  const seen = { count: 0, errors: [] as any[] };
  page.$(page.document).on('api:error', (_event: unknown, error: unknown) => {
    seen.count++;
    seen.errors.push(error);
  });
  return seen;
}

/** A toast option that records each call and draws nothing. */
function recordingToast(): { calls: string[]; toast: (message: string) => void } {
  const calls: string[] = [];
  return { calls, toast: (message: string) => void calls.push(message) };
}

// ---------------------------------------------------------------------------------------------
// The script tag

const scriptSource = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const JQUERY_SOURCE = scriptSource('node_modules/jquery-3.7/dist/jquery.js');

interface ScriptPage extends TestPage {
  loaded: Promise<void>;
}

/** A page whose own <script> tags load jQuery and the minified plugin, as a legacy page would. */
function openScriptPage(t: TestContext, origin: string, head: string): ScriptPage {
  const consoleErrors: string[] = [];
  const uncaught: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => consoleErrors.push(args.map(String).join(' ')));
  virtualConsole.on('jsdomError', (error: Error) => uncaught.push(String(error && error.message)));
  const dom = new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${FORM}</body></html>`, {
    url: origin + '/legacy.html',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
  });
  const window = dom.window as any;
  t.after(() => window.close());
  const loaded = new Promise<void>((resolve) => {
    if (window.document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve());
  });
  return {
    window,
    document: window.document,
    get $() {
      return window.jQuery;
    },
    Backbone: window.Backbone,
    get ApiErrors() {
      return window.ApiErrors;
    },
    consoleErrors,
    uncaught,
    close: () => window.close(),
    loaded,
  } as ScriptPage;
}

const jqueryTag = `<script>${JQUERY_SOURCE}</script>`;
const pluginTag = (attributes = ''): string => `<script${attributes}>${scriptSource('dist/api-errors.min.js')}</script>`;

test('script tag with data-auto-install: a failed request shows a toast with no code on the page', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, jqueryTag + pluginTag(' data-auto-install'));
  await page.loaded;
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
  assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.uncaught, []);
});

test('script tag without data-auto-install: only window.ApiErrors is defined, failures show nothing', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, jqueryTag + pluginTag());
  await page.loaded;
  assert.equal(typeof page.ApiErrors, 'object');
  let events = 0;
  page.$(page.document).on('api:error', () => events++);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toasts(page), []);
  assert.equal(events, 0);
  assert.equal(page.document.querySelector('[aria-invalid]'), null);
  // The page installs it itself when it wants it.
  page.ApiErrors.installApiErrors();
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('script tag: window.ApiErrors has exactly the public names of the API', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, jqueryTag + pluginTag());
  assert.deepEqual(Object.keys(page.ApiErrors).sort(), PUBLIC_NAMES);
  for (const name of PUBLIC_NAMES.filter((name) => name !== 'version')) {
    assert.equal(typeof page.ApiErrors[name], 'function', name);
  }
});

test('script tag: ApiErrors.version is the version in package.json', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, jqueryTag + pluginTag());
  assert.equal(page.ApiErrors.version, PACKAGE_VERSION);
  assert.match(scriptSource('dist/api-errors.min.js'), new RegExp(`jquery-api-errors ${PACKAGE_VERSION.replace(/\./g, '\\.')}`));
});

test('script tag: data-auto-install placed before jQuery installs once the DOM is loaded', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, pluginTag(' data-auto-install') + jqueryTag);
  await page.loaded;
  assert.equal(typeof page.$, 'function');
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
  assert.deepEqual(page.consoleErrors, [], 'no "jQuery was not found" error on the way');
});

test('script tag: data-auto-install and the page\'s own installApiErrors still give one toast', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, jqueryTag + pluginTag(' data-auto-install'));
  await page.loaded;
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast });
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(recorded.calls, ['Validation failed'], 'the page\'s installation replaced the automatic one');
  assert.deepEqual(toasts(page), []);
});

const backboneTags = ['node_modules/underscore/underscore-umd.js', 'node_modules/backbone-1.6/backbone.js']
  .map((path) => `<script>${scriptSource(path)}</script>`)
  .join('');

for (const order of ['after Backbone', 'between jQuery and Backbone'] as const) {
  test(`script tag with data-auto-install ${order}: a failed model.save shows one toast`, async (t) => {
    const server = await serverFor(t);
    server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const head = order === 'after Backbone'
      ? jqueryTag + backboneTags + pluginTag(' data-auto-install')
      : jqueryTag + pluginTag(' data-auto-install') + backboneTags;
    const page = openScriptPage(t, server.origin, head);
    await page.loaded;
    await saveFailsOnce(page);
  });
}

async function saveFailsOnce(page: ScriptPage): Promise<void> {
  const Backbone = page.window.Backbone;
  let modelEvents = 0;
  let documentEvents = 0;
  page.$(page.document).on('api:error', () => documentEvents++);
  const user = new (Backbone.Model.extend({ urlRoot: '/api/users' }))({ email: 'x' });
  user.on('api:error', () => modelEvents++);
  user.save(null, { apiErrors: { form: '#signup' } });
  await idle(page);
  assert.deepEqual(toastMessages(page), ['Validation failed']);
  assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
  assert.equal(modelEvents, 1);
  assert.equal(documentEvents, 1);
  assert.deepEqual(page.consoleErrors, []);
}

test('script tag with data-auto-install and no jQuery on the page: an error is logged, nothing throws', async (t) => {
  const server = await serverFor(t);
  const page = openScriptPage(t, server.origin, pluginTag(' data-auto-install'));
  await page.loaded;
  assert.deepEqual(page.uncaught, []);
  assert.equal(typeof page.window.ApiErrors.installApiErrors, 'function');
  assert.ok(page.consoleErrors.some((line) => /jQuery was not found/.test(line)), page.consoleErrors.join('\n'));
});

// ---------------------------------------------------------------------------------------------
// The modules

/** Runs `code` in a fresh Node whose window/document/jQuery globals record every read. */
function runWithTrappedGlobals(code: string, type: 'commonjs' | 'module'): any {
  const trap = `
    const touched = [];
    for (const name of ['window', 'document', 'jQuery', '$', 'Backbone', 'navigator', 'self']) {
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined; } });
    }
    globalThis.__touched = touched;
  `;
  const output = execFileSync(process.execPath, ['--input-type=' + type, '-e', trap + code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output);
}

test('the CommonJS build requires cleanly in Node without touching window, document or jQuery', () => {
  const result = runWithTrappedGlobals(
    `const api = require(${JSON.stringify(CJS_PATH)});
     console.log(JSON.stringify({ names: Object.keys(api).sort(), touched: globalThis.__touched, version: api.version }));`,
    'commonjs',
  );
  assert.deepEqual(result.touched, []);
  assert.deepEqual(result.names, PUBLIC_NAMES);
  assert.equal(result.version, PACKAGE_VERSION);
});

test('the ES module imports cleanly in Node without touching window, document or jQuery', () => {
  const result = runWithTrappedGlobals(
    `const api = await import(${JSON.stringify(ESM_URL)});
     console.log(JSON.stringify({ names: Object.keys(api).sort(), touched: globalThis.__touched, version: api.version }));`,
    'module',
  );
  assert.deepEqual(result.touched, []);
  assert.deepEqual(result.names, PUBLIC_NAMES);
  assert.equal(result.version, PACKAGE_VERSION);
});

test('the CommonJS and ES builds export the same names as the script build', async () => {
  const cjs = requireFromHere(CJS_PATH);
  const esm = await import(ESM_URL);
  assert.deepEqual(Object.keys(cjs).sort(), PUBLIC_NAMES);
  assert.deepEqual(Object.keys(esm).sort(), PUBLIC_NAMES);
  for (const name of PUBLIC_NAMES) assert.equal(typeof cjs[name], typeof esm[name], name);
  assert.equal(cjs.version, PACKAGE_VERSION);
  assert.equal(esm.version, PACKAGE_VERSION);
});

test('the CommonJS build installed with explicit jQuery and Backbone works on a jsdom page', async (t) => {
  const { server, page } = await pageFor(t, { plugin: 'none', backbone: '1.6' });
  const cjs = requireFromHere(CJS_PATH);
  const installation = cjs.installApiErrors({ jQuery: page.$, Backbone: page.Backbone });
  t.after(() => installation.uninstall());
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
  assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
  assert.equal(events.count, 1);
  // And Backbone's requests, through the wrapped Backbone.sync.
  server.route('/api/items', { status: 503, body: { error: { message: 'Items are offline.', code: 'OFFLINE' } } });
  const modelEvents: unknown[] = [];
  const Items = page.Backbone.Collection.extend({ url: '/api/items' });
  const items = new Items();
  items.on('api:error', () => modelEvents.push('collection'));
  const item = new (page.Backbone.Model.extend({ urlRoot: '/api/items' }))();
  item.on('api:error', (_model: unknown, error: any) => modelEvents.push(error.code));
  item.save({ name: 'x' });
  await idle(page);
  assert.deepEqual(modelEvents, ['OFFLINE']);
  assert.deepEqual(toastMessages(page), ['Validation failed', 'Items are offline.']);
  assert.equal(events.count, 2);
});

test('the CommonJS build works on a noConflict page given the jQuery instance', async (t) => {
  const { page } = await pageFor(t, { plugin: 'none' });
  const jq = page.$.noConflict(true);
  assert.equal(page.window.jQuery, undefined);
  assert.equal(page.window.$, undefined);
  const cjs = requireFromHere(CJS_PATH);
  const installation = cjs.installApiErrors({ jQuery: jq });
  t.after(() => installation.uninstall());
  const jqXHR = jq.ajax({ url: respondUrl(400, ENVELOPE_400) });
  await new Promise<void>((resolve) => jqXHR.always(() => page.window.setTimeout(resolve, 20)));
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('the script build works on a noConflict page given the jQuery instance', async (t) => {
  const { page } = await pageFor(t);
  const jq = page.$.noConflict(true);
  const installation = page.ApiErrors.installApiErrors({ jQuery: jq });
  t.after(() => installation.uninstall());
  assert.deepEqual(page.consoleErrors, []);
  const jqXHR = jq.ajax({ url: respondUrl(400, ENVELOPE_400) });
  await new Promise<void>((resolve) => jqXHR.always(() => page.window.setTimeout(resolve, 20)));
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('installing in Node without any jQuery logs an error and returns { uninstall } instead of throwing', (t) => {
  const cjs = requireFromHere(CJS_PATH);
  const logged: string[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  const installation = cjs.installApiErrors();
  assert.equal(typeof installation.uninstall, 'function');
  installation.uninstall();
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /jQuery was not found/);
});

test('installing on a page whose jQuery went away (noConflict) logs an error instead of throwing', async (t) => {
  const { page } = await pageFor(t);
  page.$.noConflict(true);
  const installation = page.ApiErrors.installApiErrors();
  assert.equal(typeof installation.uninstall, 'function');
  installation.uninstall();
  assert.ok(page.consoleErrors.some((line) => /jQuery was not found/.test(line)), page.consoleErrors.join('\n'));
  assert.deepEqual(page.uncaught, []);
});

// ---------------------------------------------------------------------------------------------
// Installing, reinstalling, uninstalling

test('installing twice handles each failure once', async (t) => {
  const { page } = await pageFor(t);
  const events = countEvents(page);
  page.ApiErrors.installApiErrors();
  page.ApiErrors.installApiErrors();
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(events.count, 1);
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('the second installation\'s options win', async (t) => {
  const { page } = await pageFor(t);
  const first = recordingToast();
  const second = recordingToast();
  page.ApiErrors.installApiErrors({ toast: first.toast, fallbackMessage: 'First.' });
  page.ApiErrors.installApiErrors({ toast: second.toast, fallbackMessage: 'Second.' });
  await ajax(page, { url: respondUrl(500, NO_MESSAGE_HTML, { type: 'html' }) });
  assert.deepEqual(first.calls, []);
  assert.deepEqual(second.calls, ['Second.']);
});

test('after uninstall failures show nothing', async (t) => {
  const { page } = await pageFor(t);
  const events = countEvents(page);
  const installation = page.ApiErrors.installApiErrors();
  installation.uninstall();
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(events.count, 0);
  assert.deepEqual(toasts(page), []);
  assert.equal(page.document.querySelector('[aria-invalid]'), null);
});

test('installing again after uninstall works', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors().uninstall();
  page.ApiErrors.installApiErrors();
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('uninstalling a replaced installation leaves the current one working', async (t) => {
  const { page } = await pageFor(t);
  const first = page.ApiErrors.installApiErrors();
  page.ApiErrors.installApiErrors();
  first.uninstall();
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('two copies of the script build, one installed: one toast', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors();
  page.window.eval(pluginSource());
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(events.count, 1);
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('two copies of the script build, both installed: one toast', async (t) => {
  const { page } = await pageFor(t);
  const firstCopy = page.ApiErrors;
  const first = recordingToast();
  firstCopy.installApiErrors({ toast: first.toast });
  page.window.eval(pluginSource());
  const secondCopy = page.window.ApiErrors;
  assert.notEqual(secondCopy, firstCopy);
  const second = recordingToast();
  secondCopy.installApiErrors({ toast: second.toast });
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(first.calls, []);
  assert.deepEqual(second.calls, ['Validation failed']);
  assert.equal(events.count, 1);
});

test('the CommonJS build and the script build on one page: one toast', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors();
  const cjs = requireFromHere(CJS_PATH);
  const installation = cjs.installApiErrors({ jQuery: page.$ });
  t.after(() => installation.uninstall());
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(events.count, 1);
  assert.deepEqual(toastMessages(page), ['Validation failed']);
});

test('markHandled from another copy of the plugin is honoured', async (t) => {
  const { page } = await pageFor(t);
  const installed = page.ApiErrors;
  installed.installApiErrors();
  const cjs = requireFromHere(CJS_PATH);
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400), error: (jqXHR: unknown) => cjs.markHandled(jqXHR) });
  assert.equal(events.count, 0);
  assert.deepEqual(toasts(page), []);
});

test('two copies both installed with Backbone: a failed save is handled once', async (t) => {
  const { server, page } = await pageFor(t, { backbone: '1.6' });
  server.route('/api/users', { status: 400, body: ENVELOPE_400 });
  page.ApiErrors.installApiErrors();
  page.window.eval(pluginSource());
  const recorded = recordingToast();
  page.window.ApiErrors.installApiErrors({ toast: recorded.toast });
  const events = countEvents(page);
  new (page.Backbone.Model.extend({ urlRoot: '/api/users' }))({ email: 'x' }).save();
  await idle(page);
  assert.deepEqual(recorded.calls, ['Validation failed']);
  assert.equal(events.count, 1);
});

// ---------------------------------------------------------------------------------------------
// Options: per request, $.ajaxSetup, shouldHandle, messages

test('per request apiErrors: { toast: false } draws the field errors but no toast', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors();
  const events = countEvents(page);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400), apiErrors: { toast: false } });
  assert.deepEqual(toasts(page), []);
  assert.deepEqual(fieldMessages(page, page.document.querySelector('[name="email"]')!), ['Enter a valid email address.']);
  assert.equal(events.count, 1);
});

test('per request apiErrors: { messages } overrides the installed messages', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast, messages: { 503: 'Installed 503.' } });
  await ajax(page, { url: respondUrl(503, NO_MESSAGE_HTML, { type: 'html' }), apiErrors: { messages: { 503: 'Back in five minutes.' } } });
  await ajax(page, { url: respondUrl(503, NO_MESSAGE_HTML, { type: 'html' }) });
  assert.deepEqual(recorded.calls, ['Back in five minutes.', 'Installed 503.']);
});

test('per request apiErrors: { fallbackMessage } is used when the server gave no message', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast });
  await ajax(page, { url: respondUrl(500, NO_MESSAGE_HTML, { type: 'html' }), apiErrors: { fallbackMessage: 'Could not save the order.' } });
  await ajax(page, { url: respondUrl(500, NO_MESSAGE_HTML, { type: 'html' }) });
  assert.deepEqual(recorded.calls, ['Could not save the order.', 'Request failed.']);
});

test('per request apiErrors: { toast: fn } replaces the installed toast for that request', async (t) => {
  const { page } = await pageFor(t);
  const installed = recordingToast();
  const perRequest = recordingToast();
  page.ApiErrors.installApiErrors({ toast: installed.toast });
  await ajax(page, { url: respondUrl(400, ENVELOPE_400), apiErrors: { toast: perRequest.toast } });
  assert.deepEqual(installed.calls, []);
  assert.deepEqual(perRequest.calls, ['Validation failed']);
});

test('$.ajaxSetup({ apiErrors }) sets defaults for every request', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast });
  page.$.ajaxSetup({ apiErrors: { fallbackMessage: 'From ajaxSetup.', messages: { 502: 'The gateway is down.' } } });
  await ajax(page, { url: respondUrl(500, NO_MESSAGE_HTML, { type: 'html' }) });
  await ajax(page, { url: respondUrl(502, NO_MESSAGE_HTML, { type: 'html' }) });
  assert.deepEqual(recorded.calls, ['From ajaxSetup.', 'The gateway is down.']);
});

test('a request\'s own apiErrors override $.ajaxSetup\'s, key by key', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast });
  page.$.ajaxSetup({ apiErrors: { fallbackMessage: 'From ajaxSetup.', messages: { 502: 'The gateway is down.' } } });
  await ajax(page, { url: respondUrl(500, NO_MESSAGE_HTML, { type: 'html' }), apiErrors: { fallbackMessage: 'Mine.' } });
  await ajax(page, { url: respondUrl(502, NO_MESSAGE_HTML, { type: 'html' }), apiErrors: { fallbackMessage: 'Mine.' } });
  assert.deepEqual(recorded.calls, ['Mine.', 'The gateway is down.']);
});

test('$.ajaxSetup({ apiErrors: { toast: false } }) turns the toast off unless a request turns it back on', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors();
  page.$.ajaxSetup({ apiErrors: { toast: false } });
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.deepEqual(toasts(page), []);
  await ajax(page, { url: respondUrl(503, { error: { message: 'Down.' } }), apiErrors: { toast: true } });
  assert.deepEqual(toastMessages(page), ['Down.']);
});

test('$.ajaxSetup apiErrors defaults apply to Backbone requests too', async (t) => {
  const { server, page } = await pageFor(t, { backbone: '1.6' });
  server.route('/api/users', { status: 502, body: NO_MESSAGE_HTML, contentType: 'text/html' });
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast });
  page.$.ajaxSetup({ apiErrors: { messages: { 502: 'The gateway is down.' } } });
  let apiError: any = null;
  new (page.Backbone.Model.extend({ urlRoot: '/api/users' }))({ email: 'x' }).save(null, {
    error: (_model: unknown, _xhr: unknown, options: any) => (apiError = options.apiError),
  });
  await idle(page);
  assert.equal(apiError && apiError.message, 'The gateway is down.');
  assert.deepEqual(recorded.calls, ['The gateway is down.']);
});

test('$.ajaxSetup({ apiErrors: false }) turns the plugin off for Backbone requests too', async (t) => {
  const { server, page } = await pageFor(t, { backbone: '1.1' });
  server.route('/api/users', { status: 400, body: ENVELOPE_400 });
  page.ApiErrors.installApiErrors();
  page.$.ajaxSetup({ apiErrors: false });
  const events = countEvents(page);
  let apiError: unknown = 'unset';
  new (page.Backbone.Model.extend({ urlRoot: '/api/users' }))({ email: 'x' }).save(null, {
    error: (_model: unknown, _xhr: unknown, options: any) => (apiError = options.apiError),
  });
  await idle(page);
  assert.equal(apiError, undefined);
  assert.equal(events.count, 0);
  assert.deepEqual(toasts(page), []);
});

test('shouldHandle returning false leaves the request alone; it gets the jqXHR and settings', async (t) => {
  const { page } = await pageFor(t);
  const calls: any[][] = [];
  page.ApiErrors.installApiErrors({
    shouldHandle: (jqXHR: unknown, settings: any) => {
      calls.push([jqXHR, settings]);
      return settings.url.indexOf('status=404') === -1;
    },
  });
  const events = countEvents(page);
  const { jqXHR } = await ajax(page, { url: respondUrl(404, { detail: 'Not found.' }) });
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![0], jqXHR);
  assert.equal(events.count, 0);
  assert.deepEqual(toasts(page), []);
  await ajax(page, { url: respondUrl(400, ENVELOPE_400) });
  assert.equal(events.count, 1);
});

test('shouldHandle that throws is reported and the failure is still handled', async (t) => {
  const { page } = await pageFor(t);
  page.ApiErrors.installApiErrors({
    shouldHandle: () => {
      throw new Error('shouldHandle exploded');
    },
  });
  let completed = 0;
  await ajax(page, { url: respondUrl(400, ENVELOPE_400), complete: () => completed++ });
  assert.ok(page.consoleErrors.some((line) => line.includes('shouldHandle exploded')), page.consoleErrors.join('\n'));
  assert.deepEqual(toastMessages(page), ['Validation failed']);
  assert.equal(completed, 1);
  assert.equal(page.$.active, 0);
  assert.deepEqual(page.uncaught, []);
});

test('messages by code: { TIMEOUT } is shown for a request that timed out', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast, messages: { TIMEOUT: 'The server is taking too long.' } });
  const events = countEvents(page);
  const { jqXHR } = await ajax(page, { url: respondUrl(200, { ok: true }, { delay: 400 }), timeout: 50 });
  assert.equal(jqXHR.statusText, 'timeout');
  assert.deepEqual(recorded.calls, ['The server is taking too long.']);
  assert.equal(events.errors[0].code, 'TIMEOUT');
  assert.equal(events.errors[0].status, 0);
});

test('messages by status: { 401 } is shown when the server gave no message', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast, messages: { 401: 'Please sign in again.' } });
  await ajax(page, { url: respondUrl(401, '', { type: 'none' }) });
  assert.deepEqual(recorded.calls, ['Please sign in again.']);
});

test('messages are not used when the server gave a message', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({
    toast: recorded.toast,
    messages: { 401: 'Please sign in again.', NOT_AUTHENTICATED: 'By code.' },
  });
  await ajax(page, { url: respondUrl(401, { detail: 'Authentication credentials were not provided.' }) });
  assert.deepEqual(recorded.calls, ['Authentication credentials were not provided.']);
});

test('messages by code win over messages by status', async (t) => {
  const { page } = await pageFor(t);
  const recorded = recordingToast();
  page.ApiErrors.installApiErrors({ toast: recorded.toast, messages: { 500: 'By status.', DB_DOWN: 'The database is down.' } });
  // The envelope without a message: the server's code decides, then the status.
  await ajax(page, { url: respondUrl(500, { error: { code: 'DB_DOWN', status: 500 } }) });
  await ajax(page, { url: respondUrl(500, { error: { code: 'DISK_FULL', status: 500 } }) });
  assert.deepEqual(recorded.calls, ['The database is down.', 'By status.']);
});
