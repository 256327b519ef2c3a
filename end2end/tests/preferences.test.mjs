import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack, cardTitles } from './support.mjs';

const KEY = 'panorama.preferences';
const HINDI = 'दिल्ली में भारी बारिश';
const ARABIC = 'قمة الدوحة تبحث الأمن الإقليمي';
const DEFAULT_FIRST = 'Summit opens with climate pledge';
const GERMAN = 'Bundestag stimmt über Haushalt ab – Grüße aus Köln';
const CHINESE = '俄罗斯领导的集体安全条约组织（CSTO）部队抵达哈萨克斯坦';
const CANADIAN = 'Ottawa announces winter transit plan';

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
guardConsole(() => stack);
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
  assert.match(await page.locator('.notices li').first().textContent(), /^Your saved preferences could not be read, so the default edition is shown\./);
  assert.match(await page.locator('.notices details code').textContent(), /^not JSON/);
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
  // The preferences' news is Hindi; the interface keeps the language it has (English here):
  // it changes only when the reader chooses.
  const notice = page.locator('.notices', { hasText: 'Your preferences were upgraded from version 0.' });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /gone-hi/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await waitForTitles(page, [HINDI]);
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(stored.version, 2);
  assert.deepEqual(stored.editions[0].other_sources, []);
  await page.context().close();
});

test('the lead source tops the timeline, and the filter row narrows it to a country or a source', async () => {
  const page = await pageWithStorage(JSON.stringify(SAVED));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await waitForTitles(page, [ARABIC, HINDI]);
  // India's primary source leads: its story is in the strip, and not again below it.
  assert.equal((await page.locator('#top-heading').textContent()).trim(), 'Top from Hindi Samachar');
  assert.deepEqual(await page.locator('.top-stories .card-title').allTextContents(), [HINDI]);
  assert.deepEqual(await page.locator('.timeline .card-title').allTextContents(), [ARABIC]);

  const filters = await page.locator('.filter-row a').allTextContents();
  assert.deepEqual(filters.map((f) => f.trim()), ['All sources', 'India', 'Qatar', 'Hindi Samachar', 'Gulf Akhbar']);

  await page.click('.filter-row a[data-filter="country"][data-value="QA"]');
  await waitForTitles(page, [ARABIC]);
  assert.match(page.url(), /country=QA/);
  assert.equal(await page.locator('.top-stories').count(), 0);
  assert.equal(await page.locator('.filter-row a[aria-current="page"]').textContent(), 'Qatar');
  // The category tabs keep the filter.
  assert.match(await page.locator('a[data-category="sports"]').getAttribute('href'), /category=sports&country=QA/);

  // The filtered view is a plain URL: the server renders it too.
  const html = await (await page.reload()).text();
  assert.ok(html.includes(ARABIC) && !html.includes(HINDI), 'server HTML ignores the country filter');
  await page.waitForSelector('html[data-hydrated]');

  await page.click('.filter-row a[data-filter="source"][data-value="hindi-hi"]');
  await waitForTitles(page, [HINDI]);
  await page.click('.filter-row a[data-filter="all"]');
  await waitForTitles(page, [ARABIC, HINDI]);
  await page.context().close();
});

test('a first visit proposes the edition of the browser language, kept with one click', async () => {
  const page = await stack.newPage({ locale: 'de-DE' });
  const response = await page.goto(stack.url('/'));
  const html = await response.text();
  assert.ok(html.includes(GERMAN), 'the server HTML does not hold the German edition');
  assert.ok(!html.includes(DEFAULT_FIRST), 'the server HTML shows the default edition');
  assert.ok(html.includes('class="edition-banner"'), 'the server HTML has no edition banner');
  await page.waitForSelector('html[data-hydrated]');
  const banner = page.locator('.edition-banner');
  // A German edition speaks German from the first paint.
  assert.match(html, /<html[^>]* lang="de"/);
  assert.match(await banner.textContent(), /Deutschland · Deutsch · RDF Nachrichten/);
  assert.equal(await banner.locator('a[href="/settings"]').count(), 1);

  await page.click('#keep-edition:not([disabled])');
  await banner.waitFor({ state: 'detached' });
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  assert.equal(stored.primary_country, 'DE');
  assert.equal(stored.editions[0].primary_language, 'de');
  assert.equal(stored.editions[0].primary_source, 'rdf-de');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'panorama_edition');
  assert.equal(cookie?.value, 'rdf-de');

  const again = await (await page.reload()).text();
  assert.ok(again.includes(GERMAN) && !again.includes('class="edition-banner"'), 'a kept edition is still proposed');
  await page.context().close();
});

test('the settings page starts a first visit from the proposed edition', async () => {
  const page = await stack.newPage({ locale: 'zh-CN' });
  await page.goto(stack.url('/settings'));
  await page.waitForSelector('#primary-country');
  await page.waitForFunction(() => document.querySelector('#primary-country').value === 'CN');
  assert.equal(await page.inputValue('#primary-source-CN'), 'voa-zh');
  await page.context().close();
});

test('each browser language gets its own edition in the server HTML', async () => {
  const cases = [
    ['hi-IN', HINDI],
    ['ar-QA', ARABIC],
    ['zh-CN', CHINESE],
    ['de-DE', GERMAN],
    // Canada's French outlet has no feed here: Canada in English, not World.
    ['fr-CA', CANADIAN],
    ['es-ES', DEFAULT_FIRST],
  ];
  for (const [language, title] of cases) {
    const response = await fetch(stack.url('/'), { headers: { 'accept-language': `${language},en;q=0.5` } });
    const html = await response.text();
    assert.ok(html.includes(title), `${language}: the proposed edition lacks "${title}"`);
    assert.match(response.headers.get('set-cookie') ?? '', /^panorama_edition=~/, `${language}: no proposal cookie`);
    assert.match(response.headers.get('vary') ?? '', /Accept-Language/i);
  }
});

