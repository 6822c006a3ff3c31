// The DRF demo's Python: .tmp/venv, a virtualenv that sees Debian's Django and DRF
// (--system-site-packages) with drf-api-errors (python/) installed from a freshly built wheel.
// Made on first use and reinstalled whenever python/ changes; offline (no PyPI).
//
//   node scripts/drf-venv.mjs                      make or refresh .tmp/venv, print its python
//   node scripts/drf-venv.mjs demo/drf/serve.py    ... then run a script with it (npm run demo:drf)

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const PACKAGE_DIR = join(ROOT, 'python');
export const VENV_DIR = join(ROOT, '.tmp', 'venv');
export const VENV_PYTHON = join(VENV_DIR, 'bin', 'python');
const STAMP = join(VENV_DIR, 'drf-api-errors.stamp');
/** What a build leaves in python/: never part of the package's sources. */
const BUILD_LEFTOVERS = /(^|\/)(build|dist|__pycache__|[^/]*\.egg-info)(\/|$)|\.pyc$/;

/** Runs a command to completion; throws with its output when it fails. */
export function check(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** Why the Python suites cannot run here (a missing Debian package), or null. */
export function pythonMissing() {
  const hint = 'apt-get install python3-djangorestframework python3-djangorestframework-spectacular python3-venv python3-setuptools python3-wheel python3-pip';
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found: ${hint}`;
  const probe = spawnSync(SYSTEM_PYTHON, ['-c', 'import django, rest_framework, drf_spectacular, setuptools, wheel, pip, venv'], { stdio: 'ignore' });
  return probe.status === 0 ? null : `Django, DRF, drf-spectacular or the Python packaging tools not found: ${hint}`;
}

function sourceFiles(directory = PACKAGE_DIR) {
  const files = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (BUILD_LEFTOVERS.test(relative(PACKAGE_DIR, path))) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else files.push(path);
  }
  return files.sort();
}

/** A hash of python/'s sources: the venv's package is rebuilt when it changes. */
function sourceStamp() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(relative(PACKAGE_DIR, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Builds python/ into a wheel in `outDir` and returns the wheel's path. The build runs on a copy,
 * so python/ gets no build/ or .egg-info, and no file left by an earlier build ends in the wheel.
 */
export function buildWheel(outDir) {
  const work = mkdtempSync(join(tmpdir(), 'drf-api-errors-build-'));
  try {
    const copy = join(work, 'python');
    cpSync(PACKAGE_DIR, copy, { recursive: true, filter: (path) => !BUILD_LEFTOVERS.test(relative(PACKAGE_DIR, path)) });
    mkdirSync(outDir, { recursive: true });
    check(SYSTEM_PYTHON, ['-m', 'pip', 'wheel', '--quiet', '--no-build-isolation', '--no-index', '--no-deps', '--wheel-dir', outDir, copy]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const wheels = readdirSync(outDir).filter((name) => /^drf_api_errors-.*\.whl$/.test(name));
  if (wheels.length !== 1) throw new Error(`expected one drf_api_errors wheel in ${outDir}, found: ${wheels.join(', ') || 'none'}`);
  return join(outDir, wheels[0]);
}

/**
 * A virtualenv on Debian's Python that sees its site-packages (Django, DRF, drf-spectacular).
 * Without pip of its own: Debian's pip, seen through those site-packages, installs into it.
 */
export function makeVenv(directory) {
  check(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', '--system-site-packages', directory]);
  return join(directory, 'bin', 'python');
}

/** Installs the wheel the way the package's README says, offline. */
export function installWheel(python, wheel) {
  check(python, ['-m', 'pip', 'uninstall', '--quiet', '--yes', 'drf-api-errors']);
  check(python, ['-m', 'pip', 'install', '--quiet', '--no-build-isolation', '--no-index', wheel]);
}

/** .tmp/venv with the current python/ installed; returns its python. */
export function ensureDrfVenv({ log = () => {} } = {}) {
  const stamp = sourceStamp();
  if (existsSync(VENV_PYTHON) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return VENV_PYTHON;
  if (!existsSync(VENV_PYTHON)) {
    log(`making ${relative(ROOT, VENV_DIR)} (a virtualenv on ${SYSTEM_PYTHON} with its site-packages)`);
    makeVenv(VENV_DIR);
  }
  log('installing drf-api-errors from python/ into it');
  const wheelDir = mkdtempSync(join(tmpdir(), 'drf-api-errors-wheel-'));
  try {
    installWheel(VENV_PYTHON, buildWheel(wheelDir));
  } finally {
    rmSync(wheelDir, { recursive: true, force: true });
  }
  writeFileSync(STAMP, stamp);
  return VENV_PYTHON;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const missing = pythonMissing();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  const python = ensureDrfVenv({ log: (line) => console.error(`drf-venv: ${line}`) });
  if (!args.length) {
    console.log(python);
  } else {
    const child = spawn(python, args, { cwd: process.cwd(), stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  }
}
