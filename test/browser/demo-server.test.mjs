// The Node demo server and its embedded API, over plain HTTP (no browser needed): the strict CSP
// on every response, no path traversal, the ?jquery= / ?css= rewrites, pages free of inline
// script and style, and API answers shaped like DRF with the envelope handler.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CSP, startServer } from '../../demo/server.mjs';
import { ROOT } from './harness.mjs';

let demo;
before(async () => {
  demo = await startServer({ port: 0 });
});
after(() => demo.close());

/** One raw request (the path is sent exactly as given); resolves to {status, headers, body}. */
function request(rawPath, { method = 'GET', headers = {}, body } = {}) {
  const { hostname, port } = new URL(demo.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function postJson(body) {
  return request('/api/signup', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
}

const VALID = {
  email: 'ada@example.com', password: 'correct horse', address: { street: '1 Main St', city: 'London' },
  items: [{ sku: 'A-1', qty: 2 }], tags: [1, '2'],
};

describe('demo server', () => {
  it('listens on 127.0.0.1 and puts the strict CSP on every response', async () => {
    assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const target of ['/', '/legacy.html', '/backbone.html', '/app.css', '/legacy.js', '/dist/api-errors.min.js',
      '/node_modules/jquery/dist/jquery.min.js', '/api/scenario/404', '/api/scenario/500-html', '/missing']) {
      const response = await request(target);
      assert.equal(response.headers['content-security-policy'], CSP, target);
    }
    assert.equal(CSP, "default-src 'self'; script-src 'self'; style-src 'self'");
  });

  it('serves files with their content types', async () => {
    const types = {
      '/': /^text\/html/, '/legacy.html': /^text\/html/, '/app.css': /^text\/css/, '/legacy.js': /^text\/javascript/,
      '/dist/api-errors.css': /^text\/css/, '/node_modules/backbone/backbone-min.js': /^text\/javascript/,
      '/favicon.svg': /^image\/svg\+xml/,
    };
    for (const [target, type] of Object.entries(types)) {
      const response = await request(target);
      assert.equal(response.status, 200, target);
      assert.match(response.headers['content-type'], type, target);
    }
  });

  it('refuses paths outside its three folders', async () => {
    for (const target of ['/node_modules/../package.json', '/node_modules/%2e%2e/package.json', '/dist/..%2fpackage.json',
      '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/node_modules/.package-lock.json', '/dist/%00.js',
      '/node_modules/jquery%5c..%5c..%5cpackage.json', '/demo/server.mjs', '/../demo/api.mjs']) {
      const response = await request(target);
      assert.equal(response.status, 404, target);
      assert.doesNotMatch(response.body, /"devDependencies"|root:/, target);
    }
    assert.equal((await request('/legacy.html', { method: 'POST' })).status, 405);
  });

  it('rewrites the jQuery and Backbone builds and drops the theme by the query string', async () => {
    const page = (await request('/legacy.html')).body;
    assert.match(page, /<script src="\/node_modules\/jquery\/dist\/jquery\.min\.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" href="\/dist\/api-errors\.css">/);
    for (const version of ['1.12', '2.2', '3.7', '4.0']) {
      const body = (await request(`/legacy.html?jquery=${version}`)).body;
      assert.ok(body.includes(`src="/node_modules/jquery-${version}/dist/jquery.min.js"`), version);
      assert.equal((await request(`/node_modules/jquery-${version}/dist/jquery.min.js`)).status, 200, version);
    }
    assert.equal((await request('/legacy.html?jquery=<script>')).body, page, 'unknown values are ignored');
    assert.doesNotMatch((await request('/legacy.html?css=0')).body, /api-errors\.css/);
    assert.ok((await request('/backbone.html?backbone=1.1')).body.includes('src="/node_modules/backbone-1.1/backbone-min.js"'));
  });

  it('has no inline script, inline style, style attribute or event handler attribute in any page', () => {
    const dir = path.join(ROOT, 'demo', 'public');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.html'))) {
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/i, `${file}: inline <script>`);
      assert.doesNotMatch(html, /<style/i, `${file}: <style>`);
      assert.doesNotMatch(html, /\sstyle\s*=/i, `${file}: style attribute`);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${file}: event handler attribute`);
      assert.doesNotMatch(html, /javascript:/i, `${file}: javascript: URL`);
    }
  });

  it('page scripts write text only, and the legacy page has no plugin code of its own', () => {
    const dir = path.join(ROOT, 'demo', 'public');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.js'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|\.html\(|\.append\(\s*[a-z]|eval\(|new Function|setAttribute\(\s*['"]style/,
        `${file}: markup or eval`);
    }
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'legacy.js'), 'utf8'), /ApiErrors|apiErrors|markHandled/);
  });

  it('prints its URL when run as `node demo/server.mjs --port N`', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'demo', 'server.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('\n')) resolve(output.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      assert.match(line, /^jquery-api-errors demo: http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      child.kill();
    }
  });
});

describe('demo API', () => {
  it('POST /api/signup answers DRF nested errors in the envelope', async () => {
    const response = await postJson({
      email: 'nope', password: 'short', address: { street: 'x' },
      items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 0 }], tags: [1, 'x'],
    });
    assert.equal(response.status, 400);
    assert.match(response.headers['content-type'], /^application\/json/);
    const { error } = JSON.parse(response.body);
    assert.deepEqual(Object.keys(error), ['message', 'code', 'status', 'errors', 'timestamp', 'correlation_id']);
    assert.equal(error.message, 'Validation failed');
    assert.equal(error.code, 'VALIDATION_ERROR');
    assert.equal(error.status, 400);
    assert.deepEqual(error.errors, {
      email: ['Enter a valid email address.'],
      password: ['Ensure this field has at least 8 characters.'],
      address: { city: ['This field is required.'] },
      items: [{}, { qty: ['Ensure this value is greater than or equal to 1.'] }],
      tags: { 1: ['A valid integer is required.'] },
    });
    assert.equal(error.correlation_id, response.headers['x-correlation-id']);
    assert.match(error.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it('POST /api/signup: object-level error, empty list, success, wrong media type', async () => {
    const taken = JSON.parse((await postJson({ ...VALID, email: 'ada@taken.example' })).body).error;
    assert.deepEqual(taken.errors, { non_field_errors: ['This email is already registered.'] });
    const empty = JSON.parse((await postJson({ ...VALID, items: [] })).body).error;
    assert.deepEqual(empty.errors, { items: { non_field_errors: ['This list may not be empty.'] } });
    const created = await postJson(VALID);
    assert.equal(created.status, 201);
    assert.deepEqual(JSON.parse(created.body), { ok: true });
    const form = await request('/api/signup', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    assert.equal(form.status, 415);
    assert.equal(JSON.parse(form.body).error.code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('scenarios answer with their status, code, message and headers', async () => {
    const expected = {
      401: ['NOT_AUTHENTICATED', 'Authentication credentials were not provided.'],
      403: ['PERMISSION_DENIED', 'You do not have permission to perform this action.'],
      404: ['NOT_FOUND', 'Not found.'],
      429: ['THROTTLED', 'Request was throttled. Expected available in 30 seconds.'],
      500: ['SERVER_ERROR', 'A server error occurred.'],
    };
    for (const [status, [code, message]] of Object.entries(expected)) {
      const response = await request(`/api/scenario/${status}`);
      assert.equal(response.status, Number(status));
      const { error } = JSON.parse(response.body);
      assert.deepEqual([error.code, error.message, error.status], [code, message, Number(status)]);
      assert.match(response.headers['x-correlation-id'], /^[0-9a-f-]{36}$/);
    }
    assert.equal((await request('/api/scenario/401')).headers['www-authenticate'], 'Token');
    assert.equal((await request('/api/scenario/429')).headers['retry-after'], '30');
    const html = await request('/api/scenario/500-html');
    assert.equal(html.status, 500);
    assert.match(html.headers['content-type'], /^text\/html/);
    assert.match(html.body, /<h1>Server Error \(500\)<\/h1>/);
    const gateway = await request('/api/scenario/502');
    assert.deepEqual([gateway.status, gateway.body], [502, '']);
    assert.equal((await request('/api/scenario/ok')).status, 200);
    assert.equal((await request('/api/nowhere')).status, 404);
  });

  it('the Django failures: session 403, login redirect, CSRF (DRF and Django), throttled, unavailable', async () => {
    const envelope = async (target, options) => {
      const response = await request(target, options);
      const { error } = JSON.parse(response.body);
      assert.equal(error.correlation_id, response.headers['x-correlation-id'], target);
      return { status: response.status, retryAfter: response.headers['retry-after'] ?? null, error };
    };
    const session = await envelope('/api/session/');
    assert.deepEqual([session.status, session.error.code, session.error.message], [403, 'NOT_AUTHENTICATED', 'Authentication credentials were not provided.']);

    const redirect = await request('/api/login-required/');
    assert.deepEqual([redirect.status, redirect.headers.location], [302, '/accounts/login/?next=%2Fapi%2Flogin-required%2F']);
    const login = await request(redirect.headers.location);
    assert.equal(login.status, 200);
    assert.match(login.headers['content-type'], /^text\/html/);
    assert.match(login.body, /<form method="post" action="\/accounts\/login\/">/);
    assert.equal(login.headers['content-security-policy'], CSP);

    const csrf = await envelope('/api/csrf/', { method: 'POST' });
    assert.deepEqual([csrf.status, csrf.error.code, csrf.error.message], [403, 'CSRF_FAILED', 'CSRF Failed: CSRF token missing.']);
    const underApi = await envelope('/api/login-required/', { method: 'POST' });
    assert.deepEqual([underApi.status, underApi.error.code], [403, 'CSRF_FAILED'], "Django's CSRF check under /api/");
    const logout = await request('/accounts/logout/', { method: 'POST' });
    assert.deepEqual([logout.status, logout.headers.location], [302, '/accounts/login/']);
    assert.match(logout.headers['set-cookie'][0], /^sessionid=""; expires=Thu, 01 Jan 1970/);
    assert.equal((await request('/accounts/logout/')).status, 405);
    const page = await request('/csrf-django/', { method: 'POST', body: 'a=1' });
    assert.equal(page.status, 403);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.body, /<p>CSRF verification failed\. Request aborted\.<\/p>/);
    assert.equal((await request('/csrf-django/')).status, 405, 'CSRF pages answer POST');
    assert.equal((await request('/api/csrf/')).status, 405);

    const throttled = await envelope('/api/throttled/');
    assert.deepEqual(
      [throttled.status, throttled.retryAfter, throttled.error.code, throttled.error.message, throttled.error.retry_after],
      [429, '37', 'THROTTLED', 'Request was throttled. Expected available in 37 seconds.', 37],
    );
    const unavailable = await envelope('/api/unavailable/');
    assert.deepEqual(
      [unavailable.status, unavailable.retryAfter, unavailable.error.code, unavailable.error.message, unavailable.error.retry_after],
      [503, '120', 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Try again later.', 120],
    );
  });

  it('retry-after sends the Retry-After it is given (printable ASCII, up to 128 KiB, or none) and pads retry_after to a 10 MiB body', async () => {
    const header = async (query) => (await request(`/api/scenario/retry-after?${query}`)).headers['retry-after'];
    const throttled = await request('/api/scenario/retry-after?value=37');
    assert.equal(throttled.status, 429);
    assert.deepEqual([throttled.headers['retry-after'], JSON.parse(throttled.body).error.message], ['37', 'Request was throttled.']);
    assert.equal(await header(''), undefined);
    assert.equal(await header(`value=${encodeURIComponent('<script>\r\nX-Evil: 1')}`), '<script>X-Evil: 1');
    const { hostname, port } = new URL(demo.url);
    const big = await new Promise((resolve, reject) => {
      http.get({ hostname, port, path: '/api/scenario/retry-after?value=9&repeat=1000000', maxHeaderSize: 1 << 20 }, (res) => {
        res.resume();
        resolve(res.headers['retry-after']);
      }).on('error', reject);
    });
    assert.equal(big, '9'.repeat(128 * 1024));
    const padded = await request(`/api/scenario/retry-after?size=${100 * 1024 * 1024}`);
    assert.equal(JSON.parse(padded.body).error.retry_after, '9'.repeat(10 * 1024 * 1024));
  });

  it('flaky fails once by id (503, a cut connection, no answer), then answers 200 with the attempt; a POST too', async () => {
    const id = `t${Date.now()}`;
    const first = await request(`/api/flaky/?fail=503&id=${id}`);
    assert.deepEqual([first.status, JSON.parse(first.body).error.code], [503, 'SERVICE_UNAVAILABLE']);
    assert.deepEqual(JSON.parse((await request(`/api/flaky/?fail=503&id=${id}`)).body), { attempt: 2 });
    assert.deepEqual(JSON.parse((await request(`/api/flaky/?fail=503&id=${id}`, { method: 'POST', body: '{}' })).body), { attempt: 3 });
    assert.equal((await request(`/api/flaky/?fail=503&id=${id}-post`, { method: 'POST', body: '{}' })).status, 503);
    const throttled = await request(`/api/flaky/?fail=429&id=${id}-429`);
    assert.deepEqual([throttled.status, throttled.headers['retry-after']], [429, '5']);
    assert.equal((await request(`/api/flaky/?fail=429&id=${id}-429`)).status, 200);
    const cut = await new Promise((resolve, reject) => {
      const { hostname, port } = new URL(demo.url);
      http.get({ hostname, port, path: `/api/flaky/?fail=network&id=${id}-cut` }, (res) => {
        let body = '';
        res.on('data', (chunk) => { body += chunk; });
        res.on('close', () => resolve({ status: res.statusCode, complete: res.complete, body }));
      }).on('error', reject);
    });
    assert.deepEqual(cut, { status: 200, complete: false, body: '{"attempt"' }, 'the answer stops after its headers and 10 bytes');
    assert.equal((await request(`/api/flaky/?fail=network&id=${id}-cut`)).status, 200);
    assert.equal((await request('/api/flaky/?fail=nope&id=x')).status, 400);
    assert.equal((await request('/api/flaky/?fail=503&id=a%3Cb')).status, 400);
    assert.equal((await request(`/api/flaky/?fail=503&id=${id}`, { method: 'DELETE' })).status, 405);
  });

  it('slow waits, network drops the connection, a safe incoming correlation id is kept', async () => {
    // The slow answer is held back: a request sent after it is answered first.
    const order = [];
    await Promise.all([
      request('/api/scenario/slow?ms=300').then((response) => order.push(['slow', response.status])),
      request('/api/scenario/ok').then((response) => order.push(['ok', response.status])),
    ]);
    assert.deepEqual(order, [['ok', 200], ['slow', 200]]);
    await assert.rejects(request('/api/scenario/network'), /socket hang up|ECONNRESET/);
    const kept = await request('/api/scenario/404', { headers: { 'X-Correlation-ID': 'abc-123' } });
    assert.equal(kept.headers['x-correlation-id'], 'abc-123');
    const replaced = await request('/api/scenario/404', { headers: { 'X-Correlation-ID': 'a<b>' } });
    assert.notEqual(replaced.headers['x-correlation-id'], 'a<b>');
  });
});
