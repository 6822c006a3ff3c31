// `npm test`: builds dist/, type-checks, then runs every suite — unit and jsdom (node --test),
// the drf-api-errors package's tests from an installed wheel, the DRF demo's tests on that
// package, jsdom against the running DRF demo (test/drf/), and the Chromium end-to-end tests.
// A suite whose system package is missing is skipped with one line naming it; under CI (env CI
// set) it fails instead.
// The last line says how many tests each suite ran.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonMissing } from '../scripts/drf-venv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inCI = !!process.env.CI && process.env.CI !== 'false';
const failures = [];

const counts = [];

/** How many tests a suite's output says it ran: our node:test summary line, pytest's, or Django's. */
function countOf(output) {
  const summary = [...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped, (\d+) todo$/gm)].pop();
  if (summary) return `${Number(summary[1]) + Number(summary[2])} (${summary[2]} failed, ${summary[3]} skipped)`;
  const pytest = [...output.matchAll(/^=* ?(\d+ (?:passed|failed)\b.*) in [\d.]+s\b/gm)].pop();
  if (pytest) {
    const count = (word) => Number(new RegExp(`(\\d+) ${word}\\b`).exec(pytest[1])?.[1] ?? 0);
    return `${count('passed') + count('failed')} (${count('failed')} failed, ${count('skipped')} skipped)`;
  }
  const django = [...output.matchAll(/^Ran (\d+) tests? in /gm)].pop();
  return django ? django[1] : null;
}

/** Runs one suite, its output streamed through as it comes and kept to count its tests. */
function run(title, command, args, options = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], ...options });
    let output = '';
    const keep = (stream, target) => stream.on('data', (chunk) => {
      output += chunk;
      target.write(chunk);
    });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('error', (error) => {
      console.log(`${title}: ${error.message}`);
      failures.push(title);
      resolve();
    });
    child.on('close', (status) => {
      if (status !== 0) failures.push(title);
      const count = countOf(output);
      if (count !== null) counts.push(`${title} ${count}`);
      resolve();
    });
  });
}

function missing(title, what) {
  if (inCI) {
    console.log(`\n=== ${title}: FAILED, ${what} (CI must run every suite)`);
    failures.push(title);
  } else {
    console.log(`\n=== ${title}: skipped, ${what}`);
  }
}

function testFiles(directory, pattern) {
  const found = [];
  for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      // browser/ is Chromium's; drf/ needs the DRF demo's Python and runs beside the Python suites.
      if (!['browser', 'fixtures', 'drf'].includes(entry.name)) found.push(...testFiles(path, pattern));
    } else if (pattern.test(entry.name)) {
      found.push(path);
    }
  }
  return found.sort();
}

const started = Date.now();
await run('build', process.execPath, ['build.mjs']);
await run('typecheck', join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
const jsdomArgs = ['--import', 'tsx', '--test', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=./test/helpers/summary.mjs', '--test-reporter-destination=stdout'];
await run('unit and jsdom', process.execPath, [...jsdomArgs, ...testFiles('test', /\.test\.ts$/)]);

const pythonReason = pythonMissing();
if (pythonReason) {
  missing('drf-api-errors package (Python)', pythonReason);
  missing('DRF demo (Python)', pythonReason);
  missing('jsdom on the DRF demo', pythonReason);
} else {
  await run('drf-api-errors package (Python, installed wheel, newest Django/DRF)', process.execPath, ['test/python-package.mjs']);
  await run('DRF demo (Python, installed package)', process.execPath, ['scripts/drf-venv.mjs', 'demo/drf/manage.py', 'test']);
  // Every jQuery in jsdom against the running DRF demo: real sign-in, sessions, CSRF, throttling.
  await run('jsdom on the DRF demo', process.execPath, [...jsdomArgs, ...testFiles('test/drf', /\.test\.ts$/)]);
}

const browserDir = join(root, 'test/browser');
const browserTests = existsSync(browserDir) ? readdirSync(browserDir).filter((name) => name.endsWith('.test.mjs')).sort() : [];
if (!existsSync('/usr/bin/chromium')) missing('Chromium end-to-end', 'Chromium not found: apt-get install chromium');
else if (browserTests.length) await run('Chromium end-to-end', process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./test/helpers/summary.mjs', '--test-reporter-destination=stdout', ...browserTests.map((name) => join('test/browser', name))]);

const tally = `tests run: ${counts.join('; ') || 'none'}; ${Math.round((Date.now() - started) / 1000)} s`;
if (failures.length) {
  console.log(`\nFAILED: ${failures.join(', ')}. ${tally}`);
  process.exit(1);
}
console.log(`\nAll suites passed. ${tally}`);
