// The kinds of failure the parser derives from the response when the server gave no specific
// code (expired session, CSRF, throttling, gateway errors, offline), their built-in messages,
// retryAfter from every source, and the correlation id from problem bodies and traceparent.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseApiError } from '../../src/parse/index.ts';
import { check, type Row } from '../helpers/xhr-like.ts';

const html = (text: string) => `<!DOCTYPE html><html><head><title>Page</title></head><body><p>${text}</p></body></html>`;
const djangoCsrfPage = html('<h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p>');
const loginPage = html('<form method="post"><input name="username"><input name="password"></form>');
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const httpDate = (secondsFromNow: number) => new Date(NOW + secondsFromNow * 1000).toUTCString();

const sessionRows: Row[] = [
  {
    name: 'SESSION_EXPIRED: a 401 with no body, and its built-in message',
    request: { status: 401, responseText: '' },
    expected: { code: 'SESSION_EXPIRED', message: 'Your session has expired.' },
  },
  {
    name: "SESSION_EXPIRED: DRF's 403 \"Authentication credentials were not provided.\" (SessionAuthentication)",
    request: { status: 403, responseJSON: { detail: 'Authentication credentials were not provided.' } },
    expected: { code: 'SESSION_EXPIRED', message: 'Authentication credentials were not provided.', format: 'drf' },
  },
  {
    name: "SESSION_EXPIRED: DRF's 403 \"Incorrect authentication credentials.\"",
    request: { status: 403, responseJSON: { detail: 'Incorrect authentication credentials.' } },
    expected: { code: 'SESSION_EXPIRED' },
  },
  {
    name: 'session_expired: the envelope code NOT_AUTHENTICATED on a 403 (the code stays the server\'s)',
    request: { status: 403, responseJSON: { error: { code: 'NOT_AUTHENTICATED', message: 'Sign in first.' } } },
    expected: { code: 'NOT_AUTHENTICATED', kind: 'session_expired', message: 'Sign in first.' },
  },
  {
    name: 'not SESSION_EXPIRED: a code authentication_failed with a message of its own (a login form\'s wrong password)',
    request: { status: 403, responseJSON: { detail: 'Identifiants incorrects.', code: 'authentication_failed' } },
    expected: { code: 'authentication_failed', kind: 'client', message: 'Identifiants incorrects.' },
  },
  {
    name: 'not SESSION_EXPIRED: a login form\'s 401 "Invalid username or password."',
    request: { status: 401, responseJSON: { detail: 'Invalid username or password.' } },
    expected: { code: 'UNKNOWN_ERROR', kind: 'client', message: 'Invalid username or password.' },
  },
  {
    name: "SESSION_EXPIRED: Laravel's 401 \"Unauthenticated.\", and DRF's default texts on a 401",
    request: { status: 401, responseJSON: { message: 'Unauthenticated.' } },
    expected: { code: 'SESSION_EXPIRED', kind: 'session_expired', message: 'Unauthenticated.' },
  },
  {
    name: 'not SESSION_EXPIRED: HTML at the URL asked for with é in it (compared encoded, as the browser sent it)',
    request: {
      status: 200,
      textStatus: 'parsererror',
      responseText: loginPage,
      responseURL: 'http://127.0.0.1:8000/api/tags/caf%C3%A9/',
      options: { url: 'http://127.0.0.1:8000/api/tags/café/' },
    },
    expected: { code: 'PARSE_ERROR', kind: 'parse' },
  },
  {
    name: 'not SESSION_EXPIRED: the same with a space, or a relative ../ URL',
    request: {
      status: 200,
      textStatus: 'parsererror',
      responseText: loginPage,
      responseURL: 'http://127.0.0.1:8000/app/api/files/Q3%20report/',
      options: { url: '../api/files/Q3 report/' },
    },
    expected: { code: 'PARSE_ERROR', kind: 'parse' },
  },
  {
    name: 'SESSION_EXPIRED: a JSON request answered by an HTML login page after a redirect (responseURL)',
    request: {
      status: 200,
      textStatus: 'parsererror',
      responseText: loginPage,
      responseURL: 'http://127.0.0.1:8000/accounts/login/?next=/api/orders/',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      options: { url: 'http://127.0.0.1:8000/api/orders/?page=2' },
    },
    expected: { code: 'SESSION_EXPIRED', status: 200, message: 'Your session has expired.' },
  },
  {
    name: 'not SESSION_EXPIRED: the same HTML from the URL that was asked for is a PARSE_ERROR',
    request: {
      status: 200,
      textStatus: 'parsererror',
      responseText: loginPage,
      responseURL: 'http://127.0.0.1:8000/api/orders/?page=2',
      options: { url: 'http://127.0.0.1:8000/api/orders/' },
    },
    expected: { code: 'PARSE_ERROR', message: 'Request failed.' },
  },
  {
    name: 'not SESSION_EXPIRED: a redirect is not read without the request URL, nor for JSON',
    request: { status: 200, textStatus: 'parsererror', responseText: loginPage, responseURL: 'http://h/accounts/login/' },
    expected: { code: 'PARSE_ERROR' },
  },
  {
    name: 'not SESSION_EXPIRED: a 403 for a missing permission stays the server\'s PERMISSION_DENIED',
    request: { status: 403, responseJSON: { error: { code: 'PERMISSION_DENIED', message: 'You do not have permission to perform this action.' } } },
    expected: { code: 'PERMISSION_DENIED' },
  },
  {
    name: 'a specific server code wins over a 401: TOKEN_EXPIRED stays',
    request: { status: 401, responseJSON: { error: { code: 'TOKEN_EXPIRED' } } },
    expected: { code: 'TOKEN_EXPIRED', message: 'Your session has expired.' },
  },
];

