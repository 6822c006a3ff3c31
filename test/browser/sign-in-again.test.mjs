// "Sign in again" on a hash-routed page (/legacy.html#orders/5), in Chromium: a link to the page's
// own #fragment only scrolls, so the toast's link leads to the page without it, and following
// it loads the page again (where Django would redirect to its login).

import { it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, waitForToasts } from './harness.mjs';

browserSuite('Sign in again on a hash-routed page', (env) => {
  it('the link loads the page again instead of jumping to its own #fragment', async () => {
    const page = await env.open('/legacy.html#orders/5');
    await page.click('summary:has-text("What Django pages meet most")');
    await page.click('#btn-session');
    const [toast] = await waitForToasts(page, 1);
    assert.equal(toast.message, 'Your session has expired.');
    // A mark that only this load of the page holds: a new load has none.
    await page.evaluate(() => {
      window.__sameLoad = true;
    });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Sign in again', exact: true }).click(),
    ]);
    assert.equal(await page.evaluate(() => window.__sameLoad), undefined, 'the page was loaded again');
    assert.equal(new URL(page.url()).pathname, '/legacy.html');
  });
});
