// A soak of 10,000 failures on one jsdom page, each with field errors on a form, a field with no
// input (so the toast has details) and a new message (so every failure makes a new toast).
// What the page holds must stay flat: DOM nodes, live listeners on window, document, the form
// and its inputs, toasts on screen and toasts alive in memory (only the 3 on screen); and once
// their display time is over, no toast is left at all. Measured after the first 100 failures, at the end and 6.5 s later; asserted as counts,
// never as times. The figures (heap included, not asserted) are printed for the bench.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, test } from 'node:test';
import { nodeCount, openPage, wait, type TestPage } from './helpers/page.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const TOTAL = 10_000;
const FIRST = 100;
const BATCH = 50;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full GC from a fresh macrotask: a WeakRef read in the current job keeps its target alive. */
async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}

let server: TestServer;
before(async () => {
  server = await startServer();
  server.route('/soak', (request, response) => {
    const n = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('n');
    response.writeHead(400, { 'Content-Type': 'application/json', 'X-Correlation-ID': `soak-${n}` });
    response.end(JSON.stringify({
      error: {
        message: `Soak failure ${n}`,
        code: 'VALIDATION_ERROR',
        errors: { email: ['Enter a valid email address.'], password: ['Too short.', `Attempt ${n}.`], nowhere: ['No input.'] },
      },
    }));
  });
});
after(() => server.close());

interface ListenerEntry {
  type: string;
  listener: unknown;
  capture: boolean;
}

/**
 * Wraps addEventListener/removeEventListener on each target before the plugin is installed and
 * keeps the set of live listeners (a repeated add of the same triple is one listener, as in DOM).
 */
function trackListeners(targets: Record<string, EventTarget>): () => Record<string, number> {
  const live = new Map<string, ListenerEntry[]>();
  for (const [name, target] of Object.entries(targets)) {
    const entries: ListenerEntry[] = [];
    live.set(name, entries);
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const captureOf = (options: unknown): boolean =>
      typeof options === 'boolean' ? options : !!(options && (options as { capture?: boolean }).capture);
    const indexOf = (type: string, listener: unknown, capture: boolean): number =>
      entries.findIndex((entry) => entry.type === type && entry.listener === listener && entry.capture === capture);
    target.addEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
      const capture = captureOf(options);
      if (listener && indexOf(type, listener, capture) === -1) entries.push({ type, listener, capture });
      return add.call(this, type, listener, options);
    };
    target.removeEventListener = function (this: EventTarget, type: string, listener: any, options?: any) {
      const index = indexOf(type, listener, captureOf(options));
      if (index !== -1) entries.splice(index, 1);
      return remove.call(this, type, listener, options);
    };
  }
  return () => Object.fromEntries(Array.from(live, ([name, entries]) => [name, entries.length]));
}

/** Every toast element the plugin ever made, held weakly: the ones still alive after a GC. */
function trackToasts(page: TestPage): () => number {
  const made: WeakRef<Element>[] = [];
  const observer = new page.window.MutationObserver((records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes) as Element[]) {
        if (node.nodeType === 1 && node.classList.contains('api-errors-toast')) made.push(new WeakRef(node));
      }
    }
  });
  observer.observe(page.document.body, { childList: true, subtree: true });
  return () => {
    for (let index = made.length - 1; index >= 0; index -= 1) if (!made[index]!.deref()) made.splice(index, 1);
    return made.length;
  };
}

interface Figures {
  failures: number;
  domNodes: number;
  listeners: Record<string, number>;
  toastsOnScreen: number;
  toastContainers: number;
  fieldMessages: number;
  toastsAlive: number;
  heapUsedMB: number;
}

