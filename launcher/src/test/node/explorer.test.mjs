// The explorer page in a real headless Chromium (the machine's, driven by playwright-core): GraphiQL
// loads from the gateway itself, introspects the joined schema and shows it in its documentation
// explorer. Run by launcher's FrontEndSystemTest when `chromium` is on the PATH (CHROMIUM is its path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { GATEWAY_URL } from './support.mjs';

test('the explorer page shows the joined schema in a headless Chromium', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const requests = [];
  try {
    const page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    const response = await page.goto(GATEWAY_URL(), { waitUntil: 'networkidle' });
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);

    // GraphiQL rendered, and its documentation explorer lists the root types of our schema.
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    for (const field of ['episode', 'episodes', 'searchEpisodes', 'guest', 'show']) {
      await docs.getByText(field, { exact: true }).first().waitFor({ timeout: 15_000 });
    }
    // The schema came from this gateway (an introspection POST), and nothing from another host.
    const origin = new URL(GATEWAY_URL()).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    assert.deepEqual(foreign, [], 'every asset and request on the gateway itself');
    assert.deepEqual(problems, [], 'no script errors on the page');
  } finally {
    await browser.close();
  }
});
