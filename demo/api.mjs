// The demo's embedded API: answers the way a Django REST Framework backend with the envelope
// exception handler answers (see demo/drf/), so the pages behave the same against either server.

import { randomUUID } from 'node:crypto';
import { validateSignup } from './signup.mjs';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_SLOW_MS = 30000;
/** The retry-after scenario's longest Retry-After value (Chromium refuses headers past 256 KiB). */
const MAX_HEADER_CHARS = 128 * 1024;
/** Its largest padding: a 10 MiB body. */
const MAX_PADDING = 10 * 1024 * 1024;
/** How many ids /api/flaky/ remembers; the oldest is forgotten first. */
const MAX_FLAKY_IDS = 1000;
/** The same rule as demo/drf's middleware: a safe incoming id is kept, anything else replaced. */
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Django's own 500 page (DEBUG off): the body the plugin must never show. */
export const DJANGO_500_HTML = `
<!doctype html>
<html lang="en">
<head>
  <title>Server Error (500)</title>
</head>
<body>
  <h1>Server Error (500)</h1><p></p>
</body>
</html>
`;

/** Django's 403 page when CSRF verification fails (DEBUG off), as `django.views.csrf` renders it. */
export const DJANGO_CSRF_HTML = `
<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>
  <p>You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>
  <p>If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.</p>
</div>
</body>
</html>
`;

/** The page `@login_required` redirects to: what a JSON request receives once its session is gone. */
export const LOGIN_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in</title></head>
<body>
<h1>Log in</h1>
<form method="post" action="/accounts/login/">
  <label for="id_username">Username</label> <input id="id_username" name="username" autocomplete="username">
  <label for="id_password">Password</label> <input id="id_password" name="password" type="password" autocomplete="current-password">
  <button type="submit">Log in</button>
