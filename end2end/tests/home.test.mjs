import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack, cardTitles } from './support.mjs';

// The default edition (World, English): Globe Daily (main and sports feeds), World Courier, and
// Broken Wire, whose feed answers 500. Globe Daily leads: its newest stories are the "Top from"
// strip, then the rest, newest first.
const TOP = [
  'Summit opens with climate pledge',
  'Rail strike ends after talks',
  'Underdogs win the cup final',
  'Open tennis: seeds advance',
];
const ALL = [...TOP, 'Markets steady ahead of rate decision'];
const LATE = 'Night trains return to the coast line';
const SPORTS = ['Underdogs win the cup final', 'Open tennis: seeds advance'];

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test('the server HTML holds the timeline before any script runs', async () => {
  const html = await (await fetch(stack.url('/'))).text();
  for (const title of ALL) assert.ok(html.includes(title), `server HTML lacks "${title}"`);

  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/'));
  assert.deepEqual(await cardTitles(page), ALL);
  assert.equal((await page.locator('#top-heading').textContent()).trim(), 'Top from Globe Daily');
  assert.deepEqual(await page.locator('.top-stories .card-title').allTextContents(), TOP);
  // A card opens Panorama's article page; the outlet's link is on that page.
  const href = await page.locator('.card-title a').first().getAttribute('href');
  assert.match(href, /^\/article\/[0-9a-f]{16}$/);
  // A wire story both outlets carry is one card, with the other outlet's copy beside it.
  const rail = page.locator('.card', { hasText: 'Rail strike ends after talks' });
  assert.equal((await rail.locator('.card-also').textContent()).trim(), 'Also from World Courier');
  // Atom resolves relative links against the document's own address (RFC 4287 §xml:base).
  assert.equal(await rail.locator('.card-also a').getAttribute('href'), `${stack.feeds.base}/uk/rail-deal`);
  assert.ok(!html.includes('Rail services resume as pay deal is agreed'), 'the wire copy is repeated');
  // Relative time against the page's own clock, the exact UTC time on hover.
  const time = page.locator('.card time').first();
  assert.equal(await time.getAttribute('title'), 'Monday, January 17, 2022 11:21:53 AM UTC');
  await page.context().close();
});

test('category tabs work without JavaScript too', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/?category=sports'));
  assert.deepEqual(await cardTitles(page), SPORTS);
  assert.equal(await page.locator('.category-tabs a[aria-current="page"]').textContent(), 'Sports');
  await page.context().close();
});

test('after hydration a category tab switches the list in place', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  assert.deepEqual(await cardTitles(page), ALL);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  await page.click('.category-tabs a[data-category="sports"]');
  await page.waitForFunction((want) => {
    const titles = [...document.querySelectorAll('.card-title')].map((e) => e.textContent.trim());
    return JSON.stringify(titles) === JSON.stringify(want);
  }, SPORTS);
  assert.equal(new URL(page.url()).search, '?category=sports');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the tab reloaded the page');
  assert.equal(await page.locator('.category-tabs a[aria-current="page"]').textContent(), 'Sports');

  // A category with no feed in this edition says so rather than showing stale cards.
  await page.click('.category-tabs a[data-category="business"]');
  await page.waitForSelector('.empty');
  assert.deepEqual(await cardTitles(page), []);
  assert.match(await page.locator('.empty').textContent(), /None of your sources has a feed for Business\.\s*No outlet of your countries has one yet\./);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('.card-title').length === 2);
  await page.context().close();
});

test("a failing feed shows as that source's error while the others show", async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const failed = page.locator('.source-state.failed');
  assert.equal(await failed.count(), 1);
  // A plain sentence; the server's own words only behind "Details".
  assert.match(await failed.locator('.source-status').textContent(), /^its server had a problem; no stories from it yet$/);
  const details = failed.locator('details.trouble-details');
  assert.equal(await details.getAttribute('open'), null, 'the detail stays folded');
  assert.equal((await details.locator('code').textContent()).trim(), 'fetch: HTTP 500');
  // Folded to one line that counts the failure; the reader opens it.
  assert.equal(await page.locator('.source-states').getAttribute('open'), null);
  assert.match(await page.locator('.source-states > summary').textContent(), /1 failed/);
  await page.click('.source-states > summary');
  // The fixtures' stories are from 2022: they show, and their sources are marked stale.
  const stale = await page.locator('.source-state.stale .source-name').allTextContents();
  assert.deepEqual(stale.sort(), ['Globe Daily', 'World Courier']);
  assert.match(await page.locator('.source-state.stale .source-status').first().textContent(), /^\d+ stor(y|ies), nothing new since \S.*$/);
  assert.equal((await cardTitles(page)).length, ALL.length);
  // Each source's health is a badge on its filter link too.
  const badge = page.locator('.filter-row a[data-value="broken-en"] .badge.failed');
  assert.equal(await badge.getAttribute('aria-label'), 'its server had a problem; no stories from it yet');
  assert.equal(await page.locator('.filter-row a[data-value="globe-en"] .badge.stale').count(), 1);
  await page.context().close();
});

