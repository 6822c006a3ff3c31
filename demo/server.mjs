// `npm run demo`: the two demo pages, dist/, the jQuery and Backbone builds in node_modules, and
// the embedded API (demo/api.mjs), on 127.0.0.1 under a strict Content-Security-Policy.
// Usage: node demo/server.mjs [--port N]   (or PORT=N; default 8000)

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { handleApi } from './api.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** URL prefix → directory served read-only under it. */
const MOUNTS = [
  ['/dist/', path.join(ROOT, 'dist')],
  ['/node_modules/', path.join(ROOT, 'node_modules')],
  ['/', path.join(ROOT, 'demo', 'public')],
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** `?jquery=` on the pages: the script each version loads. The HTML names the default one. */
const DEFAULT_JQUERY = '/node_modules/jquery/dist/jquery.min.js';
const JQUERY_BUILDS = {
  '1.12': '/node_modules/jquery-1.12/dist/jquery.min.js',
  '2.2': '/node_modules/jquery-2.2/dist/jquery.min.js',
  '3.7': '/node_modules/jquery-3.7/dist/jquery.min.js',
  '4.0': '/node_modules/jquery-4.0/dist/jquery.min.js',
};
/** `?backbone=` on backbone.html. */
const DEFAULT_BACKBONE = '/node_modules/backbone/backbone-min.js';
const BACKBONE_BUILDS = {
  '1.1': '/node_modules/backbone-1.1/backbone-min.js',
  '1.4': '/node_modules/backbone-1.4/backbone-min.js',
  '1.6': '/node_modules/backbone-1.6/backbone-min.js',
};
const THEME_LINK = /\s*<link rel="stylesheet" href="\/dist\/api-errors\.css"[^>]*>/;

/**
 * The pages take their options from the query string, rewritten here so that no page needs an
 * inline script (the CSP forbids them). Served as is, a page uses the defaults.
 */
function rewritePage(html, query) {
  const jquery = JQUERY_BUILDS[query.get('jquery')];
  if (jquery) html = html.replace(`src="${DEFAULT_JQUERY}"`, `src="${jquery}"`);
  const backbone = BACKBONE_BUILDS[query.get('backbone')];
  if (backbone) html = html.replace(`src="${DEFAULT_BACKBONE}"`, `src="${backbone}"`);
  if (query.get('css') === '0') html = html.replace(THEME_LINK, '');
  return html;
}

/** Maps a URL path to a file inside its mount, or null: no `..`, no NUL, no symlink escaping. */
function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '/') decoded = '/index.html';
  const mount = MOUNTS.find(([prefix]) => decoded.startsWith(prefix));
  if (!mount) return null;
  const [prefix, dir] = mount;
  const relative = decoded.slice(prefix.length);
  if (relative.split('/').some((part) => part === '..' || part.startsWith('.'))) return null;
  const file = path.resolve(dir, relative);
  try {
    const realDir = fs.realpathSync(dir);
    const realFile = fs.realpathSync(file);
    if (!realFile.startsWith(realDir + path.sep)) return null;
    return fs.statSync(realFile).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function serveFile(req, res, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const file = resolveFile(url.pathname);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
    return;
  }
  const extension = path.extname(file).toLowerCase();
  let body = fs.readFileSync(file);
  if (extension === '.html') body = Buffer.from(rewritePage(body.toString('utf8'), url.searchParams));
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extension] || 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function handle(req, res) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  try {
    const url = new URL(req.url, `http://${HOST}`);
    if (!handleApi(req, res, url)) serveFile(req, res, url);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Internal error\n');
  }
}

/** Starts the demo server on 127.0.0.1; `port: 0` picks a free one. Resolves to {url, close}. */
export function startServer({ port = 8000 } = {}) {
  const server = http.createServer(handle);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const url = `http://${HOST}:${server.address().port}/`;
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          for (const socket of sockets) socket.destroy();
        });
      resolve({ url, close, server });
    });
  });
}

function portFromArgs(argv, env) {
  const index = argv.indexOf('--port');
  const inline = argv.find((arg) => arg.startsWith('--port='));
  const value = inline ? inline.slice('--port='.length) : index >= 0 ? argv[index + 1] : env.PORT;
  if (value === undefined || value === '') return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${value}`);
  }
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { url } = await startServer({ port: portFromArgs(process.argv.slice(2), process.env) });
    console.log(`jquery-api-errors demo: ${url}`);
    if (!fs.existsSync(path.join(ROOT, 'dist', 'api-errors.min.js'))) {
      console.warn('dist/api-errors.min.js is missing: run `npm run build` first.');
    }
  } catch (error) {
    console.error(`jquery-api-errors demo: ${error.message}`);
    process.exit(1);
  }
}