</form>
</body>
</html>
`;

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/**
 * The failures a Django page meets most, at the paths the DRF demo serves them: [methods,
 * answer]. Session auth answers a missing login with 403; `@login_required` redirects to the
 * login page; CSRF fails as DRF's detail or as Django's own HTML page. The Node demo has no
 * sign-in: every visitor is signed out, so /api/session/ is always the 403.
 */
const DJANGO_PATHS = {
  '/api/session/': [['GET', 'HEAD'], (req, res, id) =>
    sendError(res, id, 403, 'NOT_AUTHENTICATED', 'Authentication credentials were not provided.')],
  '/api/login-required/': [['GET', 'HEAD', 'POST'], (req, res, id, url) => {
    req.resume();
    // A POST meets Django's CSRF check first: under /api/, CSRF_FAILURE_VIEW's envelope.
    if (req.method === 'POST') sendError(res, id, 403, 'CSRF_FAILED', 'CSRF Failed: CSRF token missing.');
    else send(res, 302, '', { Location: `/accounts/login/?next=${encodeURIComponent(url.pathname)}` });
  }],
  '/accounts/login/': [['GET', 'HEAD'], (req, res) => send(res, 200, LOGIN_HTML, HTML)],
  '/accounts/logout/': [['POST'], (req, res) => {
    req.resume();
    send(res, 302, '', { Location: '/accounts/login/', 'Set-Cookie': 'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/' });
  }],
  '/api/csrf/': [['POST'], (req, res, id) => {
    req.resume();
    sendError(res, id, 403, 'CSRF_FAILED', 'CSRF Failed: CSRF token missing.');
  }],
  '/csrf-django/': [['POST'], (req, res) => {
    req.resume();
    send(res, 403, DJANGO_CSRF_HTML, HTML);
  }],
  '/api/throttled/': [['GET', 'HEAD'], (req, res, id) =>
    sendError(res, id, 429, 'THROTTLED', 'Request was throttled. Expected available in 37 seconds.', {}, { 'Retry-After': '37' }, { retry_after: 37 })],
  '/api/unavailable/': [['GET', 'HEAD'], (req, res, id) =>
    sendError(res, id, 503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Try again later.', {}, { 'Retry-After': '120' }, { retry_after: 120 })],
};

/** A hostile server: markup in the message, in field messages, in field names and in the id. */
export const XSS_PAYLOADS = {
  message: '<img src=x onerror="window.__xss=1;alert(1)">Validation failed',
  email: '<script>window.__xss=2;alert(2)</script>',
  password: '<iframe src="javascript:alert(3)"></iframe>',
  fieldName: '<svg onload="window.__xss=4;alert(4)">',
  fieldMessage: '<svg><script>window.__xss=5</script></svg>',
  selectorName: 'email"],img[src=x',
  selectorMessage: '"><img src=x onerror=alert(6)>',
  formError: '<a href="javascript:alert(7)">click</a>',
  correlationId: '"><img src=x onerror="window.__xss=8">',
};

const SCENARIOS = {
  401: (res, id) =>
    sendError(res, id, 401, 'NOT_AUTHENTICATED', 'Authentication credentials were not provided.', {}, {
      // TokenAuthentication's header: a Basic challenge would open the browser's login dialog.
      'WWW-Authenticate': 'Token',
    }),
  403: (res, id) =>
    sendError(res, id, 403, 'PERMISSION_DENIED', 'You do not have permission to perform this action.'),
  404: (res, id) => sendError(res, id, 404, 'NOT_FOUND', 'Not found.'),
  429: (res, id) =>
    sendError(res, id, 429, 'THROTTLED', 'Request was throttled. Expected available in 30 seconds.', {}, {
      'Retry-After': '30',
    }),
  500: (res, id) => sendError(res, id, 500, 'SERVER_ERROR', 'A server error occurred.'),
  '500-html': (res, id) => send(res, 500, DJANGO_500_HTML, { 'Content-Type': 'text/html; charset=utf-8', 'X-Correlation-ID': id }),
  // A proxy in front of the app: no body, no id.
  502: (res) => send(res, 502, '', {}),
  slow: (res, id, url, req) => {
    const ms = Math.min(Math.max(Number(url.searchParams.get('ms')) || 0, 0), MAX_SLOW_MS);
    const timer = setTimeout(() => sendJson(res, 200, { ok: true }, { 'X-Correlation-ID': id }), ms);
    req.on('close', () => clearTimeout(timer));
  },
  // No response at all: the browser sees a reset connection (status 0).
  network: (res, id, url, req) => req.socket.destroy(),
  xss: (res) => sendJson(res, 400, xssBody(), { 'X-Correlation-ID': randomUUID() }),
  // A 429 whose Retry-After is `value` (printable ASCII, `repeat` times; no header without it),
  // and with `size`, an envelope whose `retry_after` is that many digits: what a hostile or
  // broken server may send about when to come back.
  'retry-after': (res, id, url) => {
    const params = url.searchParams;
    const headers = {};
    if (params.has('value')) {
      const value = params.get('value').replace(/[^\x20-\x7e]/g, '');
      const repeat = Math.min(Math.max(Math.floor(Number(params.get('repeat'))) || 1, 1), Math.floor(MAX_HEADER_CHARS / Math.max(value.length, 1)));
      headers['Retry-After'] = value.repeat(repeat);
    }
    const size = Math.min(Math.max(Math.floor(Number(params.get('size'))) || 0, 0), MAX_PADDING);
    sendError(res, id, 429, 'THROTTLED', 'Request was throttled.', {}, headers, size ? { retry_after: '9'.repeat(size) } : {});
  },
  ok: (res, id) => sendJson(res, 200, { ok: true }, { 'X-Correlation-ID': id }),
};

/** Handles /api/* requests and the Django pages above; returns false for any other path. */
export function handleApi(req, res, url) {
  const django = Object.hasOwn(DJANGO_PATHS, url.pathname) ? DJANGO_PATHS[url.pathname] : null;
  if (!django && !url.pathname.startsWith('/api/')) return false;
  const id = correlationId(req);
  const scenario = url.pathname.match(/^\/api\/scenario\/([\w-]+)\/?$/);
  if (django) {
    if (allowMethods(req, res, id, django[0])) django[1](req, res, id, url);
  } else if (scenario && Object.hasOwn(SCENARIOS, scenario[1])) {
    if (!allowMethods(req, res, id, ['GET', 'HEAD'])) return true;
    SCENARIOS[scenario[1]](res, id, url, req);
  } else if (/^\/api\/flaky\/?$/.test(url.pathname)) {
    if (allowMethods(req, res, id, ['GET', 'HEAD', 'POST'])) handleFlaky(req, res, id, url);
  } else if (/^\/api\/signup\/?$/.test(url.pathname)) {
    if (allowMethods(req, res, id, ['POST'])) handleSignup(req, res, id);
  } else {
    sendError(res, id, 404, 'NOT_FOUND', 'Not found.');
  }
  return true;
}

function handleSignup(req, res, id) {
  const type = String(req.headers['content-type'] || '').split(';')[0].trim();
  if (type !== 'application/json') {
    req.resume();
    const message = `Unsupported media type "${type}" in request.`;
    sendError(res, id, 415, 'UNSUPPORTED_MEDIA_TYPE', message);
    return;
  }
  readBody(req, (tooLarge, text) => {
    if (tooLarge) return sendError(res, id, 413, 'REQUEST_TOO_LARGE', 'Request body too large.');
    let body;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return sendError(res, id, 400, 'PARSE_ERROR', `JSON parse error - ${error.message}`);
    }
    const errors = validateSignup(body);
    if (errors) return sendError(res, id, 400, 'VALIDATION_ERROR', 'Validation failed', errors);
    sendJson(res, 201, { ok: true }, { 'X-Correlation-ID': id });
  });
}

const flakyAttempts = new Map();

/**
 * /api/flaky/?fail=503|429|network|slow&id=…: the first request with an id fails that way (a 503,
 * a 429 asking to wait 5 s, a connection cut in the middle of the answer, no answer for 30 s),
 * every later one answers 200 with its attempt number. What a "Try again" button is for.
 */
function handleFlaky(req, res, id, url) {
  req.resume();
  const key = url.searchParams.get('id') || '';
  const fail = url.searchParams.get('fail');
  if (!/^[\w-]{1,64}$/.test(key) || !['503', '429', 'network', 'slow'].includes(fail)) {
    return sendError(res, id, 400, 'PARSE_ERROR', 'Give fail=503, 429, network or slow, and an id.');
  }
  const attempt = (flakyAttempts.get(key) || 0) + 1;
  flakyAttempts.delete(key);
  flakyAttempts.set(key, attempt);
  if (flakyAttempts.size > MAX_FLAKY_IDS) flakyAttempts.delete(flakyAttempts.keys().next().value);
  if (attempt > 1) return sendJson(res, 200, { attempt }, { 'X-Correlation-ID': id });
  if (fail === '503') return sendError(res, id, 503, 'SERVICE_UNAVAILABLE', 'Service temporarily unavailable, try again later.');
  if (fail === '429') {
    return sendError(res, id, 429, 'THROTTLED', 'Request was throttled. Expected available in 5 seconds.', {}, { 'Retry-After': '5' });
  }
  if (fail === 'slow') {
    const timer = setTimeout(() => sendJson(res, 200, { attempt }, { 'X-Correlation-ID': id }), MAX_SLOW_MS);
    return req.on('close', () => clearTimeout(timer));
  }
  // Cut after the headers: a browser sends a request again by itself when a reused connection
  // closes before any answer, but never once an answer has begun.
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100, 'Cache-Control': 'no-store' });
  res.write('{"attempt"', () => res.destroy());
}

function readBody(req, callback) {
  const chunks = [];
  let size = 0;
  let done = false;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES && !done) {
      done = true;
      callback(true, '');
    } else if (!done) {
      chunks.push(chunk);
    }
  });
  req.on('end', () => {
    if (!done) callback(false, Buffer.concat(chunks).toString('utf8'));
  });
}

function allowMethods(req, res, id, methods) {
  if (methods.includes(req.method)) return true;
  req.resume();
  sendError(res, id, 405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed.`, {}, {
    Allow: methods.join(', '),
  });
  return false;
}

