import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack, cardTitles } from './support.mjs';

const KEY = 'panorama.preferences';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

async function openSettings(contextOptions) {
  const page = await stack.newPage(contextOptions);
  await page.goto(stack.url('/settings'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('form.settings');
  return page;
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a first visit starts from the default edition, in the specification order', async () => {
  const page = await openSettings();
  assert.equal(await page.inputValue('#primary-country'), 'WORLD');
  const headings = await page.locator('form.settings .settings-section h2').allTextContents();
  assert.deepEqual(headings, ['Countries', 'Set News Language for World', 'Set News Source for World', 'Your own feeds']);
  assert.equal(await page.inputValue('#primary-language-WORLD'), 'en');
  assert.equal(await page.inputValue('#primary-source-WORLD'), 'globe-en');
  await page.context().close();
});

test('saving is refused, with the missing field named next to it, until every mandatory choice is made', async () => {
  const page = await openSettings();
  await page.selectOption('#primary-country', 'CA');
  // Canada publishes in English and French: nothing is chosen for the reader.
  await page.click('button[type="submit"]');
  assert.match(await page.locator('.status').textContent(), /Not saved: 2 required choices are missing/);
  assert.equal(await page.locator('#primary-language-CA-error').textContent(), 'Choose a primary language for Canada.');
  assert.equal(await page.locator('#primary-source-CA-error').textContent(), 'Choose a primary source for Canada.');
  assert.equal(await page.getAttribute('#primary-language-CA', 'aria-invalid'), 'true');
  assert.equal(await stored(page), null, 'nothing may be saved');

  // French only: its one outlet has no feed, so it is shown but cannot be picked.
  await page.selectOption('#primary-language-CA', 'fr');
  assert.equal(await page.locator('#primary-language-CA-error').textContent(), '');
  const silent = page.locator('#primary-source-CA option[value="silent-fr"]');
  assert.equal(await silent.isDisabled(), true);
  assert.match(await silent.textContent(), /no feed available \(publishes no feed\)/);
  assert.equal(await page.locator('input[name="other-source-CA"][value="silent-fr"]').isDisabled(), true);

  await page.check('input[name="other-language-CA"][value="en"]');
  await page.selectOption('#primary-source-CA', 'maple-en');
  await page.click('button[type="submit"]');
  // Canada in French: the news is French; the interface stays in the language the reader
  // has (changing it is the reader's choice, in the footer), and says "Saved" where they look.
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Saved.'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(JSON.parse(await stored(page)).editions[0].primary_source, 'maple-en');

  // Dropping English drops its outlet, and says so.
  await page.uncheck('input[name="other-language-CA"][value="en"]');
  assert.match(await page.locator('.status').textContent(), /Removed Maple Report: not published in the chosen languages/);
  assert.equal(await page.inputValue('#primary-source-CA'), '');
  await page.context().close();
});

test('a one-language country says "No other language available"', async () => {
  const page = await openSettings();
  await page.check('input[name="other-country"][value="DE"]');
  const germany = page.locator('.settings-section[data-country="DE"]').first();
  assert.match(await germany.textContent(), /Set News Language for Germany/);
  assert.match(await germany.textContent(), /No other language available/);
  assert.equal(await page.inputValue('#primary-language-DE'), 'de');
  // One outlet: chosen for the reader, and said so; languages and sources in one card.
  assert.equal(await page.inputValue('#primary-source-DE'), 'rdf-de');
  const card = page.locator('.country-card[data-country="DE"]');
  assert.match(await card.textContent(), /No other source available/);
  // Its languages, its sources, the reader's own feeds.
  assert.equal(await card.locator('.settings-section').count(), 3);
  // Save stays in view at the bottom of a long form.
  const actions = await page.locator('.settings-actions').boundingBox();
  assert.ok(actions.y + actions.height <= page.viewportSize().height + 1, `Save is at ${actions.y}`);
  // The primary country cannot also be an other country.
  assert.equal(await page.locator('input[name="other-country"][value="WORLD"]').isDisabled(), true);
  await page.context().close();
});

test('a full multi-country setup is saved, survives a reload and makes the timeline', async () => {
  const page = await openSettings();
  await page.selectOption('#primary-country', 'IN');
  await page.check('input[name="other-country"][value="QA"]');
  await page.check('input[name="other-country"][value="CA"]');
  await page.selectOption('#primary-source-IN', 'hindi-hi');
  await page.selectOption('#primary-source-QA', 'gulf-ar');
  await page.selectOption('#primary-language-CA', 'en');
  await page.selectOption('#primary-source-CA', 'maple-en');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Saved.'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the interface keeps its language');

  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.inputValue('#primary-country'), 'IN');
  assert.equal(await page.isChecked('input[name="other-country"][value="QA"]'), true);
  assert.equal(await page.inputValue('#primary-source-CA'), 'maple-en');

  // The home page, as the server sends it, is the reader's edition.
  const response = await page.goto(stack.url('/'));
  const html = await response.text();
  for (const title of ['दिल्ली में भारी बारिश', 'قمة الدوحة تبحث الأمن الإقليمي', 'Ottawa announces winter transit plan']) {
    assert.ok(html.includes(title), `server HTML lacks "${title}"`);
  }
  assert.ok(!html.includes('Summit opens with climate pledge'));
  await page.waitForSelector('html[data-hydrated]');
  assert.equal((await cardTitles(page)).length, 3);
  await page.context().close();
});

