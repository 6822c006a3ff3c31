// The Backbone adapter, on real pages: Backbone 1.1, 1.4 and 1.6 with jQuery 3.7, plus the
// extremes (Backbone 1.1 + jQuery 1.12, Backbone 1.6 + jQuery 4.0), sending real requests to the
// test server through model.save, fetch, destroy and collection.create.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './helpers/server.ts';
import {
  ENVELOPE_400,
  fieldMessages,
  idle,
  openPage,
  settled,
  toastMessages,
  toasts,
  wait,
  type BackboneVersion,
  type JQueryVersion,
  type TestPage,
} from './helpers/page.ts';

interface Combo {
  backbone: BackboneVersion;
  jquery: JQueryVersion;
}

const COMBOS: Combo[] = [
  { backbone: '1.1', jquery: '3.7' },
  { backbone: '1.4', jquery: '3.7' },
  { backbone: '1.6', jquery: '3.7' },
  { backbone: '1.1', jquery: '1.12' },
  { backbone: '1.6', jquery: '4.0' },
];
/** The oldest and newest Backbone, for behaviour that does not vary with jQuery. */
const EDGES: Combo[] = [COMBOS[0]!, COMBOS[4]!];
const label = (combo: Combo): string => `Backbone ${combo.backbone} + jQuery ${combo.jquery}`;

const FORM = '<form id="signup"><input name="email"><input name="name"></form>';

const ENVELOPE_500 = {
  error: { message: 'The server is down for maintenance.', code: 'MAINTENANCE', status: 503, correlation_id: 'c-503' },
};

interface Harness {
  server: TestServer;
  page: TestPage;
  Backbone: any;
  $: any;
  form: HTMLFormElement;
  /** Every call of the toast renderer (the default toast, wrapped), so duplicates are not hidden
   * by the default toast's own "same message within 2 s" rule. */
  toastCalls: string[];
  /** Every `$(document)` api:error: [error, jqXHR]. */
  documentEvents: any[][];
  installation: { uninstall(): void } | null;
  /** A model class saving to /api/users (POST) or /api/users/:id. */
  User: any;
}

async function setup(
  t: TestContext,
  combo: Combo,
  options: { install?: boolean; installOptions?: Record<string, unknown> } = {},
): Promise<Harness> {
  const server = await startServer();
  const page = openPage({ origin: server.origin, jquery: combo.jquery, backbone: combo.backbone, body: FORM });
  t.after(async () => {
    page.close();
    await server.close();
  });
  const harness: Harness = {
    server,
    page,
    Backbone: page.Backbone,
    $: page.$,
    form: page.document.getElementById('signup') as HTMLFormElement,
    toastCalls: [],
    documentEvents: [],
    installation: null,
    User: page.Backbone.Model.extend({ urlRoot: '/api/users' }),
  };
  page.$(page.document).on('api:error', (_event: unknown, error: unknown, jqXHR: unknown) => {
    harness.documentEvents.push([error, jqXHR]);
  });
  if (options.install !== false) {
    harness.installation = page.ApiErrors.installApiErrors({
      toast(message: string, error: unknown, context: unknown) {
        harness.toastCalls.push(message);
        page.ApiErrors.defaultToast(message, error, context);
      },
      ...options.installOptions,
    });
  }
  return harness;
}

/** Asserts what one handled failure looks like: one toast call, one toast, one event. */
function assertOneToast(harness: Harness, message: string): void {
  assert.deepEqual(harness.toastCalls, [message]);
  assert.deepEqual(toastMessages(harness.page), [message]);
  assert.equal(harness.documentEvents.length, 1);
}

function assertNothingShown(harness: Harness): void {
  assert.deepEqual(harness.toastCalls, []);
  assert.deepEqual(toasts(harness.page), []);
  assert.equal(harness.documentEvents.length, 0);
  assert.equal(harness.form.querySelector('[aria-invalid]'), null);
}

