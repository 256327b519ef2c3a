import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack } from './support.mjs';

// Globe Daily's "Summit opens" links to a page served by the fixture server, with navigation,
// ads, scripts and a "most read" box around the story. "Rail strike" links to a page that
// answers 404. "Underdogs" links to a page that answers after the server's 2 s deadline.
const SUMMIT = 'Summit opens with climate pledge';
const RAIL = 'Rail strike ends after talks';
const CUP = 'Underdogs win the cup final';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/// The article page's path for the card titled `title`, read from the server's timeline.
async function articlePath(title, category = 'all') {
  const page = await (await fetch(stack.url(`/api/timeline?category=${category}`))).json();
  const article = [...page.top, ...page.articles].find((a) => a.title === title);
  assert.ok(article, `no card titled ${title}`);
  return `/article/${article.id}`;
}

test('a card title opens the article page, which shows the extracted story', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const path = await articlePath(SUMMIT);
  assert.equal(await page.locator('.card-title a', { hasText: SUMMIT }).getAttribute('href'), path);
  await page.click(`.card-title a:text("${SUMMIT}")`);
  await page.waitForSelector('.article h1');
  assert.equal(new URL(page.url()).pathname, path);

  assert.equal((await page.locator('.article h1').textContent()).trim(), SUMMIT);
  assert.match(await page.locator('.article-source').textContent(), /Globe Daily\s*·\s*World/);
  assert.equal((await page.locator('.article-time time').textContent()).trim(), 'Monday, January 17, 2022 11:21:53 AM UTC');
  // The date once: the UTC line; then quieter, the reading time and the reader's own time.
  assert.match(await page.locator('.reading-time').textContent(), /^\d+ min read$/);
  assert.equal(await page.locator('.article-header time').count(), 1);

  const story = page.locator('.story');
  const text = await story.textContent();
  assert.match(text, /Leaders from forty countries opened a three-day summit/);
  assert.match(text, /checked by someone other than the governments/);
  for (const junk of ['Sponsored', 'Most read', 'Celebrity adopts a llama', 'Copyright Globe Daily', 'Terms']) {
    assert.ok(!text.includes(junk), `the outlet's "${junk}" came along`);
  }
  assert.equal(await story.locator('script, iframe, form, [onclick]').count(), 0);
  assert.equal(await page.evaluate(() => window.__outletScript), undefined, "the outlet's script ran");
  assert.equal(await page.locator('.story-note').count(), 0, 'extracted text needs no note');
  // The story's image and links are absolute. Its first image, the lead picture in view as the
  // page opens, is not lazy (later ones are: src/sanitize.rs's tests).
  const img = story.locator('img');
  assert.equal(await img.getAttribute('src'), `${stack.feeds.base}/img/summit-hall.jpg`);
  assert.equal(await img.getAttribute('loading'), null);
  assert.equal(await story.locator('a', { hasText: 'An earlier report' }).getAttribute('href'), `${stack.feeds.base}/world/preparations`);
  assert.equal(await story.getAttribute('lang'), 'en');
  assert.equal(await story.getAttribute('dir'), 'auto');

  // The outlet's link, without tracking parameters.
  const full = page.locator('.read-full a');
  assert.equal((await full.textContent()).trim(), 'Read full story on Globe Daily');
  assert.equal(await full.getAttribute('href'), `${stack.feeds.base}/pages/summit.html`);
  assert.equal(await full.getAttribute('rel'), 'noopener noreferrer');

  // "More Related News" is there, and honest about having nothing yet.
  assert.equal((await page.locator('#related-heading').textContent()).trim(), 'More Related News');
  assert.equal(await page.locator('.related a').count(), 0);
  await page.context().close();
});

test('the server HTML of an article page carries its title, description and preview tags', async () => {
  const path = await articlePath(SUMMIT);
  const res = await fetch(stack.url(path));
  assert.equal(res.status, 200);
  const html = await res.text();
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url(path));
  assert.equal(await page.title(), `${SUMMIT} · Globe Daily · Panorama`);
  const meta = (sel) => page.locator(sel).getAttribute('content');
  assert.equal(await meta('meta[property="og:title"]'), SUMMIT);
  assert.equal(await meta('meta[property="og:type"]'), 'article');
  assert.equal(await meta('meta[property="og:url"]'), stack.url(path));
  assert.equal(await meta('meta[property="og:image"]'), 'https://globe.example/img/summit.jpg');
  assert.equal(await meta('meta[name="description"]'), 'Leaders meet for three days.');
  assert.equal(await page.locator('meta[name="description"]').count(), 1, 'one description, not the home page one too');
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), stack.url(path));
  assert.ok(html.includes('Leaders from forty countries'), 'the story is in the server HTML');
  await page.context().close();
});

test("a page that cannot be read shows the feed's summary with a note saying so", async () => {
  const page = await stack.newPage();
  await page.goto(stack.url(await articlePath(RAIL)));
  await page.waitForSelector('html[data-hydrated]');
  const note = (await page.locator('.story-note p').textContent()).trim();
  assert.equal(note, "The full story could not be read from Globe Daily's page; this is the summary from its feed.");
  assert.equal((await page.locator('.story-note details code').textContent()).trim(), 'story: fetch: HTTP 404');
  assert.match(await page.locator('.story').textContent(), /Trains run again from Tuesday/);
  await page.context().close();
});

