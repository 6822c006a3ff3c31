// The DRF demo's Python: .tmp/venv, a virtualenv made with `python3` on PATH, with Django, DRF and
// drf-spectacular from PyPI as the matrix's newest env pins them (python/constraints/) and
// drf-api-errors (python/) installed from a freshly built wheel. Made on first use; the package is
// reinstalled whenever python/'s package changes, the whole venv remade when the pins or Python do.
//
//   node scripts/drf-venv.mjs                      make or refresh .tmp/venv, print its python
//   node scripts/drf-venv.mjs demo/drf/serve.py    ... then run a script with it (npm run demo:drf)

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PYTHON = 'python3';
export const PACKAGE_DIR = join(ROOT, 'python');
/** The matrix's newest env (python/noxfile.py's NEWEST): npm test and the demo run on it. */
export const NEWEST_CONSTRAINTS = join(PACKAGE_DIR, 'constraints', 'django52-drf318.txt');
/** Pins setuptools in pip's isolated build environment. */
const BUILD_CONSTRAINTS = join(PACKAGE_DIR, 'constraints', 'build.txt');
export const VENV_DIR = join(ROOT, '.tmp', 'venv');
export const VENV_PYTHON = join(VENV_DIR, 'bin', 'python');
const STAMP = join(VENV_DIR, 'drf-api-errors.stamp');
/** What the wheel is built from: nothing else of python/ (tests, nox's envs, caches). */
const PACKAGE_PARTS = ['api_errors', 'pyproject.toml', 'README.md', 'LICENSE'];
const LEFTOVERS = /(^|\/)(__pycache__|[^/]*\.egg-info)(\/|$)|\.pyc$/;

/** Runs a command to completion; throws with its output when it fails. */
export function check(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited with ${result.status}\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** Why the Python suites cannot run here (no python3 that makes virtualenvs with pip), or null. */
export function pythonMissing() {
  const probe = spawnSync(PYTHON, ['-c', 'import sys, venv, ensurepip; assert sys.version_info >= (3, 11)'], { stdio: 'ignore' });
  if (probe.error) return `${PYTHON} not found on PATH (Python 3.11 with venv and pip)`;
  return probe.status === 0 ? null : `${PYTHON} on PATH is not Python 3.11+ with venv and ensurepip`;
}

function files(path) {
  if (LEFTOVERS.test(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** A hash of what the venv is made of: Python, the pins, and the package's sources. */
function stamps() {
  const hash = (paths, seed = '') => {
    const digest = createHash('sha256').update(seed);
    for (const file of paths) digest.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
    return digest.digest('hex');
  };
  const version = check(PYTHON, ['-c', 'import sys; print(sys.version)']);
  return {
    env: hash([NEWEST_CONSTRAINTS, BUILD_CONSTRAINTS], version),
    package: hash(PACKAGE_PARTS.flatMap((part) => files(join(PACKAGE_DIR, part)))),
  };
}

/**
 * Builds python/ into a wheel in `outDir` and returns the wheel's path. The build runs on a copy
 * of the package's parts, so python/ gets no build/ or .egg-info and nothing else ends in the wheel.
 */
export function buildWheel(outDir) {
  const work = mkdtempSync(join(tmpdir(), 'drf-api-errors-build-'));
  try {
    const copy = join(work, 'python');
    for (const part of PACKAGE_PARTS) {
      cpSync(join(PACKAGE_DIR, part), join(copy, part), { recursive: true, filter: (path) => !LEFTOVERS.test(path) });
    }
    mkdirSync(outDir, { recursive: true });
    check(PYTHON, ['-m', 'pip', 'wheel', '--quiet', '--no-deps', '--wheel-dir', outDir, copy], {
      // pip from 26 reads PIP_BUILD_CONSTRAINT for the isolated build environment; older pip PIP_CONSTRAINT.
      env: { ...process.env, PIP_BUILD_CONSTRAINT: BUILD_CONSTRAINTS, PIP_CONSTRAINT: BUILD_CONSTRAINTS },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const wheels = readdirSync(outDir).filter((name) => /^drf_api_errors-.*\.whl$/.test(name));
  if (wheels.length !== 1) throw new Error(`expected one drf_api_errors wheel in ${outDir}, found: ${wheels.join(', ') || 'none'}`);
  return join(outDir, wheels[0]);
}

/** A fresh virtualenv on `python3` from PATH, with its own pip. */
export function makeVenv(directory) {
  check(PYTHON, ['-m', 'venv', directory]);
  return join(directory, 'bin', 'python');
}

/**
 * Installs the wheel with `extras` (the OpenAPI one by default) and `extra` packages, every one at
 * the newest env's pins.
 */
export function installWheel(python, wheel, extra = [], extras = 'openapi') {
  check(python, ['-m', 'pip', 'uninstall', '--quiet', '--yes', 'drf-api-errors']);
  check(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-c', NEWEST_CONSTRAINTS, `${wheel}[${extras}]`, ...extra]);
}

/** What .tmp/venv was made of; {} for none, or for a venv from before the stamp was JSON. */
function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
}

/** .tmp/venv with the current python/ installed; returns its python. */
export function ensureDrfVenv({ log = () => {} } = {}) {
  const want = stamps();
  const have = readStamp();
  if (existsSync(VENV_PYTHON) && have.env === want.env && have.package === want.package) return VENV_PYTHON;
  if (!existsSync(VENV_PYTHON) || have.env !== want.env) {
    log(`making ${relative(ROOT, VENV_DIR)} (a virtualenv on ${PYTHON}, ${relative(ROOT, NEWEST_CONSTRAINTS)} from PyPI)`);
    rmSync(VENV_DIR, { recursive: true, force: true });
    makeVenv(VENV_DIR);
  }
  log('installing drf-api-errors from python/ into it');
  const wheelDir = mkdtempSync(join(tmpdir(), 'drf-api-errors-wheel-'));
  try {
    installWheel(VENV_PYTHON, buildWheel(wheelDir));
  } finally {
    rmSync(wheelDir, { recursive: true, force: true });
  }
  writeFileSync(STAMP, JSON.stringify(want));
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
