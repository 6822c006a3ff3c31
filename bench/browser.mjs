// The Chromium half of `npm run bench`: the plugin page against the hand-written page, each in
// its own browser context, timed in interleaved rounds (medians), plus the 10,000-failure soak
// read through the DevTools protocol. Nothing here asserts a time: it only measures.

import { chromium } from 'playwright-core';
import { interleaved, median } from './stats.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** test/browser/harness.mjs's flags, plus exact (not bucketed) performance.memory figures. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info',
];

export const launch = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/**
 * One page, in a fresh context: with the plugin (auto-installed, default renderers) or without.
 * `query` adds to the page's URL (`unminified=1`: dist/api-errors.js, for a profile).
 */
export async function openPage(browser, baseUrl, plugin, query = '') {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${baseUrl}page.html?plugin=${plugin ? 1 : 0}${query ? `&${query}` : ''}`);
  const state = await page.evaluate(() => ({
    isolated: window.crossOriginIsolated,
    bench: typeof window.bench,
    plugin: typeof window.ApiErrors,
  }));
  if (state.bench !== 'object' || state.plugin !== (plugin ? 'object' : 'undefined')) {
    throw new Error(`bench page did not load as expected: ${JSON.stringify(state)} ${problems.join('; ')}`);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const collectGarbage = () => cdp.send('HeapProfiler.collectGarbage');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime').value;
  return {
    page, cdp, problems, collectGarbage,
    /** Collects garbage first, so no run pays for the garbage of the one before. */
    run: async (fn, ...args) => {
      await collectGarbage();
      return page.evaluate(fn, args);
    },
    /**
     * Like run, but the page's main-thread CPU time (ms) over the batch, divided by `count`:
     * time other processes take from the page's thread does not count, so a busy machine shows
     * far less noise than in the wall-clock figures.
     */
    cpu: async (count, fn, ...args) => {
      await collectGarbage();
      const before = await threadTime();
      await page.evaluate(fn, args);
      return ((await threadTime()) - before) * 1000 / count;
    },
    close: () => context.close(),
  };
}

async function withPages(browser, baseUrl, body) {
  const without = await openPage(browser, baseUrl, false);
  const withPlugin = await openPage(browser, baseUrl, true);
  try {
    return await body(without, withPlugin);
  } finally {
    const problems = [...without.problems, ...withPlugin.problems];
    await without.close();
    await withPlugin.close();
    if (problems.length) throw new Error(`the bench pages reported problems:\n${problems.join('\n')}`);
  }
}

const failures = ([handler, count, fieldCount, extra, distinct]) => window.bench.failures(handler, count, fieldCount, extra, distinct);

/**
 * Refuses a plugin page whose api:error events do not all come inside the timed window: the
 * clock would stop before the plugin's work is done (as it did when it stopped before the
 * plugin's settle timer).
 */
async function checkWindow(side, mode, count = 20) {
  const seen = await side.page.evaluate(([n, m]) => window.bench.handledInWindow(n, m), [count, mode]);
  if (seen !== count) throw new Error(`${mode}: ${seen} of ${count} api:error events came inside the timed window`);
}

/**
 * Per failure: no handler (jQuery's own cost), the hand-written .fail(), the plugin. With
 * `distinct`, every failure goes to a URL of its own.
 */
export function benchFailure(browser, baseUrl, { rounds, warmup, batch, distinct = false }) {
  return withPages(browser, baseUrl, async (without, withPlugin) => {
    await checkWindow(withPlugin, distinct ? 'distinct' : 'failures');
    return interleaved({
      bare: () => without.run(failures, 'bare', batch, 0, null, distinct),
      handWritten: () => without.run(failures, 'hand-written', batch, 0, null, distinct),
      plugin: () => withPlugin.run(failures, 'plugin', batch, 0, null, distinct),
    }, { rounds, warmup });
  });
}

const repeats = ([handler, count]) => window.bench.repeats(handler, count);

/** Per failure when the same envelope arrives again and again (Submit pressed repeatedly). */
export function benchRepeat(browser, baseUrl, { rounds, warmup, batch }) {
  return withPages(browser, baseUrl, async (without, withPlugin) => {
    await checkWindow(withPlugin, 'repeats');
    return interleaved({
      bare: () => without.run(repeats, 'bare', batch),
      handWritten: () => without.run(repeats, 'hand-written', batch),
      plugin: () => withPlugin.run(repeats, 'plugin', batch),
    }, { rounds, warmup });
  });
}

/**
 * Main-thread CPU time per failure: new-message-each-time (`failures`), to a URL of its own each
 * time (`distinct`) or the repeat (`repeats`).
 */
export function benchCpu(browser, baseUrl, mode, { rounds, warmup, batch }) {
  const run = mode === 'repeats' ? repeats : failures;
  const rest = mode === 'distinct' ? [0, null, true] : [];
  return withPages(browser, baseUrl, (without, withPlugin) =>
    interleaved({
      bare: () => without.cpu(batch, run, 'bare', batch, ...rest),
      handWritten: () => without.cpu(batch, run, 'hand-written', batch, ...rest),
      plugin: () => withPlugin.cpu(batch, run, 'plugin', batch, ...rest),
    }, { rounds, warmup }));
}

/**
 * Per successful request, each with the same .done(): without and with the plugin. The same code
 * on two fresh pages differs by up to a tenth here, as much as the plugin costs, so it is measured
 * on `pairs` fresh pairs of pages and each side's figure is the median of the pairs' medians.
 */
export async function benchSuccess(browser, baseUrl, { rounds, warmup, batch, pairs = 6 }) {
  const successes = ([count]) => window.bench.successes(count);
  const results = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    results.push(await withPages(browser, baseUrl, (without, withPlugin) =>
      interleaved({
        without: () => without.run(successes, batch),
        plugin: () => withPlugin.run(successes, batch),
      }, { rounds, warmup })));
  }
  return {
    without: median(results.map((result) => result.without)),
    plugin: median(results.map((result) => result.plugin)),
    pairs,
  };
}

/** One failure with `fieldCount` field errors, on a form with that many inputs. */
export function benchFields(browser, baseUrl, fieldCount, { rounds, warmup, batch }) {
  return withPages(browser, baseUrl, async (without, withPlugin) => {
    for (const side of [without, withPlugin]) {
      const inputs = await side.page.evaluate((count) => window.bench.setupForm(count), fieldCount);
      if (inputs !== fieldCount) throw new Error(`the form has ${inputs} inputs, not ${fieldCount}`);
    }
    return interleaved({
      bare: () => without.run(failures, 'bare', batch, fieldCount),
      handWritten: () => without.run(failures, 'hand-written', batch, fieldCount),
      plugin: () => withPlugin.run(failures, 'plugin', batch, fieldCount),
    }, { rounds, warmup });
  });
}

/**
 * One failure with `fieldCount` field errors on a form with that many labelled inputs, from
 * sending to painted (see bench.paint), on the plugin page and with the hand-written handler:
 * the medians of each part over `rounds` rounds.
 */
export function benchPaint(browser, baseUrl, fieldCount, { rounds, warmup }) {
  return withPages(browser, baseUrl, async (without, withPlugin) => {
    for (const side of [without, withPlugin]) await side.page.evaluate((count) => window.bench.setupForm(count), fieldCount);
    const samples = { plugin: [], handWritten: [] };
    const paint = ([handler, count]) => window.bench.paint(handler, count);
    await interleaved({
      plugin: async () => samples.plugin.push(await withPlugin.run(paint, 'plugin', fieldCount)),
      handWritten: async () => samples.handWritten.push(await without.run(paint, 'hand-written', fieldCount)),
    }, { rounds: rounds + warmup, warmup: 0 });
    const summary = (list) => {
      const kept = list.slice(warmup);
      return {
        work: median(kept.map((sample) => sample.work)),
        frame: median(kept.map((sample) => sample.frame)),
        busy: median(kept.map((sample) => sample.work + sample.frame)),
        total: median(kept.map((sample) => sample.total)),
        worstBusy: Math.max(...kept.map((sample) => sample.work + sample.frame)),
      };
    };
    return { plugin: summary(samples.plugin), handWritten: summary(samples.handWritten) };
  });
}

/**
 * A form submitted and refused while the page's 1 s poll runs beside it: `refusals` times, at
 * moments spread over the poll's second, the time from the refusal's answer to the summary
 * being focused (median and worst).
 */
export async function benchSubmit(browser, baseUrl, { refusals = 10, pollMs = 20, answerMs = 30 } = {}) {
  const side = await openPage(browser, baseUrl, true);
  try {
    await side.page.evaluate((ms) => window.bench.setupSubmit('plugin', ms), pollMs);
    const delays = [];
    for (let index = 0; index < refusals; index += 1) {
      await side.page.waitForTimeout(Math.round(((index * 0.37) % 1) * 1000));
      await side.page.evaluate((ms) => { window.benchRefusal = window.bench.refuseNext(ms); }, answerMs);
      await side.page.evaluate(() => document.getElementById('signup').requestSubmit());
      const { answered, focused } = await side.page.evaluate(() => window.benchRefusal);
      if (focused === null) throw new Error('the refused form\'s summary was not focused');
      delays.push(focused - answered);
    }
    if (side.problems.length) throw new Error(`the submit page reported problems:\n${side.problems.join('\n')}`);
    return { median: median(delays), worst: Math.max(...delays), refusals };
  } finally {
    await side.close();
  }
}

/**
 * The 1 s poll's successes while a refused form's errors are on the page (the plugin's summary
 * and marks, or the hand-written handler's messages): per poll, on `pairs` fresh page pairs as
 * in benchSuccess.
 */
export async function benchPolls(browser, baseUrl, { rounds, warmup, batch, pairs = 4 }) {
  const polls = ([count]) => window.bench.polls(count);
  const results = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    results.push(await withPages(browser, baseUrl, async (without, withPlugin) => {
      for (const [side, handler] of [[without, 'hand-written'], [withPlugin, 'plugin']]) {
        await side.page.evaluate((name) => window.bench.setupSubmit(name, 0), handler);
        await side.page.evaluate(() => { window.benchRefusal = window.bench.refuseNext(0); });
        await side.page.evaluate(() => document.getElementById('signup').requestSubmit());
        await side.page.evaluate(() => window.benchRefusal);
      }
      const drawn = await withPlugin.page.evaluate(() => document.querySelectorAll('.api-errors-summary, .api-errors-message').length);
      if (drawn < 3) throw new Error(`the refused form shows ${drawn} summary and messages, not 3`);
      return interleaved({
        without: () => without.cpu(batch, polls, batch),
        plugin: () => withPlugin.cpu(batch, polls, batch),
      }, { rounds, warmup });
    }));
  }
  return {
    without: median(results.map((result) => result.without)),
    plugin: median(results.map((result) => result.plugin)),
    pairs,
  };
}

/** Listeners registered on the object `expression` evaluates to (not its descendants). */
async function listenersOn(cdp, expression) {
  const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'bench' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return listeners.length;
}

async function soakFigures(side) {
  await side.collectGarbage();
  const counters = await side.cdp.send('Memory.getDOMCounters');
  const heap = await side.cdp.send('Runtime.getHeapUsage');
  const inPage = await side.page.evaluate(() => window.bench.counts());
  return {
    elements: inPage.elements,
    nodes: counters.nodes,
    jsEventListeners: counters.jsEventListeners,
    documentListeners: await listenersOn(side.cdp, 'document'),
    formListeners: await listenersOn(side.cdp, "document.getElementById('signup')"),
    windowListeners: await listenersOn(side.cdp, 'window'),
    toasts: inPage.toasts,
    countdowns: inPage.countdowns,
    timeouts: inPage.timers.timeouts,
    intervals: inPage.timers.intervals,
    invalid: inPage.invalid,
    active: inPage.active,
    heapUsed: heap.usedSize,
  };
}

const mixed = ([count, extra]) => window.bench.mixed(count, extra);

/**
 * 10,000 failures one after another on the plugin page (two marked fields and one field with no
 * input, so every toast has a detail line; one in ten a 429 with Retry-After, a countdown toast,
 * and one in ten a 503, a burst), read before the first, after the first 100, right after the
 * last, once the toasts' timers have run out (7 s later), and after one more failure. The page
 * counts its pending timers (bench/pages/timers.js).
 */
export async function soak(browser, baseUrl, { total = 10_000, chunk = 500, settleMs = 7000 } = {}) {
  const side = await openPage(browser, baseUrl, true, 'timers=1');
  try {
    await side.cdp.send('DOMDebugger.enable').catch(() => {});
    const extra = { 'address.city': ['This field is required.'] };
    const figures = { before: await soakFigures(side) };
    const chunkTimes = [];
    await side.page.evaluate(mixed, [100, extra]);
    figures.start = await soakFigures(side);
    for (let done = 100; done < total; done += chunk) {
      chunkTimes.push(await side.page.evaluate(mixed, [Math.min(chunk, total - done), extra]));
    }
    figures.end = await soakFigures(side);
    await side.page.waitForTimeout(settleMs);
    figures.settled = await soakFigures(side);
    // One more failure: the toast's duplicate check forgets what it saw over 2 s only when the
    // next toast comes, so this tells memory it still held from memory it lost.
    await side.page.evaluate(mixed, [1, extra]);
    figures.again = await soakFigures(side);
    if (side.problems.length) throw new Error(`the soak page reported problems:\n${side.problems.join('\n')}`);
    return { figures, firstChunkMs: chunkTimes[0], lastChunkMs: chunkTimes[chunkTimes.length - 1], chunk };
  } finally {
    await side.close();
  }
}
