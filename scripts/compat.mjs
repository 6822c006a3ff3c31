// The README's compatibility table, made from what the tests run, so it cannot drift from them.
// jsdom: the versions the test/*.test.ts suites iterate (test/helpers/page.ts's JQUERY_VERSIONS
// and BACKBONE_VERSIONS) or name (`jquery: '1.12'`). Chromium: the demo pages that
// test/browser/*.test.mjs open, with their ?jquery= and ?backbone= choices, or the page's
// default scripts without them. Exact versions come from node_modules/*/package.json.
// Usage: node scripts/compat.mjs            prints the table
//        node scripts/compat.mjs --check    exits 1 when README.md's table (between
//                                           <!-- compat:start --> and <!-- compat:end -->) differs
//        node scripts/compat.mjs --write    rewrites README.md's table

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const START = '<!-- compat:start -->';
export const END = '<!-- compat:end -->';

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const installed = (name) => JSON.parse(read(`node_modules/${name}/package.json`)).version;
const byVersion = (a, b) => a.localeCompare(b, 'en', { numeric: true });

/** Drops comments, so a version named in a comment is not taken for one a test runs. */
function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function listFiles(directory, pattern) {
  return fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return ['browser', 'fixtures', 'types'].includes(entry.name) ? [] : listFiles(relative, pattern);
    return pattern.test(entry.name) ? [relative] : [];
  });
}

