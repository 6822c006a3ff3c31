// `npm run bench`: the plugin's cost, as ratios measured in one run, in real Chromium (Debian's
// /usr/bin/chromium) and, for the parser, in Node. Prints Markdown tables and the machine they
// ran on; BENCHMARKS.md keeps a copy. Runs on demand, never in CI, and asserts nothing.
// Usage: node bench/run.mjs [--quick] [--write]   (run `npm run build` first: it measures dist/)
//   --quick  fewer rounds and a 2,000-failure soak, to try a change
//   --write  also puts the results into BENCHMARKS.md, between its bench:start/end markers

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchParse } from './parse.mjs';
import {
  CHROMIUM_PATH, benchCpu, benchFailure, benchFields, benchPaint, benchPolls, benchRepeat, benchSubmit, benchSuccess, launch, soak,
} from './browser.mjs';
import { ROOT, startBenchServer } from './server.mjs';
import { kib, ms, ratio } from './stats.mjs';

const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const ROUNDS = quick ? { rounds: 5, warmup: 1 } : { rounds: 21, warmup: 5 };
const FIELD_ROUNDS = quick ? { rounds: 3, warmup: 1 } : { rounds: 11, warmup: 3 };
/** Failures per timed batch, so each batch takes a few milliseconds at least. */
const FIELD_BATCH = { 10: 50, 100: 10, 1000: 2 };
const SOAK_TOTAL = quick ? 2000 : 10_000;

for (const file of ['dist/api-errors.min.js', 'dist/api-errors.mjs']) {
  if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
}
if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium`);

const lines = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};
const table = (header, rows) => {
  print(`| ${header.join(' | ')} |`);
  print(`|${header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of rows) print(`| ${row.join(' | ')} |`);
  print();
};

