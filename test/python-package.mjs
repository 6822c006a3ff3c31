// The drf-api-errors package as a Django team gets it: build the wheel from python/, install it
// into a fresh virtualenv with Django, DRF and drf-spectacular from PyPI as the matrix's newest env
// pins them, check its version against package.json's and its contents, then run the package's own
// tests (pytest) from the installed copy, in a directory without the sources. `.ci/run` runs every
// env of the matrix with nox (python/noxfile.py).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NEWEST_CONSTRAINTS, ROOT, buildWheel, check, installWheel, makeVenv } from '../scripts/drf-venv.mjs';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'drf-api-errors-package-'));
// Nothing of the repository on the path: only what the wheel installed is importable.
const { PYTHONPATH, ...inherited } = process.env;
const env = { ...inherited, PYTHONDONTWRITEBYTECODE: '1' };

function step(title, action) {
  console.log(`drf-api-errors package: ${title}`);
  return action();
}

let failed = false;
try {
  const wheel = step('build the wheel', () => buildWheel(join(work, 'dist')));
  assert.equal(basename(wheel), `drf_api_errors-${version}-py3-none-any.whl`, 'the wheel has package.json\'s version');

  step('the newest env is the one nox calls newest', () => {
    const newest = /^NEWEST = "([^"]+)"$/m.exec(readFileSync(join(ROOT, 'python', 'noxfile.py'), 'utf8'));
    assert.equal(`${newest?.[1]}.txt`, basename(NEWEST_CONSTRAINTS), 'scripts/drf-venv.mjs and python/noxfile.py name the same env');
  });

  const python = step(`make a fresh virtualenv and install the wheel, ${basename(NEWEST_CONSTRAINTS)} from PyPI`, () => {
    const venvPython = makeVenv(join(work, 'venv'));
    // As nox's matrix envs: every extra and the servers, so no test of the suite is skipped.
    const nox = readFileSync(join(ROOT, 'python', 'noxfile.py'), 'utf8');
    const extras = /^TEST_EXTRAS = "([^"]+)"$/m.exec(nox)?.[1];
    const packages = [...(/^TEST_PACKAGES = \(([^)]*)\)$/m.exec(nox)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    assert.ok(extras && packages.includes('pytest'), 'python/noxfile.py names TEST_EXTRAS and TEST_PACKAGES');
    installWheel(venvPython, wheel, packages, extras);
    return venvPython;
  });

  step('check the installed version, location and files', () => {
    const report = JSON.parse(check(python, ['-c', [
      'import importlib.metadata as m, json, api_errors',
      'files = [str(f) for f in m.files("drf-api-errors")]',
      'print(json.dumps({"version": m.version("drf-api-errors"), "module": api_errors.__version__,',
      '  "file": api_errors.__file__, "files": files}))',
    ].join('\n')], { cwd: work, env }));
    assert.equal(report.version, version, 'installed distribution version = package.json version');
    assert.equal(report.module, version, 'api_errors.__version__ = package.json version');
    assert.ok(report.file.startsWith(join(work, 'venv')), `imported from the venv, not the sources: ${report.file}`);
    for (const file of ['api_errors/handlers.py', 'api_errors/openapi.py', 'api_errors/checks.py', 'api_errors/py.typed', 'api_errors/locale/fr/LC_MESSAGES/django.mo']) {
      assert.ok(report.files.includes(file), `the wheel installs ${file}`);
    }
    assert.deepEqual(report.files.filter((file) => /demo|node_modules|\.mjs$|\.ts$/.test(file)), [], 'nothing of the npm package');
    assert.deepEqual(report.files.filter((file) => /(^|\/)tests?\//.test(file)), [], 'the tests are not in the wheel');
  });

  step('run the package\'s tests against the installed copy', () => {
    // The tests live beside the package, not in the wheel: copied here, away from the sources.
    cpSync(join(ROOT, 'python', 'tests'), join(work, 'tests'), { recursive: true, filter: (path) => !path.includes('__pycache__') });
    cpSync(join(ROOT, 'python', 'pytest.ini'), join(work, 'pytest.ini'));
    const result = spawnSync(python, ['-m', 'pytest'], { cwd: work, env: { ...env, API_ERRORS_NO_SKIPS: '1' }, stdio: 'inherit' });
    assert.equal(result.status, 0, 'the package\'s tests pass');
  });
} catch (error) {
  failed = true;
  console.error(`drf-api-errors package: FAILED: ${error.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