test('the form works from the keyboard alone', async () => {
  const page = await openSettings();
  await page.focus('input[name="other-country"][value="CN"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('.settings-section[data-country="CN"]');
  // The change re-rendered nothing under the reader's focus.
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'CN');
  await page.focus('#primary-source-CN');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#primary-source-CN'), 'voa-zh');
  await page.focus('button[type="submit"]');
  await page.keyboard.press('Enter');
  assert.match(await page.locator('.status').textContent(), /^Saved/);
  await page.context().close();
});

test('fits a 360 px phone without sideways scrolling', async () => {
  const page = await openSettings({ viewport: { width: 360, height: 780 } });
  await page.check('input[name="other-country"][value="QA"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.context().close();
});

test('export, reset and import round-trip the preferences', async () => {
  const page = await openSettings();
  await page.selectOption('#primary-country', 'QA');
  await page.selectOption('#primary-source-QA', 'gulf-ar');
  await page.click('button[type="submit"]');
  const saved = await stored(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-preferences')]);
  assert.equal(download.suggestedFilename(), 'panorama-preferences.json');
  const { readFile } = await import('node:fs/promises');
  const exported = await readFile(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(exported), JSON.parse(saved));

  await page.click('#reset-preferences');
  assert.equal(await stored(page), null);
  // Back to a first visit: the edition proposed for the browser's language ('en': World).
  assert.equal(await page.inputValue('#primary-country'), 'WORLD');
  const cookies = await page.context().cookies();
  assert.match(cookies.find((c) => c.name === 'panorama_edition')?.value ?? '', /^~globe-en/);

  await page.setInputFiles('#import-preferences', {
    name: 'panorama-preferences.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  // Qatar in Arabic: the news follows; the interface keeps the reader's language.
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Imported and saved.'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(JSON.parse(await stored(page)), JSON.parse(saved));
  assert.equal(await page.inputValue('#primary-country'), 'QA');

  // A broken file is refused and changes nothing.
  await page.setInputFiles('#import-preferences', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Not imported'));
  assert.deepEqual(JSON.parse(await stored(page)), JSON.parse(saved));
  await page.context().close();
});

test("an interface set to follow the edition, by the reader's choice, follows it on save", async () => {
  const page = await openSettings();
  await page.selectOption('#ui-language', '');
  await page.selectOption('#primary-country', 'DE');
  await page.selectOption('#primary-source-DE', 'rdf-de');
  await page.click('button[type="submit"]');
  await page.waitForSelector('html[lang="de"]');
  await page.context().close();
});


test('Settings is rendered by the server from the edition cookie, and reads without JavaScript', async () => {
  // India, then Qatar and Canada (in English): what the cookie of a saved edition carries.
  const edition = 'hindi-hi.gulf-ar.maple-en';
  const html = await (await fetch(stack.url('/settings'), { headers: { cookie: `panorama_edition=${edition}` } })).text();
  assert.match(html, /<form[^>]*class="settings"/, 'the form is in the server HTML');
  assert.ok(!html.includes('Loading'), 'no loading placeholder');
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.context().addCookies([
    { name: 'panorama_edition', value: edition, url: stack.base },
    { name: 'panorama_lang', value: 'en~hi', url: stack.base },
  ]);
  await page.goto(stack.url('/settings'));
  assert.equal(await page.inputValue('#primary-country'), 'IN');
  assert.equal(await page.isChecked('input[name="other-country"][value="QA"]'), true);
  assert.equal(await page.isChecked('input[name="other-country"][value="CA"]'), true);
  assert.equal(await page.isChecked('input[name="other-country"][value="DE"]'), false);
  assert.equal(await page.isDisabled('input[name="other-country"][value="IN"]'), true);
  assert.equal(await page.inputValue('#primary-language-IN'), 'hi');
  assert.match(await page.locator('.country-card[data-country="IN"]').textContent(), /No other language available/);
  assert.equal(await page.inputValue('#primary-source-IN'), 'hindi-hi');
  assert.equal(await page.inputValue('#primary-source-QA'), 'gulf-ar');
  assert.equal(await page.inputValue('#primary-language-CA'), 'en');
  assert.equal(await page.isChecked('input[name="other-language-CA"][value="fr"]'), false);
  assert.equal(await page.inputValue('#primary-source-CA'), 'maple-en');
  assert.deepEqual(
    await page.locator('.country-card').evaluateAll((cards) => cards.map((c) => c.dataset.country)),
    ['IN', 'QA', 'CA'],
  );
  await page.context().close();
});