function machine(browserVersion) {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model;
  let chromium = `Chromium ${browserVersion}`;
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // The version Playwright reported will do.
  }
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const jquery = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/jquery-3.7/package.json'), 'utf8')).version;
  return [
    new Date().toISOString().slice(0, 10), `nproc ${nproc}`, cpu, `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
    chromium, `Node ${process.version}`, `jQuery ${jquery} on the pages`,
    `load average ${os.loadavg()[0].toFixed(2)} when it finished`, ...(quick ? ['--quick'] : []),
  ].join('; ');
}

/** Which plugin build was measured: its gzip size and the commit, marked when dist/ had changes. */
function build() {
  const gzip = gzipSync(fs.readFileSync(path.join(ROOT, 'dist/api-errors.min.js')), { level: 9 }).length;
  let commit = 'unknown commit';
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    commit = `commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'dist', 'src') ? ' + uncommitted changes' : ''}`;
  } catch {
    // Not a git checkout.
  }
  return `dist/api-errors.min.js ${gzip} B gzip, ${commit}`;
}

/** Every Chromium figure, in one browser; each ratio's two sides measured in the same rounds. */
async function measureInChromium() {
  const server = await startBenchServer();
  const browser = await launch();
  try {
    const url = server.url;
    const failure = await benchFailure(browser, url, { ...ROUNDS, batch: 100 });
    const distinct = await benchFailure(browser, url, { ...ROUNDS, batch: 100, distinct: true });
    const repeat = await benchRepeat(browser, url, { ...ROUNDS, batch: 100 });
    const cpu = {
      failure: await benchCpu(browser, url, 'failures', { ...ROUNDS, batch: 200 }),
      distinct: await benchCpu(browser, url, 'distinct', { ...ROUNDS, batch: 200 }),
      repeat: await benchCpu(browser, url, 'repeats', { ...ROUNDS, batch: 200 }),
    };
    const success = await benchSuccess(browser, url, { ...ROUNDS, batch: 200, pairs: quick ? 2 : 6 });
    const fields = {};
    for (const count of [10, 100, 1000]) {
      fields[count] = await benchFields(browser, url, count, { ...FIELD_ROUNDS, batch: FIELD_BATCH[count] });
    }
    const felt = {
      paint: await benchPaint(browser, url, 100, quick ? { rounds: 5, warmup: 2 } : { rounds: 15, warmup: 3 }),
      submit: await benchSubmit(browser, url, { refusals: quick ? 4 : 10 }),
      polls: await benchPolls(browser, url, { ...ROUNDS, batch: 200, pairs: quick ? 2 : 4 }),
    };
    const soaked = await soak(browser, url, { total: SOAK_TOTAL });
    return { browserVersion: browser.version(), failure, distinct, repeat, cpu, success, fields, felt, soaked };
  } finally {
    await browser.close();
    await server.close();
  }
}

function printRatios({ failure, distinct, repeat, success, fields }) {
  print('**Ratios** (medians of interleaved rounds)');
  print();
  const handling = (variant) => failure[variant] - failure.bare;
  table(['measure', 'plugin', 'baseline', 'ratio', 'target'], [
    ['one failed request, sent to drawn (2 field errors and a toast)', `${ms(failure.plugin)} ms`,
      `${ms(failure.handWritten)} ms hand-written`, ratio(failure.plugin / failure.handWritten), '≤ 1.5×'],
    ['the same, handling only (minus a failed request with no handler)', `${ms(handling('plugin'))} ms`,
      `${ms(handling('handWritten'))} ms hand-written`, ratio(handling('plugin') / handling('handWritten')), '≤ 1.5×'],
    ['one failed request to a URL of its own each time (background requests: nothing clears what the last drew)', `${ms(distinct.plugin)} ms`,
      `${ms(distinct.handWritten)} ms hand-written`, ratio(distinct.plugin / distinct.handWritten), '≤ 1.5×'],
    ['the same failure again and again (Submit pressed repeatedly: same envelope, same 2 fields)', `${ms(repeat.plugin)} ms`,
      `${ms(repeat.handWritten)} ms hand-written`, ratio(repeat.plugin / repeat.handWritten), '≤ 1.5×'],
    ['one successful request with a .done()', `${ms(success.plugin)} ms`,
      `${ms(success.without)} ms without the plugin (${success.pairs} page pairs)`, ratio(success.plugin / success.without), '≤ 1.05×'],
    ['one failure: 1,000 field errors against 100, t(1000)/t(100)', `${ms(fields[100].plugin)} → ${ms(fields[1000].plugin)} ms`,
      `${ratio(fields[1000].handWritten / fields[100].handWritten)} hand-written`, ratio(fields[1000].plugin / fields[100].plugin), 'linear ≈ 10×'],
  ]);
  print(`A failed request with no handler at all costs ${ms(failure.bare)} ms here (jQuery and the fake transport).`);
  print();
}

function printCpu({ cpu }) {
  print('**Main-thread CPU time per failure** (CDP `ThreadTime`; what other processes take from the page does not count)');
  print();
  const handling = (side, variant) => side[variant] - side.bare;
  table(['case', 'plugin', 'hand-written', 'no handler', 'ratio', 'handling only'], [
    ['a new message each time (2 field errors and a toast)', cpu.failure],
    ['the same, to a URL of its own each time', cpu.distinct],
    ['the same failure again and again (same envelope, same 2 fields)', cpu.repeat],
  ].map(([name, side]) => [name, ms(side.plugin), ms(side.handWritten), ms(side.bare), ratio(side.plugin / side.handWritten),
    ratio(handling(side, 'plugin') / handling(side, 'handWritten'))]));
}

function printFields(fields) {
  print('**One failure with N field errors**, on a form with N inputs (ms per failure)');
  print();
  table(['field errors', 'plugin', 'hand-written', 'no handler', 'plugin / hand-written'], [10, 100, 1000].map((count) => [
    count.toLocaleString('en'), ms(fields[count].plugin), ms(fields[count].handWritten), ms(fields[count].bare),
    ratio(fields[count].plugin / fields[count].handWritten),
  ]));
}

function printFelt({ paint, submit, polls }) {
  print('**What a person feels**');
  print();
  table(['measure', 'plugin', 'hand-written / without', 'ratio', 'target'], [
    ['one failure with 100 field errors on a 100-input form, sent to painted: the handler\'s work, then the frame\'s style, layout and paint (median; worst)',
      `${ms(paint.plugin.busy)} ms (${ms(paint.plugin.work)} + ${ms(paint.plugin.frame)}; worst ${ms(paint.plugin.worstBusy)})`,
      `${ms(paint.handWritten.busy)} ms (${ms(paint.handWritten.work)} + ${ms(paint.handWritten.frame)})`,
      ratio(paint.plugin.busy / paint.handWritten.busy), '< 16 ms'],
    ['the same, counting the wait for the next frame', `${ms(paint.plugin.total)} ms`, `${ms(paint.handWritten.total)} ms`,
      ratio(paint.plugin.total / paint.handWritten.total), ''],
    [`a form submitted and refused while a 1 s poll runs: the refusal's answer to the summary focused (${submit.refusals} refusals; worst)`,
      `${ms(submit.median)} ms (worst ${ms(submit.worst)})`, '', '', ''],
    [`the poll's successes while the refused form shows its errors, CPU per poll (${polls.pairs} page pairs)`,
      `${ms(polls.plugin)} ms`, `${ms(polls.without)} ms without the plugin`, ratio(polls.plugin / polls.without), '≤ 1.05×'],
  ]);
}

