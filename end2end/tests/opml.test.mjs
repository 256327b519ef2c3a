// OPML in the browser: the edition exported as a file, reset, and imported back; a Feedly and
// a Miniflux export (end2end/fixtures/opml, written in their formats) imported with a preview
// of what will be added, what is already there and what is refused or skipped. The stack allows
// private addresses: its own feeds are on 127.0.0.1.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { guardConsole, startStack } from './support.mjs';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack({ env: { PANORAMA_ALLOW_PRIVATE_FEEDS: 'true' } });
});
after(async () => {
  await stack?.stop();
});

const fixture = async (name) =>
  (await readFile(new URL(`../fixtures/opml/${name}`, import.meta.url), 'utf8')).replaceAll('{{FEEDS}}', stack.feeds.base);

async function openSettings(page) {
  await page.goto(stack.url('/settings'));
  await page.waitForSelector('html[data-hydrated]');
}

async function importFile(page, name, text) {
  await page.setInputFiles('#import-opml', { name, mimeType: 'text/x-opml', buffer: Buffer.from(text) });
  await page.waitForSelector('.opml-preview');
}

const group = (page, name) =>
  page.locator(`.opml-list[data-group="${name}"] li bdi`).allTextContents();

const stored = async (page) => JSON.parse(await page.evaluate(() => localStorage.getItem('panorama.preferences')));

test('the edition goes out as OPML and comes back after a reset', async () => {
  const page = await stack.newPage();
  await openSettings(page);
  // An edition with an own feed: added by its address.
  await page.fill('#add-feed-WORLD', `${stack.feeds.base}/feeds/village-news.xml`);
  await page.press('#add-feed-WORLD', 'Enter');
  await page.locator('.feed-preview button.primary').click();
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Saved'));
  const before = await stored(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-opml')]);
  assert.match(download.suggestedFilename(), /^panorama-\d{4}-\d{2}-\d{2}\.opml$/);
  const opml = await readFile(await download.path(), 'utf8');
  assert.match(opml, /<opml version="2.0">/);
  assert.match(opml, /<outline text="World" title="World">/);
  assert.ok(opml.includes(`xmlUrl="${stack.feeds.base}/feeds/world-top.xml"`), opml);
  assert.ok(opml.includes(`xmlUrl="${stack.feeds.base}/feeds/village-news.xml"`), opml);

  await page.click('#reset-preferences');
  await page.waitForFunction(() => !localStorage.getItem('panorama.preferences'));
  await importFile(page, 'panorama.opml', opml);
  assert.ok((await group(page, 'opml-new')).includes('Village News'));
  await page.click('#opml-confirm');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Imported'));
  const after = await stored(page);
  const ids = (prefs) => prefs.editions.flatMap((e) => [e.primary_source, ...e.other_sources, ...(e.own_feeds ?? []).map((f) => f.id)]).sort();
  assert.deepEqual(ids(after), ids(before));
  await page.context().close();
});

test('a Feedly and a Miniflux export: a preview first, then what is new is added', async () => {
  const page = await stack.newPage();
  await openSettings(page);
  await importFile(page, 'feedly.opml', await fixture('feedly.opml'));
  assert.deepEqual(await group(page, 'opml-new'), ['Rundfunk', 'Village News']);
  assert.deepEqual(await group(page, 'opml-skipped'), ['A site without its feed']);
  assert.match(await page.locator('.opml-list[data-group="opml-skipped"]').textContent(), /only its site's address/);
  // Nothing has changed yet.
  assert.equal(await page.evaluate(() => localStorage.getItem('panorama.preferences')), null);
  assert.equal((await page.locator('#opml-confirm').textContent()).trim(), 'Import 2 feeds');
  await page.click('#opml-confirm');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Imported 2 feeds'));
  const prefs = await stored(page);
  // Rundfunk is the catalog's German outlet: Germany is chosen, in German.
  const germany = prefs.editions.find((e) => e.country === 'DE');
  assert.equal(germany.primary_source, 'rdf-de');
  assert.equal(germany.primary_language, 'de');
  // Village News is an own feed, filed under the primary country (its folder names none).
  const own = prefs.editions.flatMap((e) => e.own_feeds ?? []);
  assert.deepEqual(own.map((f) => f.title), ['Village News']);

  // Miniflux: the Qatari outlet is new, the gopher feed is refused with its rule; the Feedly
  // feeds imported before stay as they are.
  await importFile(page, 'miniflux.opml', await fixture('miniflux.opml'));
  assert.deepEqual(await group(page, 'opml-new'), ['Gulf']);
  assert.deepEqual(await group(page, 'opml-refused'), ['Old gopher']);
  assert.match(await page.locator('.opml-list[data-group="opml-refused"]').textContent(), /only http and https/);
  await page.click('#opml-confirm');
  await page.waitForFunction(() => document.querySelector('.settings-actions .status')?.textContent.startsWith('Imported 1 feed'));
  assert.equal((await stored(page)).editions.find((e) => e.country === 'QA').primary_source, 'gulf-ar');
  // The same file again: everything is already there.
  await importFile(page, 'miniflux.opml', await fixture('miniflux.opml'));
  assert.deepEqual(await group(page, 'opml-present'), ['Gulf']);
  assert.equal(await page.locator('#opml-confirm').isDisabled(), true);
  await page.context().close();
});

test('a file too large, an entity bomb or a file that is not OPML changes nothing', async () => {
  const page = await stack.newPage();
  await openSettings(page);
  const error = page.locator('section[aria-labelledby="opml-heading"] .field-error');
  await page.setInputFiles('#import-opml', { name: 'big.opml', mimeType: 'text/x-opml', buffer: Buffer.alloc(10 * 1024 * 1024, 32) });
  await error.waitFor();
  assert.match(await error.textContent(), /larger than 1 MB/);
  stack.expectConsoleError((text) => text.includes('400'));
  const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;">]><opml><body><outline text="&lol9;" xmlUrl="https://x.example/"/></body></opml>';
  await page.setInputFiles('#import-opml', { name: 'bomb.opml', mimeType: 'text/x-opml', buffer: Buffer.from(bomb) });
  await page.waitForFunction(() => document.querySelector('section[aria-labelledby="opml-heading"] .field-error code')?.textContent.includes('entities'));
  await page.setInputFiles('#import-opml', { name: 'feed.xml', mimeType: 'text/xml', buffer: Buffer.from('<rss version="2.0"><channel/></rss>') });
  await page.waitForFunction(() => document.querySelector('section[aria-labelledby="opml-heading"] .field-error code')?.textContent.includes('not an OPML file'));
  assert.match(await error.textContent(), /could not be read as OPML/);
  assert.equal(await page.evaluate(() => localStorage.getItem('panorama.preferences')), null);
  await page.context().close();
});
