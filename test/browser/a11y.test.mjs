// axe-core on the demo pages while a toast is up and fields are marked: no serious or critical
// violations. axe is evaluated through the DevTools protocol, which the page's CSP does not
// govern, so the page keeps its strict policy (an injected <script> tag would be blocked).

import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { AXE_PATH, browserSuite, clickFor, waitForToasts } from './harness.mjs';

const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');

async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const results = await window.axe.run(document);
    const violations = results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
    return { violations, passes: results.passes.length };
  });
}

function summarize(violations) {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of violations) counts[violation.impact] = (counts[violation.impact] || 0) + 1;
  return counts;
}

function assertNoSeriousViolations(t, label, { violations, passes }) {
  const counts = summarize(violations);
  t.diagnostic(`axe ${label}: ${passes} rules passed; violations: critical ${counts.critical}, serious ${counts.serious}, ` +
    `moderate ${counts.moderate}, minor ${counts.minor}` +
    (violations.length ? ` (${violations.map((violation) => violation.id).join(', ')})` : ''));
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  assert.deepEqual(blocking, [], `${label}: serious or critical axe violations`);
}

browserSuite('accessibility (axe-core)', (env) => {
  for (const pagePath of ['/legacy.html', '/legacy.html?css=0']) {
    it(`${pagePath}: the error summary, the toast and marked fields have no violation of any impact`, async (t) => {
      const page = await env.open(pagePath);
      await clickFor(page, '#btn-invalid', '/api/signup');
      await waitForToasts(page, 1);
      await page.waitForSelector('#signup .api-errors-summary li a');
      await page.waitForSelector('#id_items-2-sku[aria-invalid="true"]');
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
      assert.equal(focused, 'api-errors-summary', 'focus is on the summary');
      const result = await runAxe(page);
      assertNoSeriousViolations(t, pagePath + ' with the summary', result);
      assert.deepEqual(result.violations, [], `${pagePath}: axe violations of any impact`);
    });
  }

  for (const pagePath of ['/legacy.html', '/legacy.html?css=0']) {
    it(`${pagePath} with a toast and marked fields`, async (t) => {
      const page = await env.open(pagePath);
      await clickFor(page, '#btn-invalid', '/api/signup');
      await waitForToasts(page, 1);
      await page.waitForSelector('#id_items-2-sku[aria-invalid="true"]');
      assertNoSeriousViolations(t, pagePath, await runAxe(page));
    });
  }

  it('/backbone.html with a notice and marked fields', async (t) => {
    const page = await env.open('/backbone.html');
    await clickFor(page, '#bb-400', '/api/signup');
    await page.waitForSelector('#bb-notices > li');
    assertNoSeriousViolations(t, '/backbone.html', await runAxe(page));
  });
});
