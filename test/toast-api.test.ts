// showToast, the toast API the failure policies build on: countdowns a screen reader hears once,
// updates in place, actions, keys. A jsdom document, and a controlled clock on Node's timers
// (the module runs in Node here, so its timers are Node's).
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { showToast, type ToastSpec } from '../src/render/toast.ts';
import { controlClock, type PageClock } from './helpers/clock.ts';

let dom: JSDOM;
let doc: Document;
let clock: PageClock;

beforeEach(() => {
  clock = controlClock(globalThis);
  dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
  doc = dom.window.document;
});

afterEach(() => {
  clock.restore();
  dom.window.close();
});

const shown = (): HTMLElement[] => Array.from(doc.querySelectorAll<HTMLElement>('.api-errors-toast'));
const spec = (fields: Partial<ToastSpec>): ToastSpec => ({ message: 'Too many requests.', duration: 0, ...fields });

/** The text a screen reader gets from an element: what is not inside aria-hidden. */
function spokenText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType === 1 && (node as Element).getAttribute('aria-hidden') === 'true') return '';
  return Array.from(node.childNodes).map(spokenText).join('');
}

/** Records each change a screen reader could hear: mutations outside aria-hidden subtrees. */
function watchSpoken(root: Node): () => Promise<string[]> {
  const heard: string[] = [];
  const observer = new dom.window.MutationObserver((records: MutationRecord[]) => {
    for (const record of records) {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      if (target && target.closest('[aria-hidden="true"]')) continue;
      for (const added of Array.from(record.addedNodes)) heard.push(spokenText(added));
      if (record.type === 'characterData') heard.push(record.target.textContent ?? '');
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return async () => {
    await Promise.resolve();
    observer.disconnect();
    return heard.filter(Boolean);
  };
}

const countdown = { seconds: 3, text: 'Try again in {n} seconds.', done: 'You can try again now.' };

test('a countdown ticks visibly every second and says the done text at zero', () => {
  showToast(doc, spec({ countdown }));
  const line = () => shown()[0]!.querySelector('.api-errors-toast-countdown')!;
  const visible = () => line().querySelector('[aria-hidden="true"]')?.textContent ?? line().textContent;
  assert.equal(visible(), 'Try again in 3 seconds.');
  clock.tick(999);
  assert.equal(visible(), 'Try again in 3 seconds.');
  clock.tick(1);
  assert.equal(visible(), 'Try again in 2 seconds.');
  clock.tick(1000);
  assert.equal(visible(), 'Try again in 1 second.', 'the last second is singular');
  clock.tick(1000);
  assert.equal(line().textContent, 'You can try again now.');
  assert.equal(line().querySelector('[aria-hidden]'), null);
  assert.deepEqual(clock.pending(), [], 'the countdown stopped');
});

test('a screen reader hears the countdown once with the toast, then only the done text', async () => {
  const region = () => doc.querySelector('[aria-live]')!;
  showToast(doc, spec({ countdown }));
  assert.match(spokenText(region()), /^Too many requests\.Try again in 3 seconds\./);
  const heard = watchSpoken(region());
  for (let second = 0; second < 6; second += 1) clock.tick(1000);
  assert.deepEqual(await heard(), ['You can try again now.']);
});

test('a countdown that starts at one second says "1 second", seen and heard; 11 and 21 stay plural', () => {
  const shownText = (seconds: number) => {
    const toast = showToast(doc, spec({ message: `wait ${seconds}`, countdown: { ...countdown, seconds } }))!;
    return Array.from(toast.element.querySelectorAll('.api-errors-toast-countdown > div'), (part) => part.textContent);
  };
  assert.deepEqual(shownText(1), ['Try again in 1 second.', 'Try again in 1 second.']);
  assert.deepEqual(shownText(11), ['Try again in 11 seconds.', 'Try again in 11 seconds.']);
  assert.deepEqual(shownText(21), ['Try again in 21 seconds.', 'Try again in 21 seconds.']);
});

test('a countdown of zero (or nonsense) seconds says the done text at once', () => {
  showToast(doc, spec({ countdown: { ...countdown, seconds: Number.NaN } }));
  assert.equal(shown()[0]!.querySelector('.api-errors-toast-countdown')!.textContent, 'You can try again now.');
});

test('update() changes the message and lines in place and restarts the timer', () => {
  const handle = showToast(doc, spec({ message: '2 requests failed: Request failed.', duration: 4000 }))!;
  clock.tick(3000);
  handle.update({ message: '3 requests failed: Request failed.', lines: ['The server answered 502.'] });
  assert.equal(shown().length, 1);
  assert.equal(shown()[0], handle.element, 'the same element');
  assert.equal(handle.element.querySelector('.api-errors-toast-message')!.textContent, '3 requests failed: Request failed.');
  assert.deepEqual(Array.from(handle.element.querySelectorAll('li')).map((li) => li.textContent), ['The server answered 502.']);
  clock.tick(3999);
  assert.equal(shown().length, 1);
  clock.tick(1);
  assert.equal(shown().length, 0);
});

test('update() keeps a running countdown running', () => {
  const handle = showToast(doc, spec({ countdown }))!;
  clock.tick(1000);
  handle.update({ message: 'Still too many requests.' });
  const visible = handle.element.querySelector('.api-errors-toast-countdown [aria-hidden="true"]')!;
  assert.equal(visible.textContent, 'Try again in 2 seconds.');
  clock.tick(2000);
  assert.equal(handle.element.querySelector('.api-errors-toast-countdown')!.textContent, 'You can try again now.');
});

test('an action with run is a real button: text only, it runs once and the toast closes', () => {
  let runs = 0;
  showToast(doc, spec({ message: 'Request failed.', action: { label: '<b>Try again</b>', run: () => { runs += 1; } } }));
  const button = shown()[0]!.querySelector<HTMLElement>('.api-errors-toast-action')!;
  assert.equal(button.tagName, 'BUTTON');
  assert.equal(button.getAttribute('type'), 'button');
  assert.equal(button.textContent, '<b>Try again</b>');
  assert.equal(button.children.length, 0);
  button.click();
  assert.equal(runs, 1);
  assert.equal(shown().length, 0);
});

test('an action that throws is reported and the toast still closes', (t) => {
  const errors = t.mock.method(console, 'error', () => {});
  showToast(doc, spec({ action: { label: 'Reload', run: () => { throw new Error('reload broke'); } } }));
  shown()[0]!.querySelector<HTMLElement>('.api-errors-toast-action')!.click();
  assert.equal(shown().length, 0);
  assert.ok(errors.mock.calls.some((call) => String(call.arguments[1]).includes('reload broke')));
});

test('an action with href is a real link', () => {
  showToast(doc, spec({ message: 'Your session has expired.', action: { label: 'Sign in again', href: '/accounts/login/?next=/app' } }));
  const link = shown()[0]!.querySelector<HTMLAnchorElement>('.api-errors-toast-action')!;
  assert.equal(link.tagName, 'A');
  assert.equal(link.getAttribute('href'), '/accounts/login/?next=/app');
  assert.equal(link.textContent, 'Sign in again');
});

test('toasts with the same key are one toast whatever their text; the handle is the same', () => {
  const first = showToast(doc, spec({ message: '1 request failed.', key: 'burst:502' }));
  const second = showToast(doc, spec({ message: '2 requests failed.', key: 'burst:502' }));
  assert.equal(first, second);
  assert.equal(shown().length, 1);
});

test('a duration goes by itself; 0 stays; close() removes at once and twice is harmless', () => {
  showToast(doc, spec({ message: 'Goes.', duration: 3000 }));
  const stays = showToast(doc, spec({ message: 'Stays.' }))!;
  clock.tick(3000);
  assert.deepEqual(shown().map((toast) => toast.querySelector('.api-errors-toast-message')!.textContent), ['Stays.']);
  stays.close();
  stays.close();
  assert.equal(shown().length, 0);
});

test('closing a toast stops its countdown and its timer', () => {
  showToast(doc, spec({ countdown, duration: 60_000 }))!.close();
  assert.deepEqual(clock.pending(), []);
});

test('a document with nothing to draw on gets no toast and no exception', () => {
  const empty = doc.implementation.createDocument(null, null, null);
  assert.equal(showToast(empty, spec({})), null);
});
