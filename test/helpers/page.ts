// jsdom pages that load a real jQuery (and Backbone) from node_modules and the built plugin
// from dist/, on the test server's origin so their XHRs are real same-origin requests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { JSDOM, VirtualConsole, type CookieJar } from 'jsdom';
import { startServer, type TestServer } from './server.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const JQUERY_VERSIONS = ['1.12', '2.2', '3.7', '4.0'] as const;
export const BACKBONE_VERSIONS = ['1.1', '1.4', '1.6'] as const;
export type JQueryVersion = (typeof JQUERY_VERSIONS)[number];
export type BackboneVersion = (typeof BACKBONE_VERSIONS)[number];

const sources = new Map<string, string>();
function source(path: string): string {
  let text = sources.get(path);
  if (text === undefined) {
    text = readFileSync(join(ROOT, path), 'utf8');
    sources.set(path, text);
  }
  return text;
}

export const pluginSource = (): string => source('dist/api-errors.js');

export interface PageOptions {
  origin: string;
  jquery?: JQueryVersion;
  backbone?: BackboneVersion;
  /** The body's HTML. */
  body?: string;
  /** 'dist' loads dist/api-errors.js (default); 'none' leaves it out. */
  plugin?: 'dist' | 'none';
  /** jsdom's runScripts: 'outside-only' (default) or 'dangerously' (inline handlers run too). */
  runScripts?: 'outside-only' | 'dangerously';
  /** The cookies the page's requests send and keep; pages given the same jar are tabs of one browser. */
  cookieJar?: CookieJar;
}

export interface TestPage {
  window: any;
  document: Document;
  $: any;
  Backbone: any;
  ApiErrors: any;
  /** What the page wrote with console.error, and errors jsdom reported (uncaught exceptions). */
  consoleErrors: string[];
  uncaught: string[];
  close(): void;
}

export function openPage(options: PageOptions): TestPage {
  const consoleErrors: string[] = [];
  const uncaught: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => consoleErrors.push(args.map(String).join(' ')));
  virtualConsole.on('jsdomError', (error: Error) => uncaught.push(String(error && error.message)));
  const dom = new JSDOM(`<!DOCTYPE html><html><head><title>test</title></head><body>${options.body ?? ''}</body></html>`, {
    url: options.origin + '/page.html',
    runScripts: options.runScripts ?? 'outside-only',
    pretendToBeVisual: true,
    virtualConsole,
    ...(options.cookieJar ? { cookieJar: options.cookieJar } : {}),
  });
  const window = dom.window as any;
  window.eval(source(`node_modules/jquery-${options.jquery ?? '3.7'}/dist/jquery.js`));
  if (options.backbone) {
    window.eval(source('node_modules/underscore/underscore-umd.js'));
    window.eval(source(`node_modules/backbone-${options.backbone}/backbone.js`));
  }
  if ((options.plugin ?? 'dist') === 'dist') window.eval(pluginSource());
  return {
    window,
    document: window.document,
    $: window.jQuery,
    Backbone: window.Backbone,
    ApiErrors: window.ApiErrors,
    consoleErrors,
    uncaught,
    close: () => window.close(),
  };
}

/** Resolves once the request has finished and every callback (and the plugin) has run. */
export function settled(page: TestPage, jqXHR: any, extraMs = 0): Promise<void> {
  return new Promise((resolve) => {
    jqXHR.always(() => page.window.setTimeout(resolve, 15 + extraMs));
  });
}

/**
 * Sends `$.ajax(settings)` and waits until it has settled. The jqXHR comes back wrapped: it is a
 * thenable, so returning it bare from an async function would adopt its failure.
 */
export async function ajax(page: TestPage, settings: Record<string, unknown>): Promise<{ jqXHR: any }> {
  const jqXHR = page.$.ajax(settings);
  await settled(page, jqXHR);
  return { jqXHR };
}

export function wait(page: TestPage, ms: number): Promise<void> {
  return new Promise((resolve) => page.window.setTimeout(resolve, ms));
}

/** The toasts on screen: message, detail lines, reference line. */
export function toasts(page: TestPage): Array<{ message: string; details: string[]; reference: string | null }> {
  return Array.from(page.document.querySelectorAll('.api-errors-toast')).map((toast) => ({
    message: toast.querySelector('.api-errors-toast-message')?.textContent ?? '',
    details: Array.from(toast.querySelectorAll('.api-errors-toast-details li')).map((li) => li.textContent ?? ''),
    reference: toast.querySelector('.api-errors-toast-reference')?.textContent ?? null,
  }));
}

export const toastMessages = (page: TestPage): string[] => toasts(page).map((toast) => toast.message);

/**
 * The messages drawn for an input (through its aria-describedby), or null when not marked; the
 * visually hidden "Error:" that leads them for screen readers is not one of them.
 */
export function fieldMessages(page: TestPage, input: Element): string[] | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const messages: string[] = [];
  for (const id of ids) {
    const element = page.document.getElementById(id);
    if (!element) continue;
    for (const child of Array.from(element.children)) {
      if (!child.classList.contains('api-errors-visually-hidden')) messages.push(child.textContent ?? '');
    }
  }
  return messages;
}

export const ENVELOPE_400 = {
  error: {
    message: 'Validation failed',
    code: 'VALIDATION_ERROR',
    status: 400,
    errors: { email: ['Enter a valid email address.'] },
    timestamp: '2026-11-24T12:00:00+00:00',
    correlation_id: '6f1c2a9e',
  },
};

/**
 * Resolves once jQuery has no request in flight and the plugin's timers have run: for requests
 * whose jqXHR a test does not hold (model.save through collection.create, a replaced transport).
 * Polls, because a single long timer can fire before a slow response under load.
 */
export async function idle(page: TestPage, extraMs = 30): Promise<void> {
  for (let rounds = 0; rounds < 400 && page.$.active > 0; rounds++) await wait(page, 5);
  await wait(page, extraMs);
}

/**
 * Like openPage, but jsdom runs the page's scripts and inline event handlers
 * (`runScripts: 'dangerously'`): markup that reached the DOM from a response could execute, so
 * hostile-input tests can check that none did (the payloads set `window.__xss`).
 */
export function openScriptedPage(options: PageOptions): TestPage {
  return openPage({ ...options, runScripts: 'dangerously' });
}

/** Every node in the document (elements, text, comments), for leak checks. */
export function nodeCount(page: TestPage): number {
  const walker = page.document.createTreeWalker(page.document, 0xffffffff);
  let count = 1;
  while (walker.nextNode()) count += 1;
  return count;
}

/**
 * For a test file: a test server started before its tests and closed after them, and `page(t)`,
 * which opens a page on that server that closes when test `t` ends.
 */
export function pageServer(): {
  readonly server: TestServer;
  page(t: { after(fn: () => void): void }, options?: Partial<PageOptions>): TestPage;
} {
  let server: TestServer | undefined;
  before(async () => {
    server = await startServer();
  });
  after(() => server?.close());
  const started = (): TestServer => {
    if (!server) throw new Error('the test server starts in before()');
    return server;
  };
  return {
    get server() {
      return started();
    },
    page(t, options = {}) {
      const opened = openPage({ origin: started().origin, ...options });
      t.after(() => opened.close());
      return opened;
    },
  };
}
