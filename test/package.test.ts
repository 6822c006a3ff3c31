// The package as users install it: `npm pack`, then what is in the tarball, what publint and
// @arethetypeswrong/cli say about it, ESM and CommonJS consumers compiled against its
// declarations and loaded by Node from a node_modules, and the README's compatibility table
// against the versions the tests run.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules/.bin');
const PACKAGE_NAME = 'jquery-api-errors';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The files outside dist/ that users get. */
const SHIPPED_OUTSIDE_DIST = ['LICENSE', 'README.md', 'package.json'];

let work = '';
let tarball = '';
/** The unpacked package, where `require('jquery-api-errors')` finds it from `work`. */
let installed = '';
let packedFiles: string[] = [];

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The names `export { … }` and `export type { … }` give in a declaration file. */
function exportedNames(declarations: string): { values: string[]; types: string[] } {
  const list = (pattern: RegExp) => (declarations.match(pattern)?.[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  return { values: list(/^export \{([^}]*)\};?$/m), types: list(/^export type \{([^}]*)\};?$/m) };
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'jquery-api-errors-package-'));
  // The same listing `npm pack --dry-run --json` prints, from the real pack. Lifecycle scripts
  // are skipped: dist/ is committed, and CI checks it is what a fresh build makes.
  const report = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000,
    }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const [packed] = report;
  assert.ok(packed, 'npm pack reported no package');
  tarball = join(work, packed.filename);
  packedFiles = packed.files.map((file) => file.path).sort();
  installed = join(work, 'node_modules', PACKAGE_NAME);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds only dist/, README.md, LICENSE and package.json: no Python (that is drf-api-errors, on pip)', () => {
  assert.deepEqual(packedFiles.filter((path) => /\.py$|(^|\/)python\//.test(path)), []);
  const unexpected = packedFiles.filter((path) => !path.startsWith('dist/') && !SHIPPED_OUTSIDE_DIST.includes(path));
  assert.deepEqual(unexpected, []);
  for (const path of SHIPPED_OUTSIDE_DIST) assert.ok(packedFiles.includes(path), `${path} is not in the tarball`);
  for (const name of ['api-errors.js', 'api-errors.min.js', 'api-errors.mjs', 'api-errors.cjs', 'api-errors.d.mts', 'api-errors.d.cts', 'api-errors.css']) {
    assert.ok(packedFiles.includes(`dist/${name}`), `dist/${name} is not in the tarball`);
  }
});

