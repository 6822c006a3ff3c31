// One source, every dist file: the script-tag build (plain and minified, with source maps), the
// ES module, the CommonJS module, their declarations and the optional stylesheet.
// Usage: node build.mjs        (CI runs it and fails when dist/ then differs from the commit)
// src/package.json says "type": "module": under the root's "commonjs" (for publint) esbuild would
// treat the sources as CommonJS and tree-shake less (870 B more in the script build).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minify } from 'terser';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const versionSource = readFileSync(join(root, 'src/version.ts'), 'utf8');
if (!versionSource.includes(`'${pkg.version}'`)) {
  throw new Error(`src/version.ts does not say ${pkg.version}, the version in package.json`);
}

const banner = `/*! jquery-api-errors ${pkg.version} | MIT License */`;
const common = { absWorkingDir: root, bundle: true, target: 'es2015', banner: { js: banner }, logLevel: 'warning', legalComments: 'none' };

/**
 * Properties of the plugin's own objects that no page, callback or other copy of the plugin ever
 * reads (a collector's counters, a toast's state, a policy's parts), shortened in the script
 * build: about 100 B of gzip. terser keeps DOM and built-in names whatever the list says. Never
 * list a name of the public types, of what the jQuery adapter shares between copies (the
 * listener, the tracked request) or of anything read through a string key: the build fails on a
 * name the published declarations hold, and the browser suites run this build.
 * `unsafe_arrows`/`unsafe_methods` make functions that never use `this` arrows and methods; no
 * code here calls them with `new`.
 */
const INTERNAL_PROPERTIES = [
  'nodesLeft', 'fieldCount', 'exhausted', 'visit', 'read', 'reading', 'parseFailed', 'messagesPerField', 'messageLength', 'pathLength',
  'dataForm', 'stale', 'drawn', 'container', 'themed', 'returnFocus', 'handle', 'element', 'update', 'stop',
  'lines', 'duration', 'action', 'run', 'countdown', 'seconds', 'done', 'at', 'timer', 'requests',
  'decide', 'succeed', 'show', 'base', 'doc', 'errorFor', 'onUntrackedSuccess', 'onUntrackedFailure', 'isLeaving',
  'submitted', 'focused', 'holder', 'shadow', 'named',
];

const sizesBefore = {};
try {
  for (const name of readdirSync(dist)) sizesBefore[name] = statSync(join(dist, name)).size;
} catch {
  // First build: nothing to compare with.
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/global.ts'], format: 'iife', outfile: 'dist/api-errors.js', sourcemap: true }),
  buildMinified(),
  esbuild.build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/api-errors.mjs' }),
  esbuild.build({ ...common, entryPoints: ['src/index.ts'], format: 'cjs', outfile: 'dist/api-errors.cjs' }),
  esbuild.build({
    absWorkingDir: root, entryPoints: ['src/api-errors.css'], outfile: 'dist/api-errors.css', minify: true, logLevel: 'warning',
    banner: { css: banner },
  }),
]);

writeDeclarations();
report();

/**
 * The script build every legacy page loads: esbuild bundles, terser minifies. Three compress
 * passes of terser leave about 5% fewer gzip bytes than esbuild's own minifier on this code, and
 * every byte is paid on every page load. The source map goes back through both steps to src/.
 */
async function buildMinified() {
  const bundled = await esbuild.build({
    ...common, banner: {}, entryPoints: ['src/global.ts'], format: 'iife', outfile: 'dist/api-errors.min.js',
    sourcemap: 'external', write: false,
  });
  const code = bundled.outputFiles.find((file) => file.path.endsWith('.js')).text;
  const map = bundled.outputFiles.find((file) => file.path.endsWith('.map')).text;
  const minified = await minify(code, {
    ecma: 2015, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
    mangle: { properties: { regex: new RegExp('^(' + INTERNAL_PROPERTIES.join('|') + ')$') } },
    format: { preamble: banner, comments: false },
    sourceMap: { content: map, url: 'api-errors.min.js.map', filename: 'api-errors.min.js', includeSources: true },
  });
  writeFileSync(join(dist, 'api-errors.min.js'), minified.code + '\n');
  writeFileSync(join(dist, 'api-errors.min.js.map'), minified.map);
}

/**
 * Users get one declaration file holding the public API only: the public types (the modules
 * src/index.ts re-exports types from, types.ts today, whole) and the declaration of each value
 * src/index.ts re-exports, with its doc comment, taken from tsc's output for its module. Their
 * `export` keywords are removed and the names src/index.ts re-exports are exported again.
 * Copies as .d.mts and .d.cts give `import` and `require` users types that match the module
 * kind they load (a shared .d.ts misleads one of them).
 */
function writeDeclarations() {
  const typesDir = join(root, '.tmp/types');
  rmSync(typesDir, { recursive: true, force: true });
  const tsc = join(root, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', 'tsconfig.json', '--noEmit', 'false', '--declaration', '--emitDeclarationOnly', '--outDir', typesDir], {
    cwd: root, stdio: 'inherit',
  });
  const indexSource = readFileSync(join(root, 'src/index.ts'), 'utf8');
  const valueNames = [];
  const typeNames = [];
  const typeModules = new Set();
  const values = [];
  for (const match of indexSource.matchAll(/export (type )?\{([^}]*)\} from '([^']+)'/g)) {
    const names = match[2].split(',').map((name) => name.trim()).filter(Boolean);
    const declarationFile = join(typesDir, `${match[3]}.d.ts`);
    if (match[1]) {
      typeNames.push(...names);
      typeModules.add(declarationFile);
      continue;
    }
    valueNames.push(...names);
    const text = readFileSync(declarationFile, 'utf8');
    for (const name of names) {
      const found = [...text.matchAll(new RegExp(`(?:^/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\n)?^export declare (?:function|const) ${name}\\b[^\\n]*;$`, 'gm'))];
      if (!found.length) throw new Error(`no declaration of ${name} in ${relative(root, declarationFile)}`);
      values.push(...found.map((declaration) => declaration[0]));
    }
  }
  const types = [...typeModules].map((file) =>
    readFileSync(file, 'utf8').replace(/^import .*;\n/gm, '').replace(/^export \{\};?\n/gm, '').replace(/^export /gm, '').trim(),
  );
  const body = [...types, ...values.map((declaration) => declaration.replace(/^export /m, ''))].join('\n\n');
  const declarations = `${banner}\n${body}\n\nexport { ${valueNames.join(', ')} };\nexport type { ${typeNames.join(', ')} };\n`;
  const published = INTERNAL_PROPERTIES.filter((name) => new RegExp(`^\\s*(readonly )?${name}\\??[:(]`, 'm').test(body));
  if (published.length) throw new Error(`INTERNAL_PROPERTIES names public properties: ${published.join(', ')}`);
  for (const extension of ['d.ts', 'd.mts', 'd.cts']) writeFileSync(join(dist, `api-errors.${extension}`), declarations);
}

function listFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/** Prints each file's size and gzip size, and the change since the previous build. */
function report() {
  for (const name of readdirSync(dist).sort()) {
    if (name.endsWith('.map')) continue;
    const content = readFileSync(join(dist, name));
    const before = sizesBefore[name];
    const change = before === undefined || before === content.length ? '' : ` (${content.length - before > 0 ? '+' : ''}${content.length - before} B)`;
    console.log(`${name.padEnd(22)} ${String(content.length).padStart(7)} B  gzip ${String(gzipSync(content, { level: 9 }).length).padStart(6)} B${change}`);
  }
}
