// Where a page's time goes, from Chromium's sampling profiler through the DevTools protocol
// (`Profiler.start`/`Profiler.stop` on a playwright-core CDPSession): self time per function,
// summed over every sample, for the plugin page (unminified build) and, beside it, the page
// without the plugin running the hand-written handler or no handler.
// Usage: node bench/profile.mjs [failures|distinct|repeats|successes|polls|fields] [--count N]
//          [--no-focus] [--plugin-only] [--top N]   (run `npm run build` first)
//   --no-focus  the page's focus() does nothing: what remains when a failure moves no focus

import { launch, openPage } from './browser.mjs';
import { startBenchServer } from './server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const mode = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg)) || 'failures';
const count = option('--count', mode === 'fields' ? 300 : 3000);
const top = option('--top', 25);
const noFocus = args.includes('--no-focus');
const pluginOnly = args.includes('--plugin-only');

/** Runs `count` requests of `mode` in batches (each batch waits for the plugin's settle timer). */
function work([handler, runMode, total]) {
  const bench = window.bench;
  const batch = runMode === 'fields' ? 10 : 100;
  let chain = Promise.resolve();
  for (let done = 0; done < total; done += batch) {
    chain = chain.then(() => {
      if (runMode === 'successes') return bench.successes(batch);
      if (runMode === 'polls') return bench.polls(batch);
      if (runMode === 'repeats') return bench.repeats(handler, batch);
      if (runMode === 'fields') return bench.failures(handler, batch, 100);
      return bench.failures(handler, batch, 0, null, runMode === 'distinct');
    });
  }
  return chain;
}

const keyOf = (frame) => {
  const file = frame.url.split('/').pop() || '';
  return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
};

/**
 * Self time (ms) per function, from a CDP profile: each sample's interval goes to its leaf; and
 * the plugin's functions' total time (the samples with the function anywhere on their stack).
 */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const totals = new Map();
  const inclusive = new Map();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const key = keyOf(byId.get(id).callFrame);
    totals.set(key, (totals.get(key) || 0) + delta);
    all += delta;
    const onStack = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      if (frame.url.includes('api-errors')) onStack.add(keyOf(frame));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) || 0) + delta);
  });
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { all, rows: sorted(totals), inclusive: sorted(inclusive) };
}

async function profileSide(browser, url, plugin, handler) {
  const side = await openPage(browser, url, plugin, plugin ? 'unminified=1' : '');
  try {
    if (noFocus) await side.page.evaluate(() => { HTMLElement.prototype.focus = function focus() {}; });
    if (mode === 'fields') await side.page.evaluate(() => window.bench.setupForm(100));
    if (mode === 'polls') {
      // A refused form's errors on the page, then the page's poll succeeding again and again.
      await side.page.evaluate((name) => window.bench.setupSubmit(name, 0), plugin ? 'plugin' : 'hand-written');
      await side.page.evaluate(() => { window.benchRefusal = window.bench.refuseNext(0); });
      await side.page.evaluate(() => document.getElementById('signup').requestSubmit());
      await side.page.evaluate(() => window.benchRefusal);
    }
    await side.page.evaluate(work, [handler, mode, Math.min(count, 500)]);
    await side.collectGarbage();
    await side.cdp.send('Profiler.enable');
    await side.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await side.cdp.send('Profiler.start');
    const started = Date.now();
    await side.page.evaluate(work, [handler, mode, count]);
    const wall = Date.now() - started;
    const { profile } = await side.cdp.send('Profiler.stop');
    return { ...selfTimes(profile), wall };
  } finally {
    await side.close();
  }
}

const server = await startBenchServer();
const browser = await launch();
try {
  const sides = [['plugin', true, 'plugin'], ...(mode === 'successes' || mode === 'polls' ? [['without the plugin', false, 'bare']] : [['hand-written', false, 'hand-written'], ['no handler', false, 'bare']])];
  for (const [name, plugin, handler] of pluginOnly ? sides.slice(0, 1) : sides) {
    const { all, rows, inclusive, wall } = await profileSide(browser, server.url, plugin, handler);
    const busy = all - rows.filter(([key]) => key.startsWith('(idle)')).reduce((sum, [, value]) => sum + value, 0);
    console.log(`\n## ${name}: ${count} ${mode}${noFocus ? ' (focus() emptied)' : ''}, ${wall} ms wall, ${busy.toFixed(1)} ms busy (samples not idle), ${(busy / count * 1000).toFixed(1)} µs each`);
    console.log('| self ms | share of busy | function |\n| ---: | ---: | --- |');
    for (const [key, value] of rows.filter(([key]) => !key.startsWith('(idle)')).slice(0, top)) {
      console.log(`| ${value.toFixed(1)} | ${(value / busy * 100).toFixed(1)} % | ${key} |`);
    }
    if (inclusive.length) {
      console.log('\n| total ms | share of busy | plugin function (self and what it calls) |\n| ---: | ---: | --- |');
      for (const [key, value] of inclusive.slice(0, top)) {
        console.log(`| ${value.toFixed(1)} | ${(value / busy * 100).toFixed(1)} % | ${key} |`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
