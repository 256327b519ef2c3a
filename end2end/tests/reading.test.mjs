import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack, cardTitles } from './support.mjs';

// The default edition (World, English): see home.test.mjs for its stories.
const FIRST = 'Summit opens with climate pledge';
const SECOND = 'Rail strike ends after talks';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

async function home(options) {
  const page = await stack.newPage(options);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  return page;
}

test('saved stories: saved from a card, listed under Saved, kept across reloads, removable', async () => {
  const page = await home();
  const card = page.locator('.card', { hasText: SECOND });
  const save = card.locator('button.save');
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  assert.equal(await save.getAttribute('aria-pressed'), 'true');
  assert.equal((await save.textContent()).trim(), 'Saved');

  await page.click('.site-nav a[href="/saved"]');
  await page.waitForSelector('.saved-list .card');
  assert.deepEqual(await cardTitles(page), [SECOND]);
  await page.reload();
  await page.waitForSelector('.saved-list .card');
  assert.deepEqual(await cardTitles(page), [SECOND]);
  assert.match(await page.locator('.saved-list .card-meta').textContent(), /Globe Daily · World · Monday, January 17, 2022 8:00:00 AM UTC/);
  // Opened from the list, the story is Panorama's article page.
  assert.match(await page.locator('.saved-list .card-title a').getAttribute('href'), /^\/article\/[0-9a-f]{16}$/);

  await page.click('.saved-list button.save');
  await page.waitForSelector('.saved-list .empty');
  assert.equal(await page.evaluate(() => localStorage.getItem('panorama.saved')), '[]');
  await page.context().close();
});

test('keyboard: j/k move, s saves, o opens, / opens search, ? shows help', async () => {
  const page = await home();
  await page.keyboard.press('j');
  assert.equal(await page.locator('.card.current .card-title').textContent(), FIRST);
  await page.keyboard.press('j');
  assert.equal(await page.locator('.card.current .card-title').textContent(), SECOND);
  await page.keyboard.press('k');
  assert.equal(await page.locator('.card.current .card-title').textContent(), FIRST);
  await page.keyboard.press('s');
  assert.equal(await page.locator('.card.current button.save').getAttribute('aria-pressed'), 'true');

  await page.keyboard.press('?');
  await page.waitForSelector('.keys-help:not([hidden])');
  assert.match(await page.locator('.keys-help').textContent(), /next story.*previous story/s);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.keys-help', { state: 'hidden' });

  // The keyboard is still on the first story: j goes on to the second, o opens it.
  await page.keyboard.press('j');
  await page.keyboard.press('o');
  await page.waitForSelector('.article h1');
  assert.equal((await page.locator('.article h1').textContent()).trim(), SECOND);

  // `/` opens search, ready to type: "j" typed there is a letter, not a shortcut.
  await page.keyboard.press('/');
  await page.waitForSelector('#search-q:focus');
  await page.keyboard.type('tennis j');
  assert.equal(await page.inputValue('#search-q'), 'tennis j');
  await page.context().close();
});

test('theme: the system default until the reader picks one, remembered and painted by the server', async () => {
  const page = await stack.newPage({ colorScheme: 'dark' });
  await page.goto(stack.url('/settings'));
  await page.waitForSelector('html[data-hydrated]');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await bg(), 'rgb(19, 20, 22)', 'a dark system gets the dark palette');
  await page.waitForSelector('input[name="theme"]');
  await page.check('input[name="theme"][value="light"]');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
  assert.equal(await bg(), 'rgb(251, 250, 248)');
  // The server paints the next page light too: no flash of the wrong theme.
  const html = await (await page.reload()).text();
  assert.match(html, /<html[^>]* data-theme="light"/);
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.isChecked('input[name="theme"][value="light"]'), true);
  await page.check('input[name="theme"][value="system"]');
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  await page.context().close();
});