function printParse(rows) {
  print('**parseApiError in Node**, on dist/api-errors.mjs (ms, medians)');
  print();
  table(['body', 'size', 'JSON.parse alone', 'parseApiError(responseText)', 'parseApiError(responseJSON)', 'fields kept'],
    rows.map((row) => [row.name, kib(row.bytes), ms(row.jsonParse), ms(row.fromText), ms(row.fromJson), String(row.fields)]));
}

function printSoak({ figures, firstChunkMs, lastChunkMs, chunk }) {
  const total = SOAK_TOTAL.toLocaleString('en');
  print(`**Soak**: ${total} failures one after another on the plugin page (2 fields marked, 1 field in the toast; one in ten a 429 with Retry-After, one in ten a 503), after a GC`);
  print();
  const points = ['before', 'start', 'end', 'settled', 'again'];
  const row = (name, key, format = String) => [name, ...points.map((point) => format(figures[point][key]))];
  table(['figure', 'before any failure', 'after 100', `after ${total}`, '7 s later', 'then 1 more failure'], [
    row('elements in the document', 'elements'),
    row('DOM nodes alive, detached ones included (Memory.getDOMCounters)', 'nodes'),
    row('JS event listeners alive, on any node', 'jsEventListeners'),
    row('listeners on document', 'documentListeners'),
    row('listeners on the form', 'formListeners'),
    row('listeners on window', 'windowListeners'),
    row('toasts on screen', 'toasts'),
    row('countdowns on screen', 'countdowns'),
    row('timeouts pending (setTimeout, not yet run or cleared)', 'timeouts'),
    row('intervals running (setInterval, not cleared)', 'intervals'),
    row('fields marked invalid', 'invalid'),
    row('$.active', 'active'),
    row('JS heap used', 'heapUsed', kib),
  ]);
  print(`Per failure during the soak: ${ms(firstChunkMs)} ms over the first ${chunk} after the start, ${ms(lastChunkMs)} ms over the last ${chunk}.`);
}

/**
 * The plugin does everything jQuery does for a failed request and more: a plugin side cheaper
 * than the same request with no handler means the clock stopped before the plugin was done.
 * Returns the cases where that happened.
 */
function sanity({ failure, distinct, repeat, cpu, fields }) {
  const cases = [
    ['per failure', failure], ['to URLs of their own', distinct], ['CPU, URLs of their own', cpu.distinct], ['the repeat', repeat], ['CPU per failure', cpu.failure], ['CPU, the repeat', cpu.repeat],
    ...[10, 100, 1000].map((count) => [`${count} field errors`, fields[count]]),
  ];
  const cheaper = cases.filter(([, side]) => !(side.plugin > side.bare));
  const lowest = Math.min(...cases.map(([, side]) => side.plugin / side.bare));
  print(cheaper.length
    ? `**Sanity: FAILED.** The plugin side cost less than no handler at all in: ${cheaper.map(([name, side]) => `${name} (${ms(side.plugin)} < ${ms(side.bare)} ms)`).join('; ')}. These figures do not time the plugin's work.`
    : `Sanity: in every case the plugin side costs more than the same failure with no handler (at least ${ratio(lowest)}).`);
  print();
  return cheaper;
}

const measured = build();
// Node first, while the browser is not running.
const parseRows = await benchParse({ repeats: quick ? 3 : 9 });
const chromiumResults = await measureInChromium();

print(`Machine: ${machine(chromiumResults.browserVersion)}`);
print();
print(`Plugin: ${measured}`);
print();
printRatios(chromiumResults);
printCpu(chromiumResults);
printFields(chromiumResults.fields);
printFelt(chromiumResults.felt);
printParse(parseRows);
printSoak(chromiumResults.soaked);
const insane = sanity(chromiumResults);
if (insane.length) {
  process.exitCode = 1;
  console.error('\nbench: the plugin side was cheaper than no handler: not reporting these figures');
} else if (write) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`BENCHMARKS.md has no ${START} … ${END} section`);
  fs.writeFileSync(file, `${text.slice(0, start + START.length)}\n${lines.join('\n')}\n${text.slice(end)}`);
  console.log('\nBENCHMARKS.md updated.');
}
