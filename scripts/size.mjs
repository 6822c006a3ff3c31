// `npm run size`: the gzip (level 9) size of every file in dist/, and the budget CI holds them
// to. Exits 1 when a budgeted file is over. `--why` adds, for the work of shrinking the script
// build, how many minified bytes each source module puts into it.
// Usage: node scripts/size.mjs [--why]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Gzip budgets in bytes: every byte of these is paid on every page load. */
export const BUDGETS = { 'api-errors.min.js': 15360, 'api-errors.css': 1024 };

const gzipSize = (content) => gzipSync(content, { level: 9 }).length;

function sizeTable() {
  let names;
  try {
    names = readdirSync(dist).filter((name) => !name.endsWith('.map')).sort();
  } catch {
    console.error('dist/ not found: run `npm run build` first.');
    process.exit(1);
  }
  const rows = names.map((name) => {
    const content = readFileSync(join(dist, name));
    return { name, bytes: content.length, gzip: gzipSize(content), budget: BUDGETS[name] };
  });
  for (const name of Object.keys(BUDGETS)) {
    if (!names.includes(name)) rows.push({ name, bytes: NaN, gzip: NaN, budget: BUDGETS[name], missing: true });
  }
  return rows;
}

function printSizes(rows) {
  console.log(`${'file'.padEnd(24)} ${'bytes'.padStart(8)} ${'gzip -9'.padStart(8)}  budget`);
  for (const row of rows) {
    const budget = row.budget === undefined
      ? ''
      : row.missing
        ? `${row.budget} B  MISSING`
        : `${row.budget} B  ${row.gzip <= row.budget ? 'ok' : `OVER by ${row.gzip - row.budget} B`}`;
    console.log(`${row.name.padEnd(24)} ${String(row.bytes).padStart(8)} ${String(row.gzip).padStart(8)}  ${budget}`);
  }
}

/** esbuild's metafile of the minified script build: the bytes each module leaves in it. */
async function printWhy() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root, entryPoints: ['src/global.ts'], bundle: true, format: 'iife', minify: true,
    target: 'es2015', legalComments: 'none', write: false, metafile: true, outfile: 'size-why.min.js', logLevel: 'warning',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const code = result.outputFiles.find((file) => file.path.endsWith('.js')).contents;
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const total = output.bytes;
  const counted = modules.reduce((sum, module) => sum + module.bytes, 0);
  console.log(`\nWhy: src/global.ts minified (es2015), ${total} B, gzip -9 ${gzipSize(code)} B`);
  console.log(`${'module'.padEnd(28)} ${'min B'.padStart(7)} ${'share'.padStart(6)}`);
  const line = (name, bytes) => console.log(`${name.padEnd(28)} ${String(bytes).padStart(7)} ${`${((100 * bytes) / total).toFixed(1)}%`.padStart(6)}`);
  for (const module of modules) line(module.path, module.bytes);
  line('(esbuild runtime, wrapper)', total - counted);
  const byDirectory = new Map();
  for (const module of modules) {
    const parts = module.path.split('/');
    // src/parse/formats.ts counts under src/parse/; a file directly in src/ stands alone.
    const directory = parts.length > 2 ? `${parts.slice(0, -1).join('/')}/` : module.path;
    byDirectory.set(directory, (byDirectory.get(directory) || 0) + module.bytes);
  }
  console.log('\nby directory');
  for (const [directory, bytes] of [...byDirectory].sort((a, b) => b[1] - a[1])) line(directory, bytes);
  console.log('\nGzip is not additive per module; the minified share is the guide to where bytes go.');
}

const rows = sizeTable();
printSizes(rows);
if (process.argv.includes('--why')) await printWhy();
const over = rows.filter((row) => row.budget !== undefined && !(row.gzip <= row.budget));
if (over.length) {
  console.error(`\nOver budget: ${over.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