const csrfRows: Row[] = [
  {
    name: "CSRF_FAILED: Django's HTML 403 page \"CSRF verification failed\", never shown as text",
    request: { status: 403, responseText: djangoCsrfPage, headers: { 'Content-Type': 'text/html' } },
    expected: { code: 'CSRF_FAILED', message: 'The page is out of date. Reload it and try again.', format: 'none', raw: null },
  },
  {
    name: "CSRF_FAILED: DRF's {\"detail\": \"CSRF Failed: CSRF token missing.\"}",
    request: { status: 403, responseJSON: { detail: 'CSRF Failed: CSRF token missing.' } },
    expected: { code: 'CSRF_FAILED', message: 'CSRF Failed: CSRF token missing.' },
  },
  {
    name: 'csrf: the envelope code PERMISSION_DENIED whose message is a CSRF failure (the code stays the server\'s)',
    request: { status: 403, responseJSON: { error: { code: 'PERMISSION_DENIED', message: 'CSRF Failed: Origin checking failed - null does not match any trusted origins.' } } },
    expected: { code: 'PERMISSION_DENIED', kind: 'csrf' },
  },
  {
    name: 'not CSRF_FAILED: the CSRF text on a 400, or a specific server code',
    request: { status: 400, responseJSON: { error: { code: 'BAD_FORM', message: 'CSRF Failed: no.' } } },
    expected: { code: 'BAD_FORM' },
  },
];

