import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, cardTitles } from './support.mjs';

const KEY = 'panorama.preferences';
const HINDI = 'दिल्ली में भारी बारिश';
const ARABIC = 'قمة الدوحة تبحث الأمن الإقليمي';
const DEFAULT_FIRST = 'Summit opens with climate pledge';

// India in Hindi first, Qatar in Arabic second, as the settings page will save them.
const SAVED = {
  version: 1,
  primary_country: 'IN',
  other_countries: ['QA'],
  editions: [
    { country: 'IN', primary_language: 'hi', other_languages: [], primary_source: 'hindi-hi', other_sources: [] },
    { country: 'QA', primary_language: 'ar', other_languages: [], primary_source: 'gulf-ar', other_sources: [] },
  ],
};

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/// A page whose localStorage holds `stored` (a string) before Panorama's script runs. The
/// storage is written from a same-origin file that runs no script: written from a Panorama page,
/// that page's own check of the storage could read it first and repair it before the test looks.
async function pageWithStorage(stored) {
  const page = await stack.newPage();
  await page.goto(stack.url('/favicon.svg'));
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, stored]);
  return page;
}

/// Waits until the cards are exactly `expected`, in any order.
async function waitForTitles(page, expected) {
  await page.waitForFunction((want) => {
    const titles = [...document.querySelectorAll('.card-title')].map((e) => e.textContent.trim()).sort();
    return JSON.stringify(titles) === JSON.stringify([...want].sort());
  }, expected);
}

test('saved preferences drive the timeline, and the server HTML itself after a reload', async () => {
  const page = await pageWithStorage(JSON.stringify(SAVED));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  // The first load had no cookie: once hydrated, the stored edition replaces the default one.
  await waitForTitles(page, [ARABIC, HINDI]);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'panorama_edition');
  assert.equal(cookie?.value, 'hindi-hi.gulf-ar');

  // From now on the server renders the reader's edition: no flash of the default one.
  const response = await page.reload();
  const html = await response.text();
  assert.ok(html.includes(HINDI) && html.includes(ARABIC), 'server HTML lacks the saved edition');
  assert.ok(!html.includes(DEFAULT_FIRST), 'server HTML still shows the default edition');
  await page.waitForSelector('html[data-hydrated]');
  assert.deepEqual((await cardTitles(page)).sort(), [ARABIC, HINDI].sort());

  // Mixed scripts: each title carries its language, and its direction comes from its text.
  const arabic = page.locator('.card-title', { hasText: ARABIC });
  assert.equal(await arabic.getAttribute('lang'), 'ar');
  assert.equal(await arabic.getAttribute('dir'), 'auto');
  await page.context().close();
});

test('corrupt storage shows the default edition and a notice, and keeps the data', async () => {
  const page = await pageWithStorage('{not json');
  await page.goto(stack.url('/'));
  await page.waitForSelector('.notices');
  assert.match(await page.locator('.notices').textContent(), /could not be read \(not JSON/);
  assert.equal((await cardTitles(page))[0], DEFAULT_FIRST);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), '{not json');
  await page.click('.notices .dismiss');
  await page.waitForSelector('.notices', { state: 'detached' });
  await page.context().close();
});

test('a version 0 document migrates, and unknown sources are dropped by name', async () => {
  const v0 = { version: 0, country: 'IN', language: 'hi', sources: ['hindi-hi', 'gone-hi'] };
  const page = await pageWithStorage(JSON.stringify(v0));
  await page.goto(stack.url('/'));
  await page.waitForSelector('.notices');
  const text = await page.locator('.notices').textContent();
  assert.match(text, /upgraded from version 0/);
  assert.match(text, /removed: gone-hi/);
  await waitForTitles(page, [HINDI]);
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(stored.version, 1);
  assert.deepEqual(stored.editions[0].other_sources, []);
  await page.context().close();
});

test('no console errors on any page above', () => {
  assert.deepEqual(stack.consoleErrors, []);
});