test(`${TOTAL.toLocaleString('en')} failures on one page: DOM, listeners and toasts stay flat`, async () => {
  const page = openPage({
    origin: server.origin,
    jquery: '3.7',
    body: '<form id="signup"><input name="email"><input name="password"><button>Go</button></form>',
  });
  const form = page.document.getElementById('signup') as HTMLFormElement;
  const inputs = Array.from(form.querySelectorAll('input'));
  const listeners = trackListeners({ window: page.window, document: page.document, form, email: inputs[0]!, password: inputs[1]! });
  const toastsAlive = trackToasts(page);
  // Each failure leaves a field with no input, whose toast would stay until dismissed; here they
  // go after the usual 5 s, so the soak can see every toast released once its time is up.
  page.ApiErrors.installApiErrors({ stickyWhen: () => false });
  let handled = 0;
  page.$(page.document).on('api:error', () => {
    handled += 1;
  });

  let sent = 0;
  let completes = 0;
  async function failures(count: number): Promise<void> {
    for (let done = 0; done < count; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - done) }, () => {
        sent += 1;
        const jqXHR = page.$.ajax({ url: `/soak?n=${sent}`, apiErrors: { form: '#signup' }, complete: () => { completes += 1; } });
        return new Promise<void>((resolve) => jqXHR.always(() => resolve()));
      });
      await Promise.all(batch);
      await wait(page, 1);
    }
    await wait(page, 20);
  }

  /**
   * Toasts alive in memory after a full GC. jsdom keeps two things of its own alive until they
   * are used again: the live collection the toast code reads (its last snapshot) and the root
   * of the selector engine's last query (the plugin's last is inside a toast). Both are used
   * once more first, so that only what the plugin holds counts.
   */
  async function toastsRetained(): Promise<number> {
    const container = page.document.querySelector('.api-errors-toasts');
    if (container) container.getElementsByClassName('api-errors-toast').length;
    form.querySelectorAll('[aria-invalid="true"]');
    await collectGarbage();
    return toastsAlive();
  }

  /** Counted by walking the container: a selector query rooted in a toast would retain it. */
  function toastsOnScreen(): number {
    const container = page.document.querySelector('.api-errors-toasts');
    return container ? Array.from(container.children).filter((child) => child.classList.contains('api-errors-toast')).length : 0;
  }

  async function measure(): Promise<Figures> {
    const figures = {
      failures: handled,
      domNodes: nodeCount(page),
      listeners: listeners(),
      toastsOnScreen: toastsOnScreen(),
      toastContainers: page.document.querySelectorAll('.api-errors-toasts').length,
      fieldMessages: page.document.querySelectorAll('.api-errors-message').length,
    };
    const retained = await toastsRetained();
    return {
      ...figures,
      toastsAlive: retained,
      heapUsedMB: Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10,
    };
  }

  const initial = { domNodes: nodeCount(page), listeners: listeners() };
  await failures(FIRST);
  const early = await measure();
  await failures(TOTAL - FIRST);
  const end = await measure();
  await wait(page, 6_500); // past the toasts' display time
  const quiet = await measure();

  console.log(`soak: before the first failure ${JSON.stringify(initial)}`);
  console.log(`soak: after ${FIRST} failures ${JSON.stringify(early)}`);
  console.log(`soak: after ${TOTAL} failures ${JSON.stringify(end)}`);
  console.log(`soak: 6.5 s after the last failure ${JSON.stringify(quiet)}`);

  assert.equal(early.failures, FIRST);
  assert.equal(end.failures, TOTAL);
  assert.equal(completes, TOTAL);
  assert.equal(page.$.active, 0);
  assert.equal(end.domNodes, early.domNodes, 'DOM node count');
  assert.deepEqual(end.listeners, early.listeners, 'live listeners');
  for (const [target, count] of Object.entries(end.listeners)) {
    // The plugin's own, each added once per page: pagehide/pageshow/beforeunload and the offline
    // banner's offline/online on window; on document the delegated edit (input, change) and submit
    // listeners and the toasts' Escape key; none on the form or its inputs.
    const added = count - (initial.listeners[target] ?? 0);
    assert.ok(added <= (target === 'document' ? 4 : target === 'window' ? 5 : 0), `${added} listeners added to ${target}`);
  }
  assert.equal(end.toastsOnScreen, 3);
  assert.equal(early.toastsOnScreen, 3);
  // Only the toasts on screen are alive: one pushed off is released at once, not when its
  // dismiss timer would have fired.
  assert.equal(early.toastsAlive, 3);
  assert.equal(end.toastsAlive, 3);
  assert.equal(end.toastContainers, 1);
  assert.equal(end.fieldMessages, 2);
  assert.equal(form.querySelectorAll('[aria-invalid="true"]').length, 2);
  // Once their time is up every toast is gone from the page and from memory.
  assert.equal(quiet.toastsOnScreen, 0);
  assert.equal(quiet.toastsAlive, 0);
  assert.deepEqual(quiet.listeners, end.listeners);
  assert.deepEqual(page.consoleErrors, []);
  page.close();
});

test('toasts pushed off screen are released at once, not kept alive until their timer fires', async () => {
  const page = openPage({ origin: server.origin, jquery: '3.7', body: '<form id="signup"><input name="email"><input name="password"></form>' });
  const toastsAlive = trackToasts(page);
  page.ApiErrors.installApiErrors();
  const figures: number[] = [];
  for (const count of [FIRST, 10 * FIRST]) {
    await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const jqXHR = page.$.ajax({ url: `/soak?n=burst-${count}-${index}`, apiErrors: { form: '#signup' } });
        return new Promise<void>((resolve) => jqXHR.always(() => resolve()));
      }),
    );
    await wait(page, 20);
    page.document.querySelector('.api-errors-toasts')!.getElementsByClassName('api-errors-toast').length;
    page.document.querySelector('#signup')!.querySelectorAll('[aria-invalid="true"]');
    await collectGarbage();
    figures.push(toastsAlive());
  }
  console.log(`soak: toasts alive in memory after bursts of ${FIRST} and ${10 * FIRST}: ${figures.join(', ')} (3 on screen)`);
  // Each burst ends with 3 toasts on screen; the ones pushed off should be gone already.
  assert.deepEqual(figures, [3, 3]);
  page.close();
});