/** `export const NAME = ['1.12', '2.2'] as const;` in test/helpers/page.ts. */
function exportedList(source, name) {
  const match = source.match(new RegExp(`export const ${name}\\s*=\\s*\\[([^\\]]*)\\]`));
  if (!match) throw new Error(`test/helpers/page.ts no longer exports ${name}: update scripts/compat.mjs`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((found) => found[1]);
}

/** jsdom: the listed versions a suite iterates, plus any it names. */
function jsdomVersions() {
  const helper = read('test/helpers/page.ts');
  const lists = { jquery: exportedList(helper, 'JQUERY_VERSIONS'), backbone: exportedList(helper, 'BACKBONE_VERSIONS') };
  const listName = { jquery: 'JQUERY_VERSIONS', backbone: 'BACKBONE_VERSIONS' };
  const used = { jquery: new Set(), backbone: new Set() };
  for (const file of listFiles('test', /\.test\.ts$/)) {
    const source = stripComments(read(file));
    for (const library of ['jquery', 'backbone']) {
      if (new RegExp(`\\bof ${listName[library]}\\b`).test(source)) lists[library].forEach((version) => used[library].add(version));
      for (const found of source.matchAll(new RegExp(`\\b${library}:\\s*'(\\d+\\.\\d+)'`, 'g'))) used[library].add(found[1]);
    }
    // openPage() without a `jquery` option loads its default.
    if (/\bopenPage\(/.test(source)) used.jquery.add(helper.match(/options\.jquery \?\? '([^']+)'/)?.[1] ?? '3.7');
  }
  for (const library of ['jquery', 'backbone']) {
    for (const version of used[library]) {
      if (!lists[library].includes(version)) throw new Error(`a jsdom test uses ${library} ${version}, not in ${listName[library]}`);
    }
  }
  return { jquery: [...used.jquery], backbone: [...used.backbone] };
}

/** demo/server.mjs's `?jquery=` and `?backbone=` choices: {'1.12': 'jquery-1.12', …}. */
function serverBuilds() {
  const source = read('demo/server.mjs');
  const builds = {};
  for (const [library, constant] of [['jquery', 'JQUERY_BUILDS'], ['backbone', 'BACKBONE_BUILDS']]) {
    const body = source.match(new RegExp(`const ${constant} = \\{([^}]*)\\}`))?.[1];
    if (!body) throw new Error(`demo/server.mjs no longer has ${constant}: update scripts/compat.mjs`);
    builds[library] = Object.fromEntries(
      [...body.matchAll(/'([^']+)':\s*'\/node_modules\/([^/]+)\//g)].map((found) => [found[1], found[2]]),
    );
  }
  return builds;
}

/** The packages a demo page loads when its query string chooses none. */
function pageDefaults(page) {
  const file = path.join(ROOT, 'demo/public', page);
  if (!fs.existsSync(file)) return {};
  const html = fs.readFileSync(file, 'utf8');
  const defaults = {};
  if (html.includes('src="/node_modules/jquery/dist/')) defaults.jquery = 'jquery';
  if (html.includes('src="/node_modules/backbone/')) defaults.backbone = 'backbone';
  if (html.includes('src="/node_modules/underscore/')) defaults.underscore = 'underscore';
  return defaults;
}

/** The string literals `${name}` takes in `source`: from the for-of loop that binds it. */
function loopLiterals(source, name, file) {
  const loop = source.match(new RegExp(`for \\(const (?:${name}|\\[\\s*${name}\\b[^\\]]*\\]) of ((?:\\[[^;]*?\\]\\]?)|[^)]*\\)?)\\)`));
  if (!loop) throw new Error(`${file}: cannot tell which values \${${name}} takes: use a literal list or a for-of over one`);
  let expression = loop[1];
  for (const identifier of expression.match(/\b[A-Z_][A-Za-z0-9_]*\b/g) || []) {
    const declaration = source.match(new RegExp(`const ${identifier}\\s*=\\s*([^;]*);`));
    if (declaration) expression += ` ${declaration[1]}`;
  }
  return [...expression.matchAll(/'([^']*)'/g)].map((found) => found[1]);
}

/**
 * The queries a page path stands for: `jquery=1.12&css=0` as it is; `${variant}` as each value
 * its loop gives it; `jquery=${version}` is left for versionsIn to resolve.
 */
function expandQuery(query, source, file) {
  const whole = query.match(/^\$\{(\w+)\}$/);
  if (!whole) return [query];
  return loopLiterals(source, whole[1], file);
}

/** The build keys a query chooses for `library`, or null when it chooses none. */
function versionsIn(query, library, keys, source, file) {
  const chosen = query.match(new RegExp(`(?:^|&)${library}=([^&]*)`))?.[1];
  if (chosen === undefined) return null;
  const template = chosen.match(/^\$\{(\w+)\}$/);
  const values = template ? loopLiterals(source, template[1], file).filter((value) => keys.includes(value)) : [chosen];
  if (!values.length) throw new Error(`${file}: ?${library}=${chosen} takes no version that demo/server.mjs serves`);
  for (const value of values) {
    if (!keys.includes(value)) throw new Error(`${file}: ?${library}=${value} is not a build demo/server.mjs serves`);
  }
  return values;
}

/** Chromium: every demo page a browser suite opens, with the packages it then loads. */
function chromiumPackages() {
  const builds = serverBuilds();
  const packages = new Set();
  for (const file of listFiles('test/browser', /\.test\.mjs$/)) {
    const source = stripComments(read(file));
    if (!/\benv\.open\(/.test(source)) continue; // HTTP-only suites open no page
    for (const line of source.split('\n')) {
      if (/\brequest\(/.test(line)) continue; // a raw HTTP request, not a page in Chromium
      for (const found of line.matchAll(/(['"`])(\/(?:[\w-]+\.html)?(?:\?[^'"`]*)?)\1/g)) {
        const [pagePath, query = ''] = found[2].split('?');
        const defaults = pageDefaults(pagePath === '/' ? 'index.html' : pagePath.slice(1));
        for (const expanded of expandQuery(query, source, file)) {
          for (const library of ['jquery', 'backbone']) {
            if (!defaults[library]) continue;
            const versions = versionsIn(expanded, library, Object.keys(builds[library]), source, file);
            if (versions === null) packages.add(defaults[library]);
            else for (const version of versions) packages.add(builds[library][version]);
          }
        }
        if (defaults.underscore) packages.add(defaults.underscore);
      }
    }
  }
  return packages;
}

/** "156" from "Chromium 156.0.8078.108 built on Debian …"; null when it is not installed. */
function chromiumMajor() {
  if (!fs.existsSync(CHROMIUM_PATH)) return null;
  const output = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const match = output.match(/Chromium (\d+)\./);
  if (!match) throw new Error(`unexpected \`${CHROMIUM_PATH} --version\`: ${output.trim()}`);
  return match[1];
}

export function compatTable() {
  const jsdom = jsdomVersions();
  const chromium = chromiumPackages();
  const major = chromiumMajor();
  // One row per exact version: the ?jquery=4.0 build and the default jquery package may be one.
  const rows = new Map();
  const row = (library, version) => {
    const key = `${library} ${version}`;
    if (!rows.has(key)) rows.set(key, { library, version, jsdom: false, chromium: false });
    return rows.get(key);
  };
  for (const short of jsdom.jquery) row('jQuery', installed(`jquery-${short}`)).jsdom = true;
  for (const short of jsdom.backbone) row('Backbone', installed(`backbone-${short}`)).jsdom = true;
  for (const name of chromium) {
    if (name.startsWith('jquery')) row('jQuery', installed(name)).chromium = true;
    if (name.startsWith('backbone')) row('Backbone', installed(name)).chromium = true;
  }
  const order = ['jQuery', 'Backbone'];
  const sorted = [...rows.values()].sort((a, b) => order.indexOf(a.library) - order.indexOf(b.library) || byVersion(a.version, b.version));
  const mark = (ran) => (ran ? '✓' : '–');
  const lines = [
    // No Chromium version in the table: Debian updates it, and the table must not drift with it.
    `| | jsdom ${installed('jsdom')} (Node) | Chromium (Debian's \`chromium\`) |`,
    '| --- | :---: | :---: |',
    ...sorted.map((entry) => `| ${entry.library} ${entry.version} | ${mark(entry.jsdom)} | ${mark(entry.chromium)} |`),
  ];
  const note = `Backbone runs with underscore ${installed('underscore')}. ✓: a test in \`npm test\` runs it there. ` +
    'Made by `node scripts/compat.mjs` from the tests; `npm test` checks it.';
  return { markdown: `${lines.join('\n')}\n\n${note}\n`, chromiumInstalled: major !== null };
}

/** README.md's table between the markers, or null when the markers are missing. */
export function readmeTable(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) return null;
  return readme.slice(start + START.length, end).trim() + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { markdown, chromiumInstalled } = compatTable();
  if (!chromiumInstalled) console.error(`warning: ${CHROMIUM_PATH} not found, the Chromium version is unknown`);
  const readmePath = path.join(ROOT, 'README.md');
  if (process.argv.includes('--check')) {
    const current = readmeTable(fs.readFileSync(readmePath, 'utf8'));
    if (current === null) {
      console.error(`README.md has no ${START} … ${END} section. The table it should hold:\n\n${markdown}`);
      process.exit(1);
    }
    if (current !== markdown) {
      console.error(`README.md's compatibility table differs from what the tests run.\n\nREADME.md:\n${current}\nThe tests:\n${markdown}`);
      console.error('Run `node scripts/compat.mjs --write` to update it.');
      process.exit(1);
    }
    console.log('README.md compatibility table matches the tests.');
  } else if (process.argv.includes('--write')) {
    const readme = fs.readFileSync(readmePath, 'utf8');
    if (readmeTable(readme) === null) {
      console.error(`README.md has no ${START} … ${END} section to write into.`);
      process.exit(1);
    }
    const updated = readme.slice(0, readme.indexOf(START) + START.length) + `\n${markdown}` + readme.slice(readme.indexOf(END));
    fs.writeFileSync(readmePath, updated);
    console.log('README.md compatibility table updated.');
  } else {
    process.stdout.write(markdown);
  }
}