/** A copy in this realm: the page's objects have the page's Object.prototype. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const emailInput = (harness: Harness): Element => harness.form.querySelector('[name="email"]')!;

// ---------------------------------------------------------------------------------------------
// model.save failing with the envelope, on every Backbone/jQuery pair

for (const combo of COMBOS) {
  test(`${label(combo)}: a failed model.save shows one toast and the field error in the view's form`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const View = harness.Backbone.View.extend({});
    const view = new View({ el: harness.form });
    const user = new harness.User({ email: 'nope' });
    user.save(null, { apiErrors: { form: view.el } });
    await idle(harness.page);
    assertOneToast(harness, 'Validation failed');
    assert.deepEqual(toasts(harness.page)[0]!.reference, 'Reference: 6f1c2a9e');
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
    assert.deepEqual(harness.page.uncaught, []);
    assert.deepEqual(harness.page.consoleErrors, []);
  });

  test(`${label(combo)}: the model triggers api:error once with the ApiError, the jqXHR's own`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    const modelEvents: any[][] = [];
    user.on('api:error', (...args: unknown[]) => modelEvents.push(args));
    const saveOptions = { apiErrors: { form: harness.form } };
    const jqXHR = user.save(null, saveOptions);
    await idle(harness.page);
    assert.equal(modelEvents.length, 1);
    const [model, error, options] = modelEvents[0]!;
    assert.equal(model, user);
    assert.equal(error.code, 'VALIDATION_ERROR');
    assert.equal(error.status, 400);
    assert.deepEqual(plain(error.errors), { email: ['Enter a valid email address.'] });
    assert.equal(error.correlationId, '6f1c2a9e');
    assert.equal(options.apiError, error);
    assert.equal(harness.documentEvents.length, 1);
    assert.equal(harness.documentEvents[0]![0], error, 'the document event carries the same ApiError');
    assert.equal(harness.documentEvents[0]![1], jqXHR, 'and the request\'s jqXHR');
  });

  test(`${label(combo)}: options.apiError is set before the user's error callback runs`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    const seen: any[] = [];
    let modelEventError: unknown;
    user.on('api:error', (_model: unknown, error: unknown) => (modelEventError = error));
    const jqXHR = user.save(null, {
      error(model: unknown, xhr: unknown, options: any) {
        seen.push({ model, xhr, apiError: options.apiError });
      },
    });
    await idle(harness.page);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].model, user);
    assert.equal(seen[0].xhr, jqXHR);
    assert.equal(seen[0].apiError && seen[0].apiError.message, 'Validation failed');
    assert.equal(seen[0].apiError, modelEventError, 'the same ApiError object as the api:error events');
    assert.equal(harness.documentEvents[0]![0], seen[0].apiError);
  });

  test(`${label(combo)}: markHandled from the save's error callback shows nothing`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let modelEvents = 0;
    user.on('api:error', () => modelEvents++);
    let called = 0;
    user.save(null, {
      apiErrors: { form: harness.form },
      error(_model: unknown, xhr: unknown) {
        called++;
        harness.page.ApiErrors.markHandled(xhr);
      },
    });
    await idle(harness.page);
    assert.equal(called, 1);
    assertNothingShown(harness);
    assert.equal(modelEvents, 0);
  });

  test(`${label(combo)}: markHandled from a model 'error' event handler shows nothing`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let called = 0;
    user.on('error', (_model: unknown, xhr: unknown) => {
      called++;
      harness.page.ApiErrors.markHandled(xhr);
    });
    user.save(null, { apiErrors: { form: harness.form } });
    await idle(harness.page);
    assert.equal(called, 1);
    assertNothingShown(harness);
  });

  test(`${label(combo)}: an error callback that throws is reported and rethrown, the toast still shows, jQuery recovers`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    harness.server.route('/api/users/1', { status: 200, body: { id: 1, email: 'a@example.com' } });
    let ajaxStops = 0;
    harness.$(harness.page.document).on('ajaxStop', () => ajaxStops++);
    const user = new harness.User({ email: 'nope' });
    user.save(null, {
      error() {
        throw new Error('boom in the error callback');
      },
    });
    await idle(harness.page);
    assert.ok(harness.page.consoleErrors.some((line) => line.includes('boom in the error callback')), harness.page.consoleErrors.join('\n'));
    // Thrown again once the request finished, so window.onerror and error trackers see it.
    assert.deepEqual(harness.page.uncaught.map((line) => line.includes('boom in the error callback')), [true]);
    assertOneToast(harness, 'Validation failed');
    assert.equal(harness.$.active, 0);
    assert.equal(ajaxStops, 1);
    // The page's next request still goes through jQuery's whole cycle.
    const saved = new harness.User({ id: 1 });
    let synced = 0;
    saved.fetch({ success: () => synced++ });
    await idle(harness.page);
    assert.equal(synced, 1);
    assert.equal(saved.get('email'), 'a@example.com');
    assert.equal(harness.$.active, 0);
    assert.equal(ajaxStops, 2);
  });
}

// ---------------------------------------------------------------------------------------------
// Opting out

for (const combo of EDGES) {
  test(`${label(combo)}: apiErrors: false in the save options shows nothing`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let errorCallbacks = 0;
    let apiError: unknown = 'unset';
    user.save(null, {
      apiErrors: false,
      error(_model: unknown, _xhr: unknown, options: any) {
        errorCallbacks++;
        apiError = options.apiError;
      },
    });
    await idle(harness.page);
    assert.equal(errorCallbacks, 1);
    assert.equal(apiError, undefined);
    assertNothingShown(harness);
  });

  test(`${label(combo)}: global: false in the save options shows nothing`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let errorCallbacks = 0;
    const jqXHR = user.save(null, { global: false, apiErrors: { form: harness.form }, error: () => errorCallbacks++ });
    // global: false requests do not count in $.active.
    await settled(harness.page, jqXHR, 30);
    assert.equal(errorCallbacks, 1);
    assertNothingShown(harness);
  });
}

// ---------------------------------------------------------------------------------------------
// Collections, destroy, wait

for (const combo of COMBOS.slice(0, 3)) {
  test(`${label(combo)}: a failed collection.fetch shows one toast`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 503, body: ENVELOPE_500 });
    const Users = harness.Backbone.Collection.extend({ url: '/api/users', model: harness.User });
    const users = new Users();
    let collectionErrors = 0;
    const collectionApiErrors: any[][] = [];
    users.on('error', () => collectionErrors++);
    users.on('api:error', (...args: unknown[]) => collectionApiErrors.push(args));
    users.fetch();
    await idle(harness.page);
    assert.equal(collectionErrors, 1);
    assert.equal(collectionApiErrors.length, 1, 'the collection triggers api:error once');
    assert.equal(collectionApiErrors[0]![0], users);
    assert.equal(collectionApiErrors[0]![1].code, 'MAINTENANCE');
    assertOneToast(harness, 'The server is down for maintenance.');
    assert.equal(harness.documentEvents[0]![0].code, 'MAINTENANCE');
  });

  test(`${label(combo)}: a failed collection.create (which returns the model) shows one toast`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const Users = harness.Backbone.Collection.extend({ url: '/api/users', model: harness.User });
    const users = new Users();
    const modelEvents: any[][] = [];
    const created = users.create({ email: 'nope' }, { apiErrors: { form: harness.form } });
    assert.ok(created instanceof harness.Backbone.Model, 'create returns the model');
    created.on('api:error', (...args: unknown[]) => modelEvents.push(args));
    await idle(harness.page);
    assertOneToast(harness, 'Validation failed');
    assert.equal(modelEvents.length, 1);
    assert.equal(modelEvents[0]![0], created);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
  });

  test(`${label(combo)}: a failed destroy shows one toast`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users/7', { status: 503, body: ENVELOPE_500 });
    const Users = harness.Backbone.Collection.extend({ url: '/api/users', model: harness.User });
    const users = new Users([{ id: 7, email: 'a@example.com' }]);
    const user = users.get(7);
    let modelEvents = 0;
    user.on('api:error', () => modelEvents++);
    user.destroy();
    assert.equal(users.length, 0, 'without wait the model leaves its collection at once');
    await idle(harness.page);
    assertOneToast(harness, 'The server is down for maintenance.');
    assert.equal(modelEvents, 1);
    assert.deepEqual(harness.server.received.map((request) => request.method + ' ' + request.path), ['DELETE /api/users/7']);
  });
}

for (const combo of EDGES) {
  test(`${label(combo)}: save with wait: true failing shows one toast and leaves the model unchanged`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users/3', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ id: 3, email: 'old@example.com' });
    user.save({ email: 'nope' }, { wait: true, apiErrors: { form: harness.form } });
    await idle(harness.page);
    assertOneToast(harness, 'Validation failed');
    assert.equal(user.get('email'), 'old@example.com');
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
  });

  test(`${label(combo)}: destroy with wait: true failing shows one toast and keeps the model`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users/7', { status: 503, body: ENVELOPE_500 });
    const Users = harness.Backbone.Collection.extend({ url: '/api/users', model: harness.User });
    const users = new Users([{ id: 7 }]);
    users.get(7).destroy({ wait: true });
    await idle(harness.page);
    assertOneToast(harness, 'The server is down for maintenance.');
    assert.equal(users.length, 1);
  });

  test(`${label(combo)}: collection.create with wait: true failing shows one toast and adds nothing`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const Users = harness.Backbone.Collection.extend({ url: '/api/users', model: harness.User });
    const users = new Users();
    users.create({ email: 'nope' }, { wait: true });
    await idle(harness.page);
    assertOneToast(harness, 'Validation failed');
    assert.equal(users.length, 0);
  });
}

// ---------------------------------------------------------------------------------------------
// Validation, success, uninstall, replaced sync and ajax

for (const combo of EDGES) {
  test(`${label(combo)}: a failing client-side validate sends nothing and shows nothing`, async (t) => {
    const harness = await setup(t, combo);
    const Validated = harness.User.extend({
      validate: (attributes: any) => (attributes.email ? undefined : 'email is required'),
    });
    const user = new Validated();
    const invalid: unknown[] = [];
    user.on('invalid', (_model: unknown, error: unknown) => invalid.push(error));
    const result = user.save({ email: '' }, { apiErrors: { form: harness.form } });
    await idle(harness.page);
    assert.equal(result, false);
    assert.deepEqual(invalid, ['email is required']);
    assert.deepEqual(harness.server.received, []);
    assertNothingShown(harness);
  });

  test(`${label(combo)}: a successful save after a failure clears the field errors in its form`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    user.save(null, { apiErrors: { form: harness.form } });
    await idle(harness.page);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
    harness.server.route('/api/users', { status: 201, body: { id: 5, email: 'a@example.com' } });
    let synced = 0;
    user.save({ email: 'a@example.com' }, { apiErrors: { form: harness.form }, success: () => synced++ });
    await idle(harness.page);
    assert.equal(synced, 1);
    assert.equal(fieldMessages(harness.page, emailInput(harness)), null);
    assert.equal(emailInput(harness).classList.contains('is-invalid'), false);
    assert.equal(harness.form.querySelectorAll('.api-errors-message').length, 0);
  });

  test(`${label(combo)}: uninstall restores the original Backbone.sync and shows nothing`, async (t) => {
    const harness = await setup(t, combo, { install: false });
    const originalSync = harness.Backbone.sync;
    const installation = harness.page.ApiErrors.installApiErrors();
    assert.notEqual(harness.Backbone.sync, originalSync, 'installing wraps Backbone.sync');
    installation.uninstall();
    assert.equal(harness.Backbone.sync, originalSync);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    let apiError: unknown = 'unset';
    new harness.User({ email: 'nope' }).save(null, {
      apiErrors: { form: harness.form },
      error: (_model: unknown, _xhr: unknown, options: any) => (apiError = options.apiError),
    });
    await idle(harness.page);
    assert.equal(apiError, undefined);
    assertNothingShown(harness);
  });

  test(`${label(combo)}: uninstall after someone else wrapped Backbone.sync keeps their wrapper, the plugin inactive`, async (t) => {
    const harness = await setup(t, combo);
    const pluginSync = harness.Backbone.sync;
    let theirCalls = 0;
    const theirSync = function (this: unknown, ...args: unknown[]) {
      theirCalls++;
      return pluginSync.apply(this, args);
    };
    harness.Backbone.sync = theirSync;
    harness.installation!.uninstall();
    assert.equal(harness.Backbone.sync, theirSync, 'their wrapper stays in place');
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    let seenOptions: any = null;
    let errors = 0;
    new harness.User({ email: 'nope' }).save(null, {
      apiErrors: { form: harness.form },
      error: (_model: unknown, _xhr: unknown, options: any) => {
        errors++;
        seenOptions = options;
      },
    });
    await idle(harness.page);
    assert.equal(theirCalls, 1);
    assert.equal(errors, 1, 'the request still went out and failed as usual');
    assert.equal(harness.server.received.length, 1);
    assert.equal(seenOptions.apiError, undefined, 'the plugin\'s wrapper no longer prepares requests');
    assertNothingShown(harness);
  });

  test(`${label(combo)}: installing after someone else wrapped Backbone.sync still gives one toast`, async (t) => {
    const harness = await setup(t, combo, { install: false });
    let theirCalls = 0;
    const page = harness.page;
    const first = page.ApiErrors.installApiErrors();
    const pluginSync = harness.Backbone.sync;
    harness.Backbone.sync = function (this: unknown, ...args: unknown[]) {
      theirCalls++;
      return pluginSync.apply(this, args);
    };
    first.uninstall();
    harness.installation = page.ApiErrors.installApiErrors({
      toast(message: string, error: unknown, context: unknown) {
        harness.toastCalls.push(message);
        page.ApiErrors.defaultToast(message, error, context);
      },
    });
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    new harness.User({ email: 'nope' }).save(null, { apiErrors: { form: harness.form } });
    await idle(page);
    assert.equal(theirCalls, 1);
    assertOneToast(harness, 'Validation failed');
  });

  test(`${label(combo)}: a replaced Backbone.ajax that calls $.ajax itself still gives one toast`, async (t) => {
    const harness = await setup(t, combo);
    let calls = 0;
    const $ = harness.$;
    harness.Backbone.ajax = function (...args: unknown[]) {
      calls++;
      return $.ajax.apply($, args);
    };
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let modelEvents = 0;
    user.on('api:error', () => modelEvents++);
    user.save(null, { apiErrors: { form: harness.form } });
    await idle(harness.page);
    assert.equal(calls, 1);
    assertOneToast(harness, 'Validation failed');
    assert.equal(modelEvents, 1);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
  });

  test(`${label(combo)}: a replaced Backbone.ajax that never reaches $.ajax still gives one toast`, async (t) => {
    const harness = await setup(t, combo);
    const $ = harness.$;
    const window = harness.page.window;
    // A transport of its own (a socket, a mock): it fails the request through Backbone's `error`.
    let failed!: () => void;
    const failure = new Promise<void>((resolve) => (failed = resolve));
    harness.Backbone.ajax = function (settings: any) {
      const deferred = $.Deferred();
      const xhr = deferred.promise({
        status: 503,
        responseText: JSON.stringify(ENVELOPE_500),
        responseJSON: ENVELOPE_500,
        getResponseHeader: () => null,
      });
      window.setTimeout(() => {
        settings.error(xhr, 'error', 'Service Unavailable');
        deferred.reject(xhr, 'error', 'Service Unavailable');
        failed();
      }, 5);
      return xhr;
    };
    const user = new harness.User({ email: 'nope' });
    const modelEvents: any[][] = [];
    user.on('api:error', (...args: unknown[]) => modelEvents.push(args));
    user.save(null, { apiErrors: { form: harness.form } });
    await failure;
    await wait(harness.page, 30);
    assertOneToast(harness, 'The server is down for maintenance.');
    assert.equal(modelEvents.length, 1);
    assert.equal(modelEvents[0]![1].code, 'MAINTENANCE');
    assert.deepEqual(harness.server.received, []);
  });
}

// ---------------------------------------------------------------------------------------------
// Per-request options, emulateHTTP/emulateJSON, reinstalling

for (const combo of EDGES) {
  test(`${label(combo)}: apiErrors: { toast: false } in the save options draws the field errors but no toast`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    new harness.User({ email: 'nope' }).save(null, { apiErrors: { form: '#signup', toast: false } });
    await idle(harness.page);
    assert.deepEqual(harness.toastCalls, []);
    assert.deepEqual(toasts(harness.page), []);
    assert.equal(harness.documentEvents.length, 1);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
  });

  test(`${label(combo)}: apiErrors.form may be the view's $el or a selector`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const view = new (harness.Backbone.View.extend({}))({ el: '#signup' });
    new harness.User({ email: 'nope' }).save(null, { apiErrors: { form: view.$el } });
    await idle(harness.page);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
    harness.server.route('/api/users', { status: 201, body: { id: 1 } });
    new harness.User({ email: 'a@example.com' }).save(null, { apiErrors: { form: '#signup' } });
    await idle(harness.page);
    assert.equal(fieldMessages(harness.page, emailInput(harness)), null, 'the success in the same form cleared it');
  });

  test(`${label(combo)}: with emulateHTTP and emulateJSON a failed update still shows one toast`, async (t) => {
    const harness = await setup(t, combo);
    harness.server.route('/api/users/4', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ id: 4, email: 'nope' });
    let modelEvents = 0;
    user.on('api:error', () => modelEvents++);
    user.save(null, { emulateHTTP: true, emulateJSON: true, apiErrors: { form: harness.form } });
    await idle(harness.page);
    assert.deepEqual(harness.server.received.map((request) => request.method + ' ' + request.path), ['POST /api/users/4']);
    assert.match(harness.server.received[0]!.body, /_method=PUT/);
    assertOneToast(harness, 'Validation failed');
    assert.equal(modelEvents, 1);
    assert.deepEqual(fieldMessages(harness.page, emailInput(harness)), ['Enter a valid email address.']);
  });

  test(`${label(combo)}: installing twice wraps Backbone.sync once, and uninstall restores the original`, async (t) => {
    const harness = await setup(t, combo, { install: false });
    const originalSync = harness.Backbone.sync;
    harness.page.ApiErrors.installApiErrors();
    const page = harness.page;
    const second = page.ApiErrors.installApiErrors({
      toast(message: string, error: unknown, context: unknown) {
        harness.toastCalls.push(message);
        page.ApiErrors.defaultToast(message, error, context);
      },
    });
    harness.server.route('/api/users', { status: 400, body: ENVELOPE_400 });
    const user = new harness.User({ email: 'nope' });
    let modelEvents = 0;
    user.on('api:error', () => modelEvents++);
    user.save();
    await idle(page);
    assertOneToast(harness, 'Validation failed');
    assert.equal(modelEvents, 1);
    second.uninstall();
    assert.equal(harness.Backbone.sync, originalSync);
  });
}
