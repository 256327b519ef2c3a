import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack } from './support.mjs';

// Stories of the fixture feeds in Chinese (voa-zh), Arabic (gulf-ar) and English (globe-en).
const ZH_TITLE = '俄罗斯领导的集体安全条约组织（CSTO）部队抵达哈萨克斯坦';
const AR_TITLE = 'قمة الدوحة تبحث الأمن الإقليمي';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack();
  // A reader's timeline reads these sources; their stories then go to the store.
  const sources = 'globe-en,voa-zh,gulf-ar';
  for (let i = 0; i < 100; i++) {
    const page = await (await fetch(stack.url(`/api/timeline?sources=${sources}`))).json();
    if (!page.sources.some((s) => s.status.state === 'loading')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // The writer writes in batches: wait until the last source's story is searchable.
  for (let i = 0; i < 100; i++) {
    const found = await (await fetch(stack.url(`/api/search?q=${encodeURIComponent('الدوحة')}`))).json();
    if (found.articles?.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(async () => {
  await stack?.stop();
});

test('search works without JavaScript: a two-character Chinese word inside unspaced text, marked', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url(`/search?q=${encodeURIComponent('部队')}`));
  const result = page.locator('.search-result');
  assert.equal(await result.count(), 1);
  assert.equal((await result.locator('.search-title').textContent()).trim(), ZH_TITLE);
  assert.equal(await result.locator('.search-title mark').first().textContent(), '部队');
  assert.match(await result.locator('.search-title').getAttribute('href'), /^\/article\/[0-9a-f]{16}$/);
  // The query stays in the box, as text.
  assert.equal(await page.inputValue('#search-q'), '部队');
  await page.context().close();
});

test('Arabic is found with the other spelling of taa marbuta, in a right-to-left interface', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.context().addCookies([{ name: 'panorama_lang', value: 'ar', url: stack.url('/') }]);
  await page.goto(stack.url(`/search?q=${encodeURIComponent('الدوحه')}`));
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const result = page.locator('.search-result');
  assert.equal(await result.count(), 1);
  assert.equal((await result.locator('.search-title').textContent()).trim(), AR_TITLE);
  assert.equal(await result.locator('mark').first().textContent(), 'الدوحة');
  await page.context().close();
});

test('the header and the / key open search; typed markup stays text; nothing found says so', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.keyboard.press('/');
  await page.waitForSelector('#search-q:focus');
  await page.keyboard.type('Tennis');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.search-result');
  assert.equal((await page.locator('.search-title').first().textContent()).trim(), 'Open tennis: seeds advance');
  assert.equal(await page.locator('.search-title mark').first().textContent(), 'tennis');

  const hostile = '<img src=x onerror=alert(1)> "NEAR( OR *';
  await page.goto(stack.url(`/search?q=${encodeURIComponent(hostile)}`));
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.match(await page.locator('.search-page').textContent(), /No stories hold/);
  assert.equal(await page.inputValue('#search-q'), hostile);

  await page.click('.site-nav a[href="/search"]');
  await page.waitForSelector('#search-q');
  await page.context().close();
  assert.deepEqual(stack.consoleErrors, []);
});

test('the API answers hostile and bad queries with 200 or a short 400, never 5xx', async () => {
  for (const q of ['"', '*', 'NEAR(a b)', '^x', 'a:b', 'OR', '\u0000', 'x'.repeat(5000), '🙂', '!!!', '']) {
    const response = await fetch(stack.url(`/api/search?q=${encodeURIComponent(q)}`));
    assert.ok([200, 400].includes(response.status), `${JSON.stringify(q.slice(0, 20))}: ${response.status}`);
    const body = await response.text();
    assert.ok(body.length < 300 || response.status === 200, body.slice(0, 200));
  }
  for (const bad of ['limit=-1', 'limit=abc', 'limit=100000', 'from=yesterday', 'country=ZZ', 'category=nonsense', 'cursor=abc']) {
    const response = await fetch(stack.url(`/api/search?q=doha&${bad}`));
    assert.equal(response.status, 400, bad);
  }
  const archive = await fetch(stack.url('/api/archive?limit=-5'));
  assert.equal(archive.status, 400);
});

test('the archive narrows by language and each view has its own address', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/archive?language=zh'));
  const titles = await page.locator('.archive-story > a').allTextContents();
  assert.ok(titles.includes(ZH_TITLE), titles.join(' | '));
  assert.ok(!titles.includes(AR_TITLE));
  assert.equal(await page.locator('select[name="language"] option[selected]').getAttribute('value'), 'zh');
  // A day link keeps the filter.
  const day = page.locator('.archive-days a').first();
  assert.match(await day.getAttribute('href'), /language=zh/);
  await page.context().close();
});

test('a followed search in Chinese and in Arabic: listed in the header with its new stories', async () => {
  const page = await stack.newPage();
  for (const q of ['部队', 'الدوحة']) {
    await page.goto(stack.url(`/search?q=${encodeURIComponent(q)}`));
    await page.waitForSelector('html[data-hydrated]');
    await page.click('button.follow');
    await page.waitForSelector('button.follow[aria-pressed="true"]');
  }
  const topics = () => page.evaluate(() => JSON.parse(localStorage.getItem('panorama.topics')).topics);
  assert.deepEqual((await topics()).map((t) => t.q), ['部队', 'الدوحة']);
  // Followed just now: nothing is new.
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const menu = page.locator('.topics-menu');
  await menu.waitFor();
  assert.equal(await menu.locator('.badge-new').count(), 0);
  // As if the reader last looked a year before these stories.
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem('panorama.topics'));
    for (const topic of doc.topics) topic.seen = '2021-01-01T00:00:00Z';
    localStorage.setItem('panorama.topics', JSON.stringify(doc));
  });
  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  await page.waitForSelector('.topics-menu .badge-new');
  assert.equal((await menu.locator('.badge-new').textContent()).trim(), '2');
  await menu.locator('summary').click();
  for (const q of ['部队', 'الدوحة']) {
    const item = menu.locator('li', { has: page.locator(`a[data-topic="${q}"]`) });
    assert.equal((await item.locator('.topic-new').textContent()).trim(), '1 new');
  }
  // A topic's page is its search, and looking at it makes its stories seen.
  await menu.locator('a[data-topic="الدوحة"]').click();
  await page.waitForSelector('.search-result');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'الدوحة');
  await page.waitForFunction(() =>
    JSON.parse(localStorage.getItem('panorama.topics')).topics.find((t) => t.q === 'الدوحة').seen > '2021-01-02',
  );
  assert.equal((await menu.locator('.badge-new').textContent()).trim(), '1');
  // Stop following it.
  await page.click('button.follow');
  await page.waitForSelector('button.follow[aria-pressed="false"]');
  assert.deepEqual((await topics()).map((t) => t.q), ['部队']);
  await page.context().close();
});
