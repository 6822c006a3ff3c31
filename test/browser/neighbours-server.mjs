// The neighbours suite's server: the fixture pages of test/fixtures/neighbours/ (each widget
// beside the plugin), node_modules/ and dist/, under the demo's strict Content-Security-Policy,
// and the small API the widgets call. `?jquery=1.12|3.7|4.0` on a page picks the jQuery it loads.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { CSP } from '../../demo/server.mjs';
import { ROOT } from './harness.mjs';

const PAGES = path.join(ROOT, 'test', 'fixtures', 'neighbours');
const MOUNTS = [['/node_modules/', path.join(ROOT, 'node_modules')], ['/dist/', path.join(ROOT, 'dist')], ['/', PAGES]];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };
const JQUERY = { '1.12': 'jquery-1.12', '3.7': 'jquery-3.7', '4.0': 'jquery-4.0' };
const envelope = (message, status) => ({ error: { message, code: 'SERVER_ERROR', status } });

function send(res, status, body, delay = 0) {
  setTimeout(() => {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }, delay);
}

/** The API: what each widget asks, and the failures the tests ask for through their input. */
function api(req, res, url, body) {
  const q = url.searchParams;
  const term = q.get('term') ?? q.get('q') ?? '';
  // A term that starts with "slow" is answered after 1.5 s: long enough to be superseded.
  const delay = term.startsWith('slow') || (q.get('username') || '').startsWith('slow') ? 1500 : 0;
  switch (url.pathname) {
    case '/api/rows':
      if (q.get('fail')) return send(res, 500, envelope('The table could not be loaded.', 500));
      return send(res, 200, { data: [['Ada Lovelace', 'London'], ['Linus Torvalds', 'Helsinki']] });
    case '/api/search': {
      if (term.includes('fail')) return send(res, 500, envelope('Search is down.', 500), delay);
      const found = [`${term} one`, `${term} two`];
      if (q.get('format') === 'select2') return send(res, 200, { results: found.map((text, id) => ({ id, text })) }, delay);
      return send(res, 200, found, delay);
    }
    case '/api/check-username': {
      const username = q.get('username') || '';
      if (username.endsWith('taken')) return send(res, 400, { username: ['A user with that username already exists.'] }, delay);
      if (username.endsWith('boom')) return send(res, 500, envelope('The check failed.', 500), delay);
      return send(res, 200, true, delay);
    }
    case '/api/articles':
      // The save button's name and the title, as a Django admin form posts them.
      if (!/(^|&)_save=/.test(body) && !body.includes('name="_save"')) return send(res, 400, { non_field_errors: ['The save button was not sent.'] });
      if (/(^|&)title=(&|$)/.test(body) || /name="title"\r\n\r\n\r\n/.test(body)) return send(res, 400, { title: ['This field is required.'] });
      return send(res, 201, { id: 1 });
    case '/api/upload':
      return send(res, 400, { document: ['The file is too large.'] });
    default:
      return send(res, 404, { detail: 'Not found.' });
  }
}

function serveFile(res, url) {
  const mount = MOUNTS.find(([prefix]) => url.pathname.startsWith(prefix));
  const relative = decodeURIComponent(url.pathname.slice(mount[0].length)) || 'index.html';
  const file = path.resolve(mount[1], relative);
  if (relative.split('/').includes('..') || !file.startsWith(mount[1]) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('Not found\n');
  }
  let content = fs.readFileSync(file);
  const jquery = JQUERY[url.searchParams.get('jquery')];
  if (file.endsWith('.html') && jquery) content = Buffer.from(content.toString().replace('/node_modules/jquery-3.7/', `/node_modules/${jquery}/`));
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
  res.end(content);
}

/** Starts the server on a free port of 127.0.0.1; resolves to {url, close}. */
export function startNeighbours() {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    const url = new URL(req.url, 'http://127.0.0.1');
    let body = '';
    req.setEncoding('latin1');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => (url.pathname.startsWith('/api/') ? api(req, res, url, body) : serveFile(res, url)));
  });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
    }));
  });
}