test('interface language: switchable in the footer, Arabic lays the page out right to left', async () => {
  const page = await home();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.selectOption('#ui-language', 'ar');
  await page.waitForSelector('html[lang="ar"][dir="rtl"]');
  assert.equal((await page.locator('.site-nav a[href="/settings"]').textContent()).trim(), 'الإعدادات');
  assert.equal((await page.locator('#top-heading').textContent()).trim(), 'أبرز أخبار Globe Daily');
  assert.equal(await page.locator('.category-tabs a[data-category="sports"]').textContent(), 'رياضة');
  // Feed text keeps its own language and direction.
  const title = page.locator('.card-title').first();
  assert.equal(await title.getAttribute('lang'), 'en');
  assert.equal(await title.evaluate((e) => getComputedStyle(e).direction), 'ltr');
  // The choice is remembered: the server renders the next page in Arabic.
  const html = await (await page.reload()).text();
  assert.match(html, /<html[^>]* lang="ar" dir="rtl"/);
  assert.ok(html.includes('الإعدادات'));
  await page.waitForSelector('html[data-hydrated]');
  // Back to following the edition.
  await page.selectOption('#ui-language', '');
  await page.waitForSelector('html[lang="en"][dir="ltr"]');
  await page.context().close();
  assert.deepEqual(stack.consoleErrors, []);
});

test('the wasm carries English only: a page in another language fetches its messages once, as a file kept for good', async () => {
  const watch = async (cookie) => {
    const page = await stack.newPage();
    if (cookie) await page.context().addCookies([{ name: 'panorama_lang', value: cookie, url: stack.base }]);
    const asked = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/pkg/messages.')) asked.push(path);
    });
    await page.goto(stack.url('/'));
    await page.waitForSelector('html[data-hydrated]');
    return { page, asked };
  };
  const english = await watch(null);
  assert.deepEqual(english.asked, []);
  await english.page.context().close();

  const arabic = await watch('ar~en');
  assert.equal(arabic.asked.length, 1, arabic.asked.join(', '));
  assert.match(arabic.asked[0], /^\/pkg\/messages\.ar\.[0-9a-f]{16}\.txt$/);
  // What the browser renders itself after hydration is in Arabic too: a page reached
  // without the server.
  await arabic.page.click('.site-nav a[href="/saved"]');
  await arabic.page.waitForSelector('h1:text-is("الأخبار المحفوظة")');
  // Switching to another language fetches that one before showing it.
  await arabic.page.selectOption('#ui-language', 'de');
  await arabic.page.waitForSelector('html[lang="de"]');
  assert.equal((await arabic.page.locator('.site-nav a[href="/settings"]').textContent()).trim(), 'Einstellungen');
  assert.equal(arabic.asked.length, 2, arabic.asked.join(', '));
  assert.match(arabic.asked[1], /^\/pkg\/messages\.de\./);
  await arabic.page.context().close();

  const res = await fetch(stack.url(arabic.asked[0]));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain/);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.ok((await res.text()).includes('اختصارات لوحة المفاتيح'));
  // Another build's messages are not served under this build's names.
  assert.equal((await fetch(stack.url('/pkg/messages.ar.0000000000000000.txt'))).status, 404);
  assert.equal((await fetch(stack.url(arabic.asked[0].replace('.ar.', '.en.')))).status, 404);
  assert.deepEqual(stack.consoleErrors, []);
});

test('a story in another language than the reader\'s primary one says which', async () => {
  const prefs = {
    version: 1,
    primary_country: 'IN',
    other_countries: ['CN'],
    editions: [
      { country: 'IN', primary_language: 'hi', other_languages: [], primary_source: 'hindi-hi', other_sources: [] },
      { country: 'CN', primary_language: 'zh', other_languages: [], primary_source: 'voa-zh', other_sources: [] },
    ],
  };
  const page = await stack.newPage();
  await page.goto(stack.url('/favicon.svg'));
  await page.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify(prefs));
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.card[data-source="voa-zh"] .card-lang');
  assert.equal(await page.locator('.card[data-source="voa-zh"] .card-lang').first().textContent(), '中文');
  assert.equal(await page.locator('.card[data-source="hindi-hi"] .card-lang').count(), 0);
  await page.context().close();
});

