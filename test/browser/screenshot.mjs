// Takes the README's screenshots: the legacy demo page after a failed signup, with the error
// summary, the toast and the marked fields, into demo/screenshot.png, and the same page right to
// left (demo/screenshot-rtl.png) and without the stylesheet (demo/screenshot-no-css.png).
// Run: node test/browser/screenshot.mjs [out.png]

import path from 'node:path';
import { startServer } from '../../demo/server.mjs';
import { ROOT, chromiumMissing, launchBrowser } from './harness.mjs';

const output = path.resolve(process.argv[2] || path.join(ROOT, 'demo', 'screenshot.png'));

// A script, not a test: a bare `node --test` (which runs every .mjs under test/) leaves it alone.
if (process.env.NODE_TEST_CONTEXT) process.exit(0);

const missing = chromiumMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const server = await startServer({ port: 0 });
const browser = await launchBrowser();
try {
  const variants = [
    { file: output, query: '', dir: 'ltr' },
    { file: output.replace(/\.png$/, '-rtl.png'), query: '', dir: 'rtl' },
    { file: output.replace(/\.png$/, '-no-css.png'), query: '?css=0', dir: 'ltr' },
  ];
  for (const variant of variants) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    await page.goto(new URL('/legacy.html' + variant.query, server.url).href);
    await page.evaluate((dir) => { document.documentElement.dir = dir; }, variant.dir);
    await Promise.all([page.waitForResponse((response) => response.url().includes('/api/signup')), page.click('#btn-invalid')]);
    await page.waitForSelector('.api-errors-toast');
    await page.waitForSelector('#id_items-2-sku[aria-invalid="true"]');
    // Park the pointer away from the toast, so it looks as it does untouched.
    await page.mouse.move(5, 695);
    await page.screenshot({ path: variant.file, animations: 'disabled', caret: 'initial' });
    console.log(`screenshot: ${path.relative(process.cwd(), variant.file) || variant.file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