const statusRows: Row[] = [
  {
    name: 'RATE_LIMITED: a 429 with no body',
    request: { status: 429, responseText: '' },
    expected: { code: 'RATE_LIMITED', message: 'Too many requests.', retryAfter: null },
  },
  {
    name: 'RATE_LIMITED: the envelope code THROTTLED is the server\'s and stays',
    request: { status: 429, responseJSON: { error: { code: 'THROTTLED', message: 'Slow down.' } } },
    expected: { code: 'THROTTLED', message: 'Slow down.' },
  },
  ...[502, 503, 504].map((status): Row => ({
    name: `SERVICE_UNAVAILABLE: a ${status} HTML page from the proxy`,
    request: { status, responseText: html(`${status} Bad Gateway`) },
    expected: { code: 'SERVICE_UNAVAILABLE', message: 'The service is unavailable right now. Try again in a moment.' },
  })),
  {
    name: 'SERVICE_UNAVAILABLE: an empty 502, and a cut-off JSON 502',
    request: { status: 502, responseText: '{"error": {"message": "cut' },
    expected: { code: 'SERVICE_UNAVAILABLE' },
  },
  {
    name: 'not SERVICE_UNAVAILABLE: 500 and 501 keep "Request failed."',
    request: { status: 501, responseText: '' },
    expected: { code: 'UNKNOWN_ERROR', message: 'Request failed.' },
  },
  {
    name: 'OFFLINE: status 0 while the browser says it is offline',
    request: { status: 0, responseText: '', options: { online: false } },
    expected: { code: 'OFFLINE', message: 'You are offline.' },
  },
  {
    name: 'NETWORK_ERROR: status 0 while online (or when nothing is known) says to check the connection',
    request: { status: 0, responseText: '', options: { online: true } },
    expected: { code: 'NETWORK_ERROR', message: 'The server could not be reached. Check your connection.' },
  },
  {
    name: 'TIMEOUT wins over OFFLINE: the request timed out before the network went',
    request: { status: 0, textStatus: 'timeout', options: { online: false } },
    expected: { code: 'TIMEOUT' },
  },
  {
    name: 'messages overrides a kind message, by code and by status',
    request: { status: 503, options: { messages: { SERVICE_UNAVAILABLE: 'Down for maintenance.', 503: 'not this' } } },
    expected: { message: 'Down for maintenance.' },
  },
  {
    name: 'messages[status] also comes before the kind message',
    request: { status: 429, options: { messages: { 429: 'Wait a bit.' } } },
    expected: { code: 'RATE_LIMITED', message: 'Wait a bit.' },
  },
  {
    name: 'a server code named like an Object.prototype key gets no kind message',
    request: { status: 500, responseJSON: { error: { code: 'constructor' } } },
    expected: { code: 'constructor', message: 'Request failed.' },
  },
];

const retry = (value: unknown, extra: Partial<Row['request']> = {}): Row['request'] => ({
  status: 429,
  headers: { 'Retry-After': value },
  options: { now: NOW },
  ...extra,
});