test('newer stories wait behind a notice instead of pushing the list down', async () => {
  // Its own server: every request revalidates the feed (no TTL, no page memo).
  const live = await startStack({ env: { PANORAMA_FEED_TTL_SECS: '0', PANORAMA_PAGE_MEMO_MS: '0' } });
  try {
    const item = (n, hour) => `<item><title>Live story ${n}</title><link>https://live.example/${n}</link><guid>live-${n}</guid><pubDate>Mon, 17 Jan 2022 ${hour}:00:00 +0000</pubDate><description>Story ${n}.</description></item>`;
    const feed = (...items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Live Wire</title><link>https://live.example/</link><description>x</description>${items.join('')}</channel></rss>`;
    const put = (body) => fetch(`${live.feeds.base}/live/us.xml`, { method: 'PUT', body });
    await put(feed(item(1, 10)));
    // Meanwhile, times as the browser's Intl writes them in the interface language.
    const recent = new Date(Date.now() - 330_000).toUTCString().replace('GMT', '+0000');
    await put(feed(item(1, 10).replace(/<pubDate>.*<\/pubDate>/, `<pubDate>${recent}</pubDate>`)));
    const german = await live.newPage();
    await german.context().addCookies([{ name: 'panorama_lang', value: 'de~en', url: live.base }]);
    await german.goto(live.url('/favicon.svg'));
    await german.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify({
      version: 1, primary_country: 'US', other_countries: [],
      editions: [{ country: 'US', primary_language: 'en', other_languages: [], primary_source: 'live-en', other_sources: [] }],
    }));
    await german.goto(live.url('/'));
    await german.waitForSelector('html[data-hydrated]');
    await german.waitForFunction(() => document.querySelector('.card time')?.textContent.trim() === 'vor 5 Minuten');
    await german.context().close();
    await put(feed(item(1, 10)));
    const prefs = {
      version: 1,
      primary_country: 'US',
      other_countries: [],
      editions: [{ country: 'US', primary_language: 'en', other_languages: [], primary_source: 'live-en', other_sources: [] }],
    };
    const page = await live.newPage();
    await page.goto(live.url('/favicon.svg'));
    await page.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify(prefs));
    await page.goto(live.url('/'));
    await page.waitForSelector('html[data-hydrated]');
    await page.waitForFunction(() => [...document.querySelectorAll('.card-title')].map((e) => e.textContent.trim()).join() === 'Live story 1');

    await put(feed(item(2, 11), item(1, 10)));
    // The reader comes back to the tab: the page checks for news (the first check refreshes
    // the feed in the background; a later one sees the new story).
    await page.waitForFunction(
      () => {
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
        return document.querySelector('.new-stories button') !== null;
      },
      null,
      { polling: 500, timeout: 15000 },
    );
    assert.equal((await page.locator('.new-stories button').textContent()).trim(), '1 new story');
    assert.deepEqual(await cardTitles(page), ['Live story 1'], 'the list moved under the reader');
    await page.click('.new-stories button');
    await page.waitForFunction(() => document.querySelectorAll('.card-title').length === 2);
    assert.deepEqual(await cardTitles(page), ['Live story 2', 'Live story 1']);
    assert.equal(await page.locator('.new-stories').count(), 0);
    await page.context().close();
  } finally {
    await live.stop();
  }
});

test('pull to refresh on a phone', async () => {
  const page = await stack.newPage({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const touch = (type, y) =>
    page.evaluate(
      ([type, y]) => {
        const t = new Touch({ identifier: 1, target: document.body, clientX: 100, clientY: y });
        window.dispatchEvent(new TouchEvent(type, { touches: type === 'touchend' ? [] : [t], changedTouches: [t], bubbles: true }));
      },
      [type, y],
    );
  await touch('touchstart', 100);
  await touch('touchmove', 140);
  assert.equal((await page.locator('.pull').textContent()).trim(), 'Pull to refresh');
  await touch('touchmove', 220);
  assert.equal((await page.locator('.pull').textContent()).trim(), 'Release to refresh');
  const refetch = page.waitForRequest((r) => r.url().includes('/api/timeline'), { timeout: 5000 });
  await touch('touchend', 220);
  await refetch;
  await page.waitForSelector('.pull', { state: 'detached' });
  assert.equal((await cardTitles(page)).length, 5);
  await page.context().close();
});