test('a slow page fills in without a reload', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url(await articlePath(CUP, 'sports')));
  await page.waitForSelector('html[data-hydrated]');
  assert.match(await page.locator('.story-note').textContent(), /Fetching the full story/);
  assert.match(await page.locator('.story').textContent(), /A late goal settled it/);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.waitForFunction(() => document.querySelector('.story')?.textContent.includes('ninetieth minute'), null, { timeout: 15000 });
  assert.equal(await page.locator('.story-note').count(), 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
  await page.context().close();
});

test('an unknown id answers 404 with a way to the timeline', async () => {
  for (const path of ['/article/00000000000000ff', '/article/not-an-id']) {
    const res = await fetch(stack.url(path));
    assert.equal(res.status, 404, path);
    assert.ok((await res.text()).includes('Story not found'), path);
  }
  // The browser reports the 404 answer in its console: expected here.
  stack.expectConsoleError((e) => e.startsWith(stack.url('/article/00000000000000ff')) && e.includes('status of 404'));
  const page = await stack.newPage();
  await page.goto(stack.url('/article/00000000000000ff'));
  await page.waitForSelector('html[data-hydrated]');
  await page.click('.not-found a[href="/"]');
  await page.waitForSelector('.card-title');
  await page.context().close();
});

test('times are in UTC whatever the feed zone: one after midnight IST, one at +03:00', async () => {
  const prefs = {
    version: 1,
    primary_country: 'CA',
    other_countries: ['QA'],
    editions: [
      { country: 'CA', primary_language: 'en', other_languages: [], primary_source: 'maple-en', other_sources: [] },
      { country: 'QA', primary_language: 'ar', other_languages: [], primary_source: 'gulf-ar', other_sources: [] },
    ],
  };
  const timeline = await (await fetch(stack.url('/api/timeline?sources=maple-en,gulf-ar'))).json();
  const byId = Object.fromEntries([...timeline.top, ...timeline.articles].map((a) => [a.source_id, a.id]));
  const page = await stack.newPage();
  await page.goto(stack.url('/favicon.svg'));
  await page.evaluate((v) => localStorage.setItem('panorama.preferences', v), JSON.stringify(prefs));

  await page.goto(stack.url(`/article/${byId['maple-en']}`));
  assert.equal((await page.locator('.article-time time').textContent()).trim(), 'Sunday, January 16, 2022 7:00:00 PM UTC');
  await page.goto(stack.url(`/article/${byId['gulf-ar']}`));
  assert.equal((await page.locator('.article-time time').textContent()).trim(), 'Monday, January 17, 2022 9:00:00 AM UTC');
  // Arabic text carries its language, and lays itself out right to left.
  const title = page.locator('.article h1');
  assert.equal(await title.getAttribute('lang'), 'ar');
  assert.equal(await title.evaluate((e) => getComputedStyle(e).direction), 'rtl');
  await page.waitForSelector('html[data-hydrated]');
  assert.match(await page.locator('.local-time').textContent(), /your time/);
  await page.context().close();
});

test('share: links to the usual networks and a copy-link button that confirms', async () => {
  const path = await articlePath(SUMMIT);
  const page = await stack.newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.base });
  await page.goto(stack.url(path));
  await page.waitForSelector('html[data-hydrated]');
  assert.equal((await page.locator('#share-heading').textContent()).trim(), 'Share this story');
  // No share sheet in this browser: no button for one.
  assert.equal(await page.locator('[data-share="native"]').isHidden(), true);
  const url = encodeURIComponent(stack.url(path));
  const href = (id) => page.locator(`[data-share="${id}"]`).getAttribute('href');
  assert.equal(await href('facebook'), `https://www.facebook.com/sharer/sharer.php?u=${url}`);
  assert.ok((await href('x')).startsWith(`https://x.com/intent/post?url=${url}&text=Summit+opens`));
  assert.ok((await href('whatsapp')).startsWith('https://wa.me/?text=Summit+opens'));
  assert.ok((await href('telegram')).startsWith(`https://t.me/share/url?url=${url}`));
  assert.equal(await href('linkedin'), `https://www.linkedin.com/sharing/share-offsite/?url=${url}`);
  assert.ok((await href('email')).startsWith('mailto:?subject=Summit%20opens'));

  await page.click('[data-share="copy"]');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('Link copied.'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), stack.url(path));
  await page.context().close();
});

test('share: the system share sheet where the browser has the Web Share API', async () => {
  const path = await articlePath(SUMMIT);
  const page = await stack.newPage();
  // Desktop Chromium on Linux has no share sheet: give the page one that records its calls.
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => {
      window.__shared.push(data);
      return Promise.resolve();
    };
  });
  await page.goto(stack.url(path));
  await page.waitForSelector('html[data-hydrated]');
  await page.click('[data-share="native"]');
  assert.deepEqual(await page.evaluate(() => window.__shared), [{ title: SUMMIT, url: stack.url(path) }]);
  assert.equal(await page.locator('.share-links').isHidden(), true, 'links shown beside the share sheet');
  await page.context().close();
});

