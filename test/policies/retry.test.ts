// "Try again" (option retry): which failures get it, and what pressing it sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryAction, retryRequest } from '../../src/policies/retry.ts';
import { apiError, context, fakes, options, render } from './fakes.ts';

const on = options({ retry: true });
const unavailable = () => apiError({ code: 'SERVICE_UNAVAILABLE', status: 503 });

test('GET and HEAD after a throttled, unavailable, timed-out or network failure get a copy of the page\'s options', () => {
  for (const code of ['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'NETWORK_ERROR']) {
    for (const type of ['GET', 'head']) {
      const original = { url: '/items', data: { page: 2 }, success: render };
      const request = retryRequest(apiError({ code }), context({ settings: { url: '/items?page=2', type }, originalOptions: original }), on);
      assert.deepEqual(request, original, `${code} ${type}`);
      assert.notEqual(request, original, 'a copy');
    }
  }
});

test('no button when retry is off, for writes, for other kinds, or without the page\'s options', () => {
  assert.equal(retryRequest(unavailable(), context(), options()), null);
  for (const type of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    assert.equal(retryRequest(unavailable(), context({ settings: { url: '/items', type } }), on), null, type);
  }
  assert.equal(retryRequest(apiError({ code: 'SERVER_ERROR', status: 500 }), context(), on), null);
  assert.equal(retryRequest(unavailable(), context({ originalOptions: undefined }), on), null);
});

test('no button for a read with no callback of the page\'s ($.getJSON(url).done(render), .load()): its answer would update nothing', () => {
  assert.equal(retryRequest(unavailable(), context({ originalOptions: { url: '/items', dataType: 'json', success: undefined } }), on), null);
  for (const name of ['success', 'error', 'complete']) {
    assert.ok(retryRequest(unavailable(), context({ originalOptions: { url: '/items', [name]: render } }), on), name);
  }
});

test('$.ajax(url, options): the URL comes from jQuery\'s settings, which already hold the data', () => {
  const request = retryRequest(unavailable(), context({ settings: { url: '/items?page=2', type: 'GET' }, originalOptions: { data: { page: 2 }, error: render } }), on);
  assert.deepEqual(request, { url: '/items?page=2', error: render });
});

test('pressing it sends each request once with the page\'s jQuery, then never again', () => {
  const f = fakes();
  const first = retryRequest(unavailable(), context(), on)!;
  const other = retryRequest(unavailable(), context({ originalOptions: { url: '/other', complete: render } }), on)!;
  let closed = 0;
  const action = retryAction(f.deps.jQuery, [first, other], 'Try again', () => { closed += 1; });
  assert.equal(action.label, 'Try again');
  action.run!();
  action.run!();
  assert.deepEqual(f.sent, [first, other]);
  assert.equal(closed, 1);
});

test('a request it sent that fails again gets no second button', () => {
  const f = fakes();
  const request = retryRequest(unavailable(), context(), on)!;
  retryAction(f.deps.jQuery, [request], 'Try again', () => {}).run!();
  assert.equal(retryRequest(unavailable(), context({ originalOptions: request }), on), null);
});

test('a $.ajax that throws is reported, not thrown into the click', (t) => {
  const errors: unknown[] = [];
  t.mock.method(console, 'error', (...args: unknown[]) => errors.push(args[0]));
  const request = retryRequest(unavailable(), context(), on)!;
  assert.doesNotThrow(() => retryAction({ ajax: () => { throw new Error('no'); } }, [request], 'Try again', () => {}).run!());
  assert.deepEqual(errors, ['[jquery-api-errors] the retried request threw:']);
});