const retryRows: Row[] = [
  { name: 'retryAfter: Retry-After in seconds', request: retry('37'), expected: { retryAfter: 37 } },
  { name: 'retryAfter: Retry-After as an HTTP date, from now', request: retry(httpDate(120)), expected: { retryAfter: 120 } },
  { name: 'retryAfter: an HTTP date 1.8 s away rounds up to 2', request: retry(httpDate(1), { options: { now: NOW - 800 } }), expected: { retryAfter: 2 } },
  { name: 'retryAfter: a date in the past is nothing to wait for', request: retry(httpDate(-60)), expected: { retryAfter: null } },
  { name: 'retryAfter: "0" is nothing to wait for', request: retry('0'), expected: { retryAfter: null } },
  { name: 'retryAfter: "-1" is not delta-seconds', request: retry('-1'), expected: { retryAfter: null } },
  { name: 'retryAfter: "1e309" is not delta-seconds', request: retry('1e309'), expected: { retryAfter: null } },
  { name: 'retryAfter: "2.5" is not delta-seconds', request: retry('2.5'), expected: { retryAfter: null } },
  { name: 'retryAfter: "<script>" is neither seconds nor a date', request: retry('<script>alert(1)</script>'), expected: { retryAfter: null } },
  { name: 'retryAfter: a 10 MB header is not read', request: retry('9'.repeat(10 * 1024 * 1024)), expected: { retryAfter: null } },
  { name: 'retryAfter: more than a day is cut to 86400', request: retry('31536000'), expected: { retryAfter: 86400 } },
  { name: 'retryAfter: a date a year away is cut to 86400', request: retry(httpDate(365 * 86400)), expected: { retryAfter: 86400 } },
  { name: 'retryAfter: no header, no body: null', request: { status: 429 }, expected: { retryAfter: null } },
  {
    name: "retryAfter: the envelope's retry_after when there is no header",
    request: { status: 429, responseJSON: { error: { code: 'THROTTLED', message: 'Slow down.', retry_after: 37 } } },
    expected: { retryAfter: 37, code: 'THROTTLED' },
  },
  {
    name: 'retryAfter: the header wins over retry_after and the text',
    request: retry('5', { responseJSON: { error: { message: 'Expected available in 37 seconds.', retry_after: 37 } } }),
    expected: { retryAfter: 5 },
  },
  {
    name: 'retryAfter: a hostile header falls through to retry_after',
    request: retry('-1', { responseJSON: { error: { message: 'x', retry_after: 12.2 } } }),
    expected: { retryAfter: 13 },
  },
  {
    name: "retryAfter: DRF's text \"Expected available in 42 seconds.\" with no header",
    request: { status: 429, responseJSON: { detail: 'Request was throttled. Expected available in 42 seconds.' } },
    expected: { retryAfter: 42, code: 'RATE_LIMITED', message: 'Request was throttled. Expected available in 42 seconds.' },
  },
  {
    name: "retryAfter: DRF's singular \"in 1 second.\"",
    request: { status: 429, responseJSON: { detail: 'Request was throttled. Expected available in 1 second.' } },
    expected: { retryAfter: 1 },
  },
  {
    name: 'retryAfter: hostile retry_after values (negative, Infinity as a string, an object) are null',
    request: { status: 503, responseJSON: { error: { message: 'x', retry_after: { seconds: 5 } } }, headers: { 'Retry-After': 'Infinity' } },
    expected: { retryAfter: null },
  },
  {
    name: 'retryAfter: a 503 with Retry-After 120',
    request: { status: 503, headers: { 'Retry-After': ' 120 ' } },
    expected: { retryAfter: 120, code: 'SERVICE_UNAVAILABLE' },
  },
];

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const correlationRows: Row[] = [
  {
    name: "correlation id: RFC 9457 instance when there is no envelope id or header",
    request: { status: 500, responseJSON: { title: 'Oops', instance: 'urn:uuid:6f1c2a9e' }, headers: { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` } },
    expected: { correlationId: 'urn:uuid:6f1c2a9e' },
  },
  {
    name: 'correlation id: X-Request-ID comes before instance',
    request: { status: 500, responseJSON: { title: 'Oops', instance: '/e/1' }, headers: { 'X-Request-ID': 'req-1' } },
    expected: { correlationId: 'req-1' },
  },
  {
    name: 'correlation id: traceId in the body (ASP.NET problem details)',
    request: { status: 400, responseJSON: { title: 'Bad', traceId: '00-abc-01' } },
    expected: { correlationId: '00-abc-01' },
  },
  {
    name: 'correlation id: trace_id in the body',
    request: { status: 500, responseJSON: { detail: 'Oops', trace_id: 'tr-9' } },
    expected: { correlationId: 'tr-9' },
  },
  {
    name: 'correlation id: the trace-id of a W3C traceparent header, last',
    request: { status: 502, responseText: '', headers: { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` } },
    expected: { correlationId: TRACE },
  },
  ...[
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-00f067aa0ba902b7-01`],
    ['a short trace id', `00-${TRACE.slice(1)}-00f067aa0ba902b7-01`],
    ['markup', '<script>alert(1)</script>'],
  ].map(([what, header]): Row => ({
    name: `correlation id: a traceparent with ${what} is not one`,
    request: { status: 500, headers: { traceparent: header } },
    expected: { correlationId: null },
  })),
];

for (const row of [...sessionRows, ...csrfRows, ...statusRows, ...retryRows, ...correlationRows]) {
  test(row.name, () => check(row));
}

test('parseApiError takes the same options as a fourth argument, and works without them', () => {
  assert.equal(parseApiError({ status: 0, responseText: '' }, 'error', '', { online: false }).code, 'OFFLINE');
  assert.equal(parseApiError({ status: 0, responseText: '' }, 'error').code, 'NETWORK_ERROR');
  const date = new Date(Date.now() + 90_000).toUTCString();
  const retryAfter = parseApiError({ status: 503, getResponseHeader: () => date }).retryAfter;
  assert.ok(retryAfter !== null && retryAfter >= 80 && retryAfter <= 90, `without now, Date.now() counts: ${retryAfter}`);
});