test('an opened story is dimmed in the timeline, after a reload too', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('.card.read').count(), 0);
  await page.click(`.card-title a:text("${SUMMIT}")`);
  await page.waitForSelector('.article h1');
  await page.goBack();
  await page.waitForSelector('.card.read');
  assert.deepEqual(await page.locator('.card.read .card-title').allTextContents(), [SUMMIT]);
  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.card.read');
  assert.deepEqual(await page.locator('.card.read .card-title').allTextContents(), [SUMMIT]);
  await page.context().close();
});

test('categories have their own addresses: /c/<category>', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/c/sports'));
  assert.deepEqual((await page.locator('.card-title').allTextContents()).map((t) => t.trim()), [CUP, 'Open tennis: seeds advance']);
  assert.equal(await page.locator('.category-tabs a[aria-current="page"]').textContent(), 'Sports');
  assert.equal((await fetch(stack.url('/c/weather'))).status, 404);
  await page.context().close();
});

test("a lazy page's code is asked for with the main files, and fetched once", async () => {
  // Each lazy page (app/src/lib.rs, LazyPage) opened as a first visit.
  for (const path of [await articlePath(SUMMIT), '/settings', '/saved', '/archive', '/privacy', '/contact']) {
    const page = await stack.newPage();
    const unused = [];
    page.on('console', (msg) => {
      if (/preload/i.test(msg.text())) unused.push(msg.text());
    });
    await page.goto(stack.url(path));
    await page.waitForSelector('html[data-hydrated]');
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/pkg\/(chunk_|split_)[^/]*\.wasm$/.test(new URL(e.name).pathname))
        .map((e) => ({ url: e.name, initiator: e.initiatorType })),
    );
    assert.ok(entries.length > 0, `${path}: no lazy code was loaded`);
    for (const { url, initiator } of entries) {
      // A chunk the loader asked for only after the main wasm ran would show as `fetch`.
      assert.equal(initiator, 'link', `${path}: ${url} was not preloaded`);
    }
    const urls = entries.map((e) => e.url);
    assert.deepEqual([...new Set(urls)], urls, `${path}: a chunk was fetched twice`);
    assert.equal(await page.locator('link[rel=preload][as=fetch]').count(), urls.length, path);
    assert.equal(await page.locator('link[rel=modulepreload]').count(), 1, path);
    assert.deepEqual(unused, [], path);
    await page.context().close();
  }
  // The timeline is in the main files: nothing to preload.
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('link[rel=preload], link[rel=modulepreload]').count(), 0);
  await page.context().close();
});

test('images that fail to load leave no broken box, on cards, the article and in its story', async () => {
  // The refused images are reported in the console: expected here.
  stack.expectConsoleError((e) => e.includes('status of 403'));
  const page = await stack.newPage();
  // Outlets that refuse hotlinking: every image answers 403.
  const refuse = (route) => route.fulfill({ status: 403, contentType: 'text/plain', body: 'hotlinking refused' });
  await page.route(/^https?:\/\/[^/]+\.example\//, refuse);
  await page.route(`${stack.feeds.base}/img/**`, refuse);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('img.card-image.broken', { state: 'attached' });
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('img')].filter((i) => i.complete && i.naturalWidth === 0 && getComputedStyle(i).display !== 'none').map((i) => i.src));
  assert.deepEqual(shown, [], 'a broken image shows');

  await page.goto(stack.url(await articlePath(SUMMIT)));
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.story img.broken', { state: 'attached' });
  assert.equal(await page.locator('.story img').first().isVisible(), false);
  const hero = page.locator('img.article-image');
  if (await hero.count()) {
    await page.waitForSelector('img.article-image.broken', { state: 'attached' });
    assert.equal(await hero.isVisible(), false);
  }
  await page.context().close();
});

test('the article header says the UTC time once, in the interface language, and leads back', async () => {
  const path = await articlePath(SUMMIT);
  for (const [lang, line] of [
    ['zh', '2022年1月17日星期一 UTC 11:21:53'],
    ['ar', 'الاثنين، 17 يناير 2022، 11:21:53 ص UTC'],
  ]) {
    const page = await stack.newPage();
    await page.context().addCookies([{ name: 'panorama_lang', value: `${lang}~en`, url: stack.base }]);
    await page.goto(stack.url(path));
    await page.waitForSelector('html[data-hydrated]');
    assert.equal((await page.locator('.article-time time').textContent()).trim(), line, lang);
    assert.equal(await page.locator('.article-header time').count(), 1, lang);
    await page.context().close();
  }
  // From the timeline, "Back" returns to it where it was.
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.click(`.card-title a:text("${SUMMIT}")`);
  await page.waitForSelector('.article h1');
  await page.click('.back-link a');
  await page.waitForSelector('.card-title');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.context().close();
});
