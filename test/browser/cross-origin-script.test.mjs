// A cross-origin $.getScript or JSONP that fails (a 404 from another origin, a closed port), in
// Chromium on every jQuery: jQuery 1.12 loads these with a <script> that has no error handler,
// so the request never ended and nothing was shown; 2.2 to 4.0 end it and the plugin shows it.
// Two servers on 127.0.0.1 on different ports are two origins; the page has no CSP here, as the
// point is the other origin's script.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, chromiumMissing, freePort, launchBrowser, readToasts } from './harness.mjs';

const VERSIONS = { '1.12': '1.12.4', '2.2': '2.2.4', '3.7': '3.7.1', '4.0': '4.0.0' };

function listen(handler) {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const reason = chromiumMissing();
describe('cross-origin scripts and JSONP that fail', { skip: reason && !process.env.CI ? reason : false }, () => {
  let page0;
  let other;
  let browser;
  let closedPort;
  before(async () => {
    // The page's origin: a bare page with the chosen jQuery and the script build, installed.
    page0 = await listen((request, response) => {
      const url = new URL(request.url, 'http://127.0.0.1');
      const file = url.pathname === '/plugin.js' ? 'dist/api-errors.js' : `node_modules/jquery-${url.searchParams.get('v')}/dist/jquery.js`;
      if (url.pathname === '/page.html') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(`<!doctype html><html><head><title>t</title></head><body><script src="/jquery.js?v=${url.searchParams.get('v')}"></script><script src="/plugin.js" data-auto-install></script></body></html>`);
        return;
      }
      if (url.pathname !== '/plugin.js' && url.pathname !== '/jquery.js') {
        response.writeHead(404);
        response.end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/javascript' });
      response.end(fs.readFileSync(path.join(ROOT, file)));
    });
    // Another origin: every script there is missing.
    other = await listen((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found.');
    });
    closedPort = await freePort();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => page0?.close(resolve));
    await new Promise((resolve) => other?.close(resolve));
  });

  for (const [version, full] of Object.entries(VERSIONS)) {
    it(`jQuery ${full}: a failed $.getScript from another origin and a JSONP to a closed port each show a toast, and their .fail() runs`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`http://127.0.0.1:${page0.address().port}/page.html?v=${version}`);
        assert.equal(await page.evaluate(() => window.jQuery.fn.jquery), full);
        const failed = await page.evaluate(([missing, closed]) => {
          const $ = window.jQuery;
          // A request that never ends is reported as such after 10 s, rather than hanging the test.
          const ended = (jqXHR) => Promise.race([
            new Promise((resolve) => jqXHR.fail((_xhr, textStatus) => resolve(textStatus))),
            new Promise((resolve) => setTimeout(() => resolve('never ended'), 10000)),
          ]);
          return Promise.all([
            ended($.getScript(missing)),
            ended($.ajax({ url: closed, dataType: 'jsonp' })),
          ]);
        }, [`http://127.0.0.1:${other.address().port}/missing.js`, `http://127.0.0.1:${closedPort}/feed?callback=?`]);
        assert.deepEqual(failed, ['error', 'error']);
        await page.waitForFunction(() => document.querySelectorAll('.api-errors-toast').length > 0);
        const toasts = await readToasts(page);
        assert.deepEqual(toasts.map((toast) => toast.message), ['Request failed.']);
        // Two failures with the same words are one toast, counted.
        assert.equal(await page.textContent('.api-errors-toast-count').catch(() => null), '×2');
      } finally {
        await context.close();
      }
    });
  }
});
