// Shared set-up of the Chromium suites: finds Debian's chromium (skip in one line when it is
// missing, fail when CI is set), starts the Node demo server or the DRF demo, opens pages that
// record every CSP violation, dialog and page error, and checks them after each test.

import { describe, it, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../demo/server.mjs';
import { ensureDrfVenv, pythonMissing } from '../../scripts/drf-venv.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Debian's chromium; CHROMIUM_PATH points elsewhere (another distribution, a local build). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const DRF_SERVE = path.join(ROOT, 'demo', 'drf', 'serve.py');
export const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Why the Chromium suites cannot run here, or null. */
export function chromiumMissing() {
  return fs.existsSync(CHROMIUM_PATH) ? null : 'Chromium not found: apt-get install chromium';
}

/** Why the DRF-backed suites cannot run here, or null. */
export function drfMissing() {
  if (!fs.existsSync(DRF_SERVE)) return 'demo/drf/serve.py not found';
  return pythonMissing();
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A free TCP port on 127.0.0.1 (for servers that cannot be told to pick one themselves). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs demo/drf/serve.py on a free port, with the demo's virtualenv (drf-api-errors installed from
 * python/, made or refreshed first); resolves to {url, close} once it prints its URL.
 */
export async function startDrf({ port } = {}) {
  port = port || (await freePort());
  const python = ensureDrfVenv();
  const child = spawn(python, [DRF_SERVE, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('demo/drf/serve.py printed no URL within 30 s')), 30000);
    const pattern = new RegExp(`https?://127\\.0\\.0\\.1:${port}/?`);
    function fail(error) {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${error.message}\n${output}`));
    }
    function onData(chunk) {
      output += chunk;
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`demo/drf/serve.py exited with ${code}`)));
  });
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, close };
}

/**
 * A suite with one browser and one server for the whole file, and a new browser context per
 * page. `body(env)` declares the tests; `env.open(path)` opens a page. Every page opened in a
 * test is checked after it: no CSP violation, no dialog, no uncaught page error.
 */
export function browserSuite(name, body, { server = 'node' } = {}) {
  const reason = chromiumMissing() || (server === 'drf' ? drfMissing() : null);
  if (reason && process.env.CI) {
    it(name, () => assert.fail(`${reason} (required because CI is set)`));
    return;
  }
  describe(name, { skip: reason || false }, () => {
    const env = { browser: null, url: null, pages: [] };
    let stopServer = null;

    before(async () => {
      // `server`: 'node' (the demo), 'drf' (the DRF demo) or a function that starts one.
      const started = typeof server === 'function' ? await server() : server === 'drf' ? await startDrf() : await startServer({ port: 0 });
      env.url = started.url;
      stopServer = started.close;
      env.browser = await launchBrowser();
    });
    after(async () => {
      await env.browser?.close();
      await stopServer?.();
    });
    afterEach(async () => {
      const pages = env.pages.splice(0);
      try {
        for (const page of pages) await assertPageClean(page);
      } finally {
        for (const page of pages) await page.context().close();
      }
    });

    env.open = async (pagePath, options = {}) => {
      const context = await env.browser.newContext({
        viewport: options.viewport || { width: 1000, height: 700 },
        bypassCSP: false,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      watchPage(page);
      env.pages.push(page);
      await page.goto(new URL(pagePath, env.url).href);
      return page;
    };

    body(env);
  });
}

/** Records what must never happen on a demo page; assertPageClean checks it. */
function watchPage(page) {
  const report = { dialogs: [], pageErrors: [], cspConsole: [] };
  page.__report = report;
  page.on('dialog', (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => report.pageErrors.push(String(error && error.message)));
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) {
      report.cspConsole.push({ text: message.text(), source: message.location().url });
    }
  });
  // Init scripts run before the page's own scripts and outside its CSP.
  return page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        sample: event.sample,
      });
    });
  });
}

/**
 * jQuery 1.12's own support test sets an `onfocusin` attribute on a detached div (Chromium has
 * no `onfocusin` in window), which a strict CSP reports once as script-src-attr while jQuery
 * loads. That one is jQuery's, not the plugin's or the page's; nothing else is forgiven.
 */
function isJQuery112SupportTest(violation) {
  return violation.directive === 'script-src-attr' &&
    /\/node_modules\/jquery-1\.12\/dist\/jquery(\.min)?\.js$/.test(violation.source || '');
}

/** Fails when a page saw a CSP violation, a dialog, an uncaught error or the XSS canary. */
export async function assertPageClean(page) {
  const report = page.__report;
  const inPage = page.isClosed()
    ? { violations: [], canary: undefined }
    : await page.evaluate(() => ({ violations: window.__cspViolations || [], canary: window.__xss }));
  const jQueryOwn = inPage.violations.filter(isJQuery112SupportTest);
  assert.ok(jQueryOwn.length <= 1, `jQuery 1.12 reported its support test ${jQueryOwn.length} times`);
  const violations = inPage.violations.filter((violation) => !isJQuery112SupportTest(violation));
  assert.deepEqual(violations, [], `securitypolicyviolation events on ${page.url()}`);
  const cspConsole = report.cspConsole.filter(
    (entry) => !(/inline event handler/.test(entry.text) && isJQuery112SupportTest({ directive: 'script-src-attr', source: entry.source })),
  );
  assert.deepEqual(cspConsole, [], `Content Security Policy console errors on ${page.url()}`);
  assert.deepEqual(report.dialogs, [], `dialogs opened on ${page.url()}`);
  assert.deepEqual(report.pageErrors, [], `uncaught errors on ${page.url()}`);
  assert.equal(inPage.canary, undefined, 'window.__xss was set: a payload ran');
}

// What a person sees on a page: toasts, fields, focus.
export * from './readers.mjs';
