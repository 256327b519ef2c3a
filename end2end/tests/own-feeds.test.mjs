// Readers' own feeds in the browser: added in Settings by a site's address (the page's
// advertised feed is found), merged into the timeline as the reader's own, rendered by the
// server from the edition cookie, and removed again. The fixture outlet is on 127.0.0.1, so
// this stack allows private addresses (PANORAMA_ALLOW_PRIVATE_FEEDS); the address rules have
// their own tests (server/tests/own_feeds.rs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack, cardTitles } from './support.mjs';

const FETE = 'Village fête raises funds for the new library';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack({ env: { PANORAMA_ALLOW_PRIVATE_FEEDS: 'true' } });
});
after(async () => {
  await stack?.stop();
});

async function openSettings(page) {
  await page.goto(stack.url('/settings'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('#add-feed-WORLD');
}

test('a feed added by its site address joins the timeline as the reader’s own, and leaves it', async () => {
  const page = await stack.newPage();
  await openSettings(page);
  await page.fill('#add-feed-WORLD', `${stack.feeds.base}/pages/village.html`);
  await page.click('.own-section[data-country="WORLD"] button:text("Find the feed")');
  const preview = page.locator('.feed-preview');
  await preview.waitFor();
  assert.equal((await preview.locator('.own-title').textContent()).trim(), 'Village News');
  assert.equal((await preview.locator('.own-stories li').first().textContent()).trim(), FETE);
  assert.equal(await page.inputValue('#own-language-WORLD'), 'en');
  await preview.locator('button:text("Add to World")').click();
  await page.waitForSelector('.own-feeds li[data-own]');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Saved'));
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('panorama.preferences')));
  assert.equal(stored.version, 2);
  const own = stored.editions.find((e) => e.country === 'WORLD').own_feeds;
  assert.equal(own.length, 1);
  assert.match(own[0].id, /^own-[0-9a-f]{12}$/);
  assert.equal(own[0].url, `${stack.feeds.base}/feeds/village-news.xml`);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'panorama_edition');
  assert.ok(cookie.value.split('.').includes(own[0].id), cookie.value);

  // The timeline, as the server renders it from the cookie, holds the reader's own story,
  // marked as theirs.
  const html = await (await fetch(stack.url('/'), { headers: { cookie: `panorama_edition=${cookie.value}` } })).text();
  assert.ok(html.includes(FETE), 'the server HTML lacks the own story');
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const card = page.locator('.card', { hasText: FETE });
  await card.waitFor();
  assert.equal((await card.locator('.tag-own').textContent()).trim(), 'Your feed');
  // Nobody else sees it.
  const others = await (await fetch(stack.url('/'))).text();
  assert.ok(!others.includes(FETE));
  // The reader's search finds it (its stories are searched in memory, for them alone).
  await page.goto(stack.url(`/search?q=${encodeURIComponent('library fête')}`));
  await page.waitForSelector('html[data-hydrated]');
  await page.locator('.search-title', { hasText: 'Village fête' }).waitFor();
  const search = await (await fetch(stack.url(`/api/search?q=library`))).json();
  assert.equal(search.articles.length, 0, 'another reader found it');

  // Removed in Settings, gone from the timeline.
  await openSettings(page);
  await page.click(`.own-feeds li[data-own="${own[0].id}"] button`);
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Saved'));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  assert.ok(!(await cardTitles(page)).includes(FETE));
  await page.context().close();
});

test('an address Panorama does not read gets a plain sentence, the rule behind Details', async () => {
  const page = await stack.newPage();
  await openSettings(page);
  // The scheme rule holds even where private addresses are allowed.
  stack.expectConsoleError((text) => text.includes('403'));
  await page.fill('#add-feed-WORLD', 'file:///etc/passwd');
  await page.press('#add-feed-WORLD', 'Enter');
  const error = page.locator('.own-section[data-country="WORLD"] .field-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Panorama does not read from that address/);
  assert.match(await error.locator('details code').textContent(), /only http and https/);
  // Enter looked the feed up; it did not submit the form.
  assert.equal(await page.locator('.settings-actions .status').textContent(), '');
  await page.context().close();
});