test("an empty category says why, and offers the outlets of the reader's countries that have it", async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/favicon.svg'));
  const prefs = {
    version: 1,
    primary_country: 'WORLD',
    other_countries: [],
    editions: [{ country: 'WORLD', primary_language: 'en', other_languages: [], primary_source: 'courier-en', other_sources: [] }],
  };
  await page.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify(prefs));
  await page.goto(stack.url('/?category=sports'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.empty.no-feed');
  assert.match(await page.locator('.empty.no-feed').textContent(), /None of your sources has a feed for Sports\./);
  assert.deepEqual((await page.locator('.offered-sources li bdi').allTextContents()), ['Globe Daily']);
  assert.equal(await page.locator('.empty.no-feed a[href="/settings"]').count(), 1);
  await page.context().close();
});

test('a source still loading at the deadline fills in without a reload', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/favicon.svg'));
  const prefs = {
    version: 1,
    primary_country: 'US',
    other_countries: [],
    editions: [{ country: 'US', primary_language: 'en', other_languages: [], primary_source: 'alpha-en', other_sources: ['late-en'] }],
  };
  await page.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify(prefs));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.source-state.loading[data-source="late-en"]', { state: 'attached' });
  assert.ok(!(await cardTitles(page)).includes(LATE));
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.waitForFunction((late) => [...document.querySelectorAll('.card-title')].some((e) => e.textContent.trim() === late), LATE, {
    timeout: 15000,
  });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
  assert.equal(await page.locator('.source-state.loading').count(), 0);
  await page.context().close();
});

test('the timeline fits a 360 px phone without sideways scrolling', async () => {
  const page = await stack.newPage({ viewport: { width: 360, height: 780 } });
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.edition-banner');
  assert.equal(await page.locator('.filter-row a').count(), 4, 'All sources and three outlets');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.context().close();
});

/// Where the headlines sit on the first screen: the first one's top, and how many are whole.
async function firstScreen(page) {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll('.card-title a')].map((a) => a.getBoundingClientRect());
    return { first: Math.round(tops[0].top), whole: tops.filter((r) => r.top >= 0 && r.bottom <= innerHeight).length };
  });
}

test('a phone: headlines on the first screen, and a compact list that is remembered', async () => {
  // A first visit, at 360 x 800 with touch, in the default mode: the edition banner shows.
  const page = await stack.newPage({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.edition-banner');
  const cards = await firstScreen(page);
  assert.ok(cards.first <= 300, `the first headline starts ${cards.first}px down`);
  assert.ok(cards.whole >= 3, `${cards.whole} whole headlines on the first screen`);
  // Source health is one line, open on demand.
  assert.equal(await page.locator('.source-states').getAttribute('open'), null);
  assert.equal(await page.locator('.view-toggle button[aria-pressed="true"]').textContent(), 'Cards');

  await page.click('.view-toggle button:text("Compact")');
  await page.waitForSelector('html[data-view="compact"]');
  const compact = await firstScreen(page);
  assert.ok(compact.whole >= 5, `${compact.whole} whole headlines in the compact list`);
  assert.equal(await page.locator('.timeline .card-image:visible').count(), 0);
  // Remembered, and rendered by the server from the cookie.
  await page.reload();
  assert.equal(await page.locator('html').getAttribute('data-view'), 'compact');
  await page.waitForSelector('html[data-hydrated]');
  const html = await (await fetch(stack.url('/'), { headers: { cookie: 'panorama_view=compact' } })).text();
  assert.match(html, /<html[^>]*data-view="compact"/);
  await page.click('.view-toggle button:text("Cards")');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-view'));
  // Every control a finger can hit is 44 px tall at least.
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('.site-nav a, .category-tabs a, .filter-row a, button.save, .view-toggle button, .source-states > summary')]
      .filter((e) => e.getClientRects().length && e.getBoundingClientRect().height < 44)
      .map((e) => `${e.className || e.tagName}: ${Math.round(e.getBoundingClientRect().height)}px`));
  assert.deepEqual(small, []);
  // The current category tab is in view, even the last one.
  await page.goto(stack.url('/?category=all'));
  await page.waitForSelector('html[data-hydrated]');
  const tab = await page.locator('.category-tabs a[aria-current="page"]').boundingBox();
  assert.ok(tab.x >= 0 && tab.x + tab.width <= 360, `the current tab is at ${tab.x}..${tab.x + tab.width}`);
  await page.context().close();
});

test('an unknown path answers 404 with a way back', async () => {
  const res = await fetch(stack.url('/no/such/page'));
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Back to the news/);
});

