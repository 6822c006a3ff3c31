// `npm test`: builds dist/, type-checks, then runs every suite — unit and jsdom (node --test),
// the drf-api-errors package's tests from an installed wheel, the DRF demo's tests on that
// package, and the Chromium end-to-end tests. A suite whose system
// package is missing is skipped with one line naming it; under CI (env CI set) it fails instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonMissing } from '../scripts/drf-venv.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inCI = !!process.env.CI && process.env.CI !== 'false';
const failures = [];

function run(title, command, args, options = {}) {
  console.log(`\n=== ${title}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) failures.push(title);
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
      if (entry.name !== 'browser' && entry.name !== 'fixtures') found.push(...testFiles(path, pattern));
    } else if (pattern.test(entry.name)) {
      found.push(path);
    }
  }
  return found.sort();
}

run('build', process.execPath, ['build.mjs']);
run('typecheck', join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
run('unit and jsdom', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=./test/helpers/summary.mjs', '--test-reporter-destination=stdout', ...testFiles('test', /\.test\.ts$/)]);

const pythonReason = pythonMissing();
if (pythonReason) {
  missing('drf-api-errors package (Python)', pythonReason);
  missing('DRF demo (Python)', pythonReason);
} else {
  run('drf-api-errors package (Python, installed wheel)', process.execPath, ['test/python-package.mjs']);
  run('DRF demo (Python, installed package)', process.execPath, ['scripts/drf-venv.mjs', 'demo/drf/manage.py', 'test']);
}

const browserDir = join(root, 'test/browser');
const browserTests = existsSync(browserDir) ? readdirSync(browserDir).filter((name) => name.endsWith('.test.mjs')).sort() : [];
if (!existsSync('/usr/bin/chromium')) missing('Chromium end-to-end', 'Chromium not found: apt-get install chromium');
else if (browserTests.length) run('Chromium end-to-end', process.execPath, ['--test', '--test-concurrency=1', ...browserTests.map((name) => join('test/browser', name))]);

if (failures.length) {
  console.log(`\nFAILED: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nAll suites passed.');
