// `code` is what the server said, `kind` what the plugin made of it: the server's code is never
// rewritten (a code is derived only when it sent none), every failure gets one kind of the fixed
// set, and `messages` are looked up by code, then status, then kind, as the README says.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseApiError } from '../../src/parse/index.ts';
import { check, type Row } from '../helpers/xhr-like.ts';

const html = '<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>';

const rows: Row[] = [
  {
    name: 'the server\'s NOT_AUTHENTICATED reaches the page as NOT_AUTHENTICATED, of the kind session_expired',
    request: { status: 403, responseJSON: { error: { code: 'NOT_AUTHENTICATED', message: 'Authentication credentials were not provided.' } } },
    expected: { code: 'NOT_AUTHENTICATED', kind: 'session_expired', message: 'Authentication credentials were not provided.' },
  },
  {
    name: 'DRF\'s lower-case not_authenticated beside its detail stays lower-case',
    request: { status: 403, responseJSON: { detail: 'Authentication credentials were not provided.', code: 'not_authenticated' } },
    expected: { code: 'not_authenticated', kind: 'session_expired' },
  },
  {
    name: 'DRF\'s THROTTLED on a 429 stays THROTTLED, of the kind rate_limited',
    request: { status: 429, responseJSON: { error: { code: 'THROTTLED', message: 'Request was throttled.' } } },
    expected: { code: 'THROTTLED', kind: 'rate_limited' },
  },
  {
    name: 'a server code that names a kind gives that kind: CSRF_FAILED with the server\'s own words',
    request: { status: 403, responseJSON: { error: { code: 'CSRF_FAILED', message: 'Your form has expired.' } } },
    expected: { code: 'CSRF_FAILED', kind: 'csrf', message: 'Your form has expired.' },
  },
  {
    name: 'a server code that names a kind, in any case: session_expired on a 403',
    request: { status: 403, responseJSON: { error: { code: 'session_expired', message: 'Please sign in.' } } },
    expected: { code: 'session_expired', kind: 'session_expired' },
  },
  {
    name: 'no code from the server: one is derived, as before (VALIDATION_ERROR, kind validation)',
    request: { status: 400, responseJSON: { email: ['Enter a valid email address.'] } },
    expected: { code: 'VALIDATION_ERROR', kind: 'validation' },
  },
  {
    name: 'a server code with field errors keeps its code and is a validation failure',
    request: { status: 409, responseJSON: { error: { code: 'EMAIL_TAKEN', message: 'Taken.', errors: { email: ['Taken.'] } } } },
    expected: { code: 'EMAIL_TAKEN', kind: 'validation' },
  },
  {
    name: 'unavailable: a 503 with no body',
    request: { status: 503, responseText: '' },
    expected: { code: 'SERVICE_UNAVAILABLE', kind: 'unavailable', message: 'The service is unavailable right now. Try again in a moment.' },
  },
  {
    name: 'timeout: status 0 with textStatus timeout',
    request: { status: 0, textStatus: 'timeout' },
    expected: { code: 'TIMEOUT', kind: 'timeout' },
  },
  {
    name: 'network: status 0 while online',
    request: { status: 0, options: { online: true } },
    expected: { code: 'NETWORK_ERROR', kind: 'network' },
  },
  {
    name: 'offline: status 0 while navigator.onLine is false',
    request: { status: 0, options: { online: false } },
    expected: { code: 'OFFLINE', kind: 'offline', message: 'You are offline.' },
  },
  {
    name: 'parse: a 200 jQuery could not read',
    request: { status: 200, textStatus: 'parsererror', responseText: '{"broken' },
    expected: { code: 'PARSE_ERROR', kind: 'parse' },
  },
  {
    name: 'server: an HTML 500 page',
    request: { status: 500, responseText: html, headers: { 'Content-Type': 'text/html' } },
    expected: { code: 'UNKNOWN_ERROR', kind: 'server', message: 'Request failed.' },
  },
  {
    name: 'server: a 500 whose body is broken JSON keeps its derived code PARSE_ERROR',
    request: { status: 500, responseText: '{"error": ' },
    expected: { code: 'PARSE_ERROR', kind: 'server' },
  },
  {
    name: 'server: a 500 with form errors (drf-standardized-errors) is no form to correct',
    request: { status: 500, responseJSON: { type: 'server_error', errors: [{ code: 'error', detail: 'A server error occurred.', attr: null }] } },
    expected: { code: 'error', kind: 'server' },
  },
  {
    name: 'client: a 404, and a 403 for a missing permission',
    request: { status: 403, responseJSON: { error: { code: 'PERMISSION_DENIED', message: 'You do not have permission to perform this action.' } } },
    expected: { code: 'PERMISSION_DENIED', kind: 'client' },
  },
];

for (const row of rows) test(row.name, () => check(row));

const messagesFor = (status: number, body: unknown, messages: Record<string, string>, textStatus = 'error'): string =>
  parseApiError({ status, responseJSON: body, responseText: body === undefined ? '' : JSON.stringify(body) }, textStatus, '', { messages }).message;

test('messages: by the server\'s code first, then by status, then by kind', () => {
  const notSignedIn = { detail: '', code: 'NOT_AUTHENTICATED' };
  const all = { NOT_AUTHENTICATED: 'by code', session_expired: 'by kind', 403: 'by status' };
  assert.equal(messagesFor(403, notSignedIn, all), 'by code');
  assert.equal(messagesFor(403, notSignedIn, { session_expired: 'by kind', 403: 'by status' }), 'by status');
  assert.equal(messagesFor(403, notSignedIn, { session_expired: 'by kind' }), 'by kind');
  assert.equal(messagesFor(403, notSignedIn, {}), 'Your session has expired.', 'the built-in message of the kind');
});

test('messages: a kind covers every status of its kind; a status key narrows it', () => {
  assert.equal(messagesFor(404, undefined, { client: 'by kind', 404: 'by status' }), 'by status');
  assert.equal(messagesFor(410, undefined, { client: 'by kind', 404: 'by status' }), 'by kind');
  assert.equal(messagesFor(502, undefined, { unavailable: 'by kind' }), 'by kind');
  assert.equal(messagesFor(0, undefined, { timeout: 'by kind' }, 'timeout'), 'by kind');
  assert.equal(messagesFor(0, undefined, { TIMEOUT: 'by derived code', timeout: 'by kind' }, 'timeout'), 'by derived code');
});

test('messages are used only when the server gave none', () => {
  assert.equal(messagesFor(404, { detail: 'Not found.' }, { client: 'by kind', 404: 'by status' }), 'Not found.');
});