function correlationId(req) {
  const incoming = req.headers['x-correlation-id'];
  return typeof incoming === 'string' && SAFE_CORRELATION_ID.test(incoming) ? incoming : randomUUID();
}

/** The envelope of demo/drf's exception handler; `extra` adds keys such as `retry_after`. */
function sendError(res, id, status, code, message, errors = {}, headers = {}, extra = {}) {
  const error = { message, code, status, errors, timestamp: timestamp(), correlation_id: id, ...extra };
  sendJson(res, status, { error }, { ...headers, 'X-Correlation-ID': id });
}

function xssBody() {
  const p = XSS_PAYLOADS;
  const errors = {
    email: [p.email],
    password: [p.password],
    [p.fieldName]: [p.fieldMessage],
    [p.selectorName]: [p.selectorMessage],
    non_field_errors: [p.formError],
  };
  const error = { message: p.message, code: 'VALIDATION_ERROR', status: 400, errors, timestamp: timestamp(), correlation_id: p.correlationId };
  return { error };
}

/** Django's isoformat(): `+00:00`, not `Z`. */
function timestamp() {
  return new Date().toISOString().replace('Z', '+00:00');
}

function sendJson(res, status, body, headers) {
  send(res, status, JSON.stringify(body), { ...headers, 'Content-Type': 'application/json' });
}

function send(res, status, body, headers) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
