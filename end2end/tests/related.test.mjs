// More Related News in the browser, on the labelled set (server/testdata/related/stories.json)
// served from 127.0.0.1: Panorama's walk reads every outlet at boot and groups the stories.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { guardConsole, startStack } from './support.mjs';
import { relatedFeeds } from '../feed-server.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let stack;
guardConsole(() => stack);
let labels;
let voa;
before(async () => {
  stack = await startStack({
    catalog: 'related',
    // The set is from January 2022: a window that reaches it.
    env: { PANORAMA_RELATED_EVERY_SECS: '3600', PANORAMA_RELATED_WINDOW_HOURS: '1000000' },
  });
  ({ labels } = await relatedFeeds());
  const page = await (await fetch(stack.url('/api/timeline?sources=voa-zh&limit=100'))).json();
  voa = [...page.top, ...page.articles].find((a) => labels.get(a.link) === 'csto-kazakhstan');
  assert.ok(voa, 'the VOA report is in its feed');
  // The walk at boot reads every outlet; the story is whole once it has (a grouping asked for
  // midway would know only some of them).
  const deadline = Date.now() + 60_000;
  while ((await (await fetch(stack.url('/healthz'))).json()).catalog_walks < 1) {
    assert.ok(Date.now() < deadline, 'the walk at boot reads the catalog within a minute');
    await new Promise((r) => setTimeout(r, 200));
  }
});
after(async () => {
  await stack?.stop();
});

test("a Chinese report's page lists the story in other languages, with badges and coverage", async () => {
  const page = await stack.newPage();
  await page.goto(stack.url(`/article/${voa.id}`));
  await page.waitForSelector('html[data-hydrated]');
  const related = page.locator('section.related');
  assert.equal((await related.locator('h2').textContent()).trim(), 'More Related News');
  // All four other reports are in other languages than the Chinese one.
  const other = related.locator('[data-related="other"] .related-item');
  assert.equal(await other.count(), 4);
  const ap = other.filter({ hasText: 'Explainer: Why China did not send troops to Kazakhstan' });
  assert.equal(await ap.count(), 1);
  assert.equal((await ap.locator('.tag-language').textContent()).trim(), 'English');
  assert.equal(await ap.locator('.tag-language').getAttribute('lang'), 'en');
  assert.equal((await ap.locator('.tag-outlet').textContent()).trim(), 'Associated Press');
  assert.equal(await ap.locator('.related-title').getAttribute('lang'), 'en');
  // Each other-language report carries its own language's badge, in its own script.
  const badges = (await other.locator('.tag-language').allTextContents()).map((s) => s.trim()).sort();
  assert.deepEqual(badges, ['Deutsch', 'English', 'Français', 'العربية'].sort());
  const coverage = (await related.locator('[data-coverage]').textContent()).trim();
  // Most first; ties in the specification's order of countries.
  assert.equal(coverage, 'Covered by: World 2 · Qatar 1 · Germany 1 · China 1');
  // What links them, as the other report writes it.
  assert.match(await ap.locator('.related-shared').textContent(), /CSTO/);
  // A related title opens that article inside Panorama.
  // (The Chinese page stays in view until the new one has loaded: wait for its title.)
  await ap.locator('.related-title a').click();
  await page
    .locator('.article h1', { hasText: 'Explainer: Why China did not send troops to Kazakhstan' })
    .waitFor({ timeout: 10_000 });
  assert.match(page.url(), /\/article\//);
  // The related list is fetched after the page changes, inside the app.
  const chinese = page.locator('section.related .related-item', { hasText: '集体安全条约组织' });
  await chinese.first().waitFor();
  assert.equal(await chinese.count(), 1);
});

test('the server HTML already holds the related coverage', async () => {
  const html = await (await fetch(stack.url(`/article/${voa.id}`))).text();
  assert.match(html, /In other languages/);
  assert.match(html, /Explainer: Why China did not send troops to Kazakhstan/);
});

test('the timeline folds the story into one card that says in how many other languages', async () => {
  // An edition led by CNN, with the four outlets that reported the Tonga eruption (15 January,
  // so on the first page): their four reports are one card.
  const preferences = {
    version: 1,
    primary_country: 'US',
    other_countries: ['WORLD', 'CN', 'QA'],
    editions: [
      { country: 'US', primary_language: 'en', other_languages: [], primary_source: 'cnn-en', other_sources: [] },
      { country: 'WORLD', primary_language: 'en', other_languages: ['fr'], primary_source: 'ap-en', other_sources: ['france24-fr'] },
      { country: 'CN', primary_language: 'zh', other_languages: [], primary_source: 'bbc-chinese-zh', other_sources: [] },
      { country: 'QA', primary_language: 'ar', other_languages: [], primary_source: 'al-jazeera-ar', other_sources: [] },
    ],
  };
  const page = await stack.newPage();
  // Written from a file that runs no Panorama script (see preferences.test.mjs).
  await page.goto(stack.url('/favicon.svg'));
  await page.evaluate((value) => localStorage.setItem('panorama.preferences', value), JSON.stringify(preferences));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const tonga = page.locator('.card', { has: page.locator('.tag-outlets') }).filter({ hasText: /Tonga|汤加|تونغا/ });
  // The stored edition's timeline is fetched once the page runs (the server drew the default).
  await tonga.first().waitFor();
  assert.equal(await tonga.count(), 1);
  assert.equal((await tonga.locator('.tag-languages').textContent()).trim(), 'Also in 3 other languages');
  assert.equal((await tonga.locator('.tag-outlets').textContent()).trim(), '+3 outlets');
  // "Also in N languages" opens the story's own page.
  assert.match(await tonga.locator('.tag-languages').getAttribute('href'), /^\/story\/[0-9a-f]{16}$/);
  await tonga.locator('.tag-outlets').click();
  await page.waitForSelector('section.related .related-item');
  assert.match(new URL(page.url()).pathname, /^\/article\/[0-9a-f]{16}$/);
  assert.equal(await page.locator('section.related .related-item').count(), 3);
});

test('axe finds no violations on an article page with related coverage, and it fits a phone', async () => {
  const page = await stack.newPage({ viewport: { width: 360, height: 780 }, bypassCSP: true });
  await page.goto(stack.url(`/article/${voa.id}`));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('section.related .related-item');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'sideways scrolling');
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(violations, []);
});