test('publint finds nothing to report in the packed package, suggestions included', async () => {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  // pack: false lints the unpacked tarball as it is: every file in it was published.
  const { messages, pkg } = await publint({ pkgDir: installed, pack: false, level: 'suggestion', strict: true });
  assert.deepEqual(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`), []);
});

test('@arethetypeswrong/cli finds no wrong types for import, require, node10 or bundlers', () => {
  // The stylesheet export has no types to find: a CSS file is not a module TypeScript resolves.
  // The package ships its own declarations, so @types is not consulted (and no network is used).
  const { status, output } = run(join(BIN, 'attw'), [tarball, '--format', 'json', '--no-definitely-typed', '--exclude-entrypoints', './api-errors.css'], work);
  const result = JSON.parse(output.slice(output.indexOf('{'))) as { analysis: { problems: unknown[] } };
  assert.deepEqual(result.analysis.problems, []);
  assert.equal(status, 0);
});

for (const [kind, source] of [['esm', 'consumer.mts'], ['cjs', 'consumer.cts']] as const) {
  test(`${kind === 'esm' ? 'an ES module' : 'a CommonJS'} consumer compiles against the shipped declarations`, () => {
    const target = join(work, kind);
    cpSync(join(ROOT, 'test/types', kind), target, { recursive: true });
    const { status, output } = run(join(BIN, 'tsc'), ['--noEmit', '-p', target, '--explainFiles'], work);
    const declarations = kind === 'esm' ? 'api-errors.d.mts' : 'api-errors.d.cts';
    assert.match(output, new RegExp(`node_modules/${PACKAGE_NAME}/dist/${declarations.replace('.', '\\.')}`), `${source} did not read ${declarations}`);
    assert.equal(status, 0, output.split('\n').filter((line) => /error TS/.test(line)).join('\n'));
  });
}

test('the declarations hold the public API only: its types and the exported functions, no internals', () => {
  const declarations = readFileSync(join(installed, 'dist/api-errors.d.mts'), 'utf8');
  const { values, types } = exportedNames(declarations);
  // Top-level names only (the global augmentation's JQuery/JQueryStatic are indented inside it).
  const declared = [...declarations.matchAll(/^(?:declare )?(?:function|const|interface|type) (\w+)/gm)].map((match) => match[1]);
  const helpers = declared.filter((name) => !values.includes(name!) && !types.includes(name!));
  // The types the public ones are built from; everything else tsc sees stays out.
  assert.deepEqual(helpers.sort(), ['AjaxSettings', 'BackboneLike', 'JQueryLike', 'JqXHR', 'MessageOptions']);
  for (const internal of ['parseWithOptions', 'handleFailure', 'ResolvedOptions', 'FORMAT_READERS', 'ErrorCollector', 'LIMITS']) {
    assert.doesNotMatch(declarations, new RegExp(`\\b${internal}\\b`), internal);
  }
});

/** The @types packages the typed consumer compiles against (devDependencies of this package). */
const DEFINITELY_TYPED = ['jquery', 'backbone', 'underscore'];

test('a consumer with @types/jquery and @types/backbone uses apiErrors on $.ajax, $.ajaxSetup, $.post and Backbone without a cast', () => {
  const missing = DEFINITELY_TYPED.filter((name) => !existsSync(join(ROOT, 'node_modules/@types', name, 'package.json')));
  assert.deepEqual(missing, [], 'install the dev dependencies @types/jquery@4.0.1 and @types/backbone@1.4.23 (it brings @types/underscore)');
  // Its own node_modules: this package as installed, and the @types packages; no other types.
  const typed = join(work, 'typed');
  mkdirSync(join(typed, 'node_modules/@types'), { recursive: true });
  symlinkSync(installed, join(typed, 'node_modules', PACKAGE_NAME), 'dir');
  for (const name of DEFINITELY_TYPED) symlinkSync(join(ROOT, 'node_modules/@types', name), join(typed, 'node_modules/@types', name), 'dir');
  cpSync(join(ROOT, 'test/types/jquery'), join(typed, 'jquery'), { recursive: true });
  const { status, output } = run(join(BIN, 'tsc'), ['--noEmit', '-p', join(typed, 'jquery'), '--explainFiles'], work);
  assert.match(output, /@types\/jquery\/index\.d\.ts/, 'the consumer did not read @types/jquery');
  assert.match(output, /@types\/backbone\/index\.d\.ts/, 'the consumer did not read @types/backbone');
  assert.equal(status, 0, output.split('\n').filter((line) => /error TS/.test(line)).join('\n'));
  const source = readFileSync(join(ROOT, 'test/types/jquery/consumer.mts'), 'utf8');
  assert.doesNotMatch(source, /\bas (any|unknown)\b|<any>/, 'no casts');
});

test('the consumers use every public name, and each holds a line that must not compile', () => {
  const declarations = readFileSync(join(installed, 'dist/api-errors.d.mts'), 'utf8');
  const { values, types } = exportedNames(declarations);
  assert.ok(values.includes('installApiErrors') && types.includes('ApiError'), 'the export lists were not found');
  for (const consumer of ['esm/consumer.mts', 'cjs/consumer.cts']) {
    const source = readFileSync(join(ROOT, 'test/types', consumer), 'utf8');
    const missing = [...values, ...types].filter((name) => !new RegExp(`\\b${name}\\b`).test(source));
    assert.deepEqual(missing, [], `${consumer} does not use every public name`);
    assert.match(source, /\/\/ @ts-expect-error: fallbackMessage is a string/);
  }
  assert.equal(readFileSync(join(installed, 'dist/api-errors.d.cts'), 'utf8'), declarations, 'd.cts and d.mts declare the same API');
});

test('import and require both give the public names and the package version', () => {
  const declarations = readFileSync(join(installed, 'dist/api-errors.d.mts'), 'utf8');
  const expected = exportedNames(declarations).values.sort();
  const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
  const script = (load: string) =>
    `${load}.then((api) => console.log(JSON.stringify({ names: Object.keys(api).filter((name) => name !== 'default' && name !== '__esModule').sort(), version: api.version, css: require.resolve('${PACKAGE_NAME}/api-errors.css') })))`;
  for (const [how, args] of [
    ['import', ['--input-type=commonjs', '-e', script(`import('${PACKAGE_NAME}')`)]],
    ['require', ['--input-type=commonjs', '-e', script(`Promise.resolve(require('${PACKAGE_NAME}'))`)]],
  ] as const) {
    const { status, output } = run(process.execPath, [...args], work);
    assert.equal(status, 0, output);
    const loaded = JSON.parse(output) as { names: string[]; version: string; css: string };
    assert.deepEqual(loaded.names, expected, `${how} gives the names the declarations export`);
    assert.equal(loaded.version, version, `${how} gives version ${version}`);
    assert.ok(existsSync(loaded.css), `${PACKAGE_NAME}/api-errors.css resolves to a file`);
  }
});

const chromiumMissing = !existsSync(CHROMIUM_PATH) && !process.env.CI;
test("README.md's compatibility table lists what the tests run (node scripts/compat.mjs --check)", {
  skip: chromiumMissing ? 'Chromium not found: the table names its version' : false,
}, () => {
  const { status, output } = run(process.execPath, [join(ROOT, 'scripts/compat.mjs'), '--check'], ROOT);
  assert.equal(status, 0, output);
});
