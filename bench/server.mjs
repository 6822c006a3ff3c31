// The bench's own page server on 127.0.0.1: one page, with or without the plugin, served with
// the demo's strict CSP and cross-origin isolation (so performance.now() is precise to 5 µs).
// It serves only what the page loads: jQuery 3.7 from node_modules, dist/, and bench/pages/.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '../demo/server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const FILES = {
  '/jquery.min.js': 'node_modules/jquery-3.7/dist/jquery.min.js',
  '/dist/api-errors.min.js': 'dist/api-errors.min.js',
  '/dist/api-errors.js': 'dist/api-errors.js',
  '/dist/api-errors.css': 'dist/api-errors.css',
  '/bench/page.js': 'bench/pages/page.js',
  '/bench/timers.js': 'bench/pages/timers.js',
  '/bench/bench.css': 'bench/pages/bench.css',
};
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * A page of ordinary size: a header with a nav, the signup form, a 60-row table. `unminified`
 * loads dist/api-errors.js instead of the minified build, for a profile with readable names;
 * `timers` first loads a script that counts the timers still pending, for the soak.
 */
export function pageHtml({ plugin, unminified = false, timers = false }) {
  const links = Array.from({ length: 20 }, (_, index) => `<li><a href="#s${index}">Section ${index}</a></li>`).join('');
  const rows = Array.from({ length: 60 }, (_, row) =>
    `<tr>${Array.from({ length: 5 }, (_, cell) => `<td>Row ${row}, cell ${cell}</td>`).join('')}</tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>jquery-api-errors bench (${plugin ? 'plugin' : 'hand-written handler'})</title>
  <link rel="stylesheet" href="/bench/bench.css">
  ${plugin ? '<link rel="stylesheet" href="/dist/api-errors.css">' : ''}
</head>
<body>
  <header><h1>Accounts</h1><nav><ul>${links}</ul></nav></header>
  <main>
    <div id="toast" class="toast" role="alert" hidden></div>
    <form id="signup">
      <div class="row"><label for="name">Name</label><input id="name" name="name"></div>
      <div class="row"><label for="email">Email</label><input id="email" name="email" type="email"></div>
      <div class="row"><label for="password">Password</label><input id="password" name="password" type="password"></div>
      <button type="submit">Sign up</button>
      <p id="saved"></p>
    </form>
    <table><tbody>
${rows}
    </tbody></table>
  </main>
  ${timers ? '<script src="/bench/timers.js"></script>' : ''}
  <script src="/jquery.min.js"></script>
  ${plugin ? `<script src="/dist/api-errors${unminified ? '' : '.min'}.js" data-auto-install></script>` : ''}
  <script src="/bench/page.js"></script>
</body>
</html>
`;
}

function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  res.setHeader('Cache-Control', 'no-cache');
  if (url.pathname === '/page.html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(pageHtml({ plugin: url.searchParams.get('plugin') === '1', unminified: url.searchParams.get('unminified') === '1',
      timers: url.searchParams.get('timers') === '1' }));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return;
  }
  const file = FILES[url.pathname];
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] });
  res.end(fs.readFileSync(path.join(ROOT, file)));
}

/** Resolves to {url, close} once listening on a free port of 127.0.0.1. */
export function startBenchServer() {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