test('an unknown id has no related news: 404', async () => {
  const res = await fetch(stack.url('/api/related?id=0123456789abcdef'));
  assert.equal(res.status, 404);
});


test("the story page's HTML holds every outlet's headline by country, who covered it and who not yet", async () => {
  // A reader of India, the United States and Germany: Germany covered the CSTO story, the
  // other two not yet.
  const res = await fetch(stack.url(`/story/${voa.id}`), { headers: { cookie: 'panorama_edition=ndtv-en.cnn-en.dw-de' } });
  assert.equal(res.status, 200);
  const html = await res.text();
  const related = await (await fetch(stack.url(`/api/related?id=${voa.id}`))).json();
  assert.equal(related.articles.length, 4);
  for (const a of [voa, ...related.articles]) {
    assert.ok(html.includes(`data-article="${a.id}"`), `${a.title} is on the page`);
  }
  assert.match(html, /Covered in: World, Qatar, Germany, China · Not yet in: India, United States/);
  assert.match(html, /5 outlets in 4 countries/);
  assert.match(html, /Linked by: (?:(?!<\/p>).)*CSTO/s);
  // The API answers the same, and names an unknown id as such.
  const api = await (await fetch(stack.url(`/api/story?id=${voa.id}&sources=ndtv-en,cnn-en,dw-de`))).json();
  assert.deepEqual(api.not_yet, ['IN', 'US']);
  assert.equal((await fetch(stack.url('/api/story?id=0123456789abcdef'))).status, 404);
  assert.equal((await fetch(stack.url('/story/0123456789abcdef'))).status, 404);
  assert.equal((await fetch(stack.url('/api/story'))).status, 400);
});

test('the story page is reached from More Related News; countries side by side, earliest first', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url(`/article/${voa.id}`));
  await page.waitForSelector('html[data-hydrated]');
  await page.locator('.related-whole a').click();
  await page.waitForSelector('.story-page');
  assert.equal(new URL(page.url()).pathname, `/story/${voa.id}`);
  const countries = page.locator('.story-country');
  assert.equal(await countries.count(), 4);
  // Each country's column lists its articles under their language; the pickup list names the
  // same countries in the same order, the first marked.
  const order = await countries.evaluateAll((els) => els.map((e) => e.dataset.country));
  const pickup = await page.locator('.story-pickup li').evaluateAll((els) => els.map((e) => e.dataset.country));
  assert.deepEqual(pickup, order);
  assert.equal(await page.locator('.story-pickup li').first().locator('.tag').count(), 1);
  const times = await page.locator('.story-pickup time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime'))));
  assert.deepEqual([...times].sort((a, b) => a - b), times);
  assert.equal(await page.locator('.story-country li[data-article]').count(), 5);
  // A headline opens its article inside Panorama.
  await page.locator('.story-country[data-country="DE"] li a').first().click();
  await page.waitForSelector('.article h1');
  assert.match(new URL(page.url()).pathname, /^\/article\//);
});

test('the story page in Arabic and Chinese: translated, right to left, fits a phone, axe finds nothing', async () => {
  for (const [lang, heading, dir] of [['ar', 'متى تناولته كل دولة', 'rtl'], ['zh', '各国何时开始报道', 'ltr']]) {
    const page = await stack.newPage({ viewport: { width: 360, height: 780 }, bypassCSP: true });
    await page.context().addCookies([{ name: 'panorama_lang', value: `${lang}~en`, url: stack.base }]);
    await page.goto(stack.url(`/story/${voa.id}`));
    await page.waitForSelector('html[data-hydrated]');
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    assert.equal((await page.locator('#pickup-heading').textContent()).trim(), heading);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${lang}: sideways scrolling`);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
    assert.deepEqual(violations, [], lang);
  }
});
