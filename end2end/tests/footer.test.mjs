import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack } from './support.mjs';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack({
    env: {
      PANORAMA_CONTACT_NAME: 'Panorama News Desk',
      PANORAMA_CONTACT_EMAIL: 'desk@panorama.example',
      PANORAMA_CONTACT_ADDRESS: '1 Harbour Street|Halifax, NS B3J 1A1|Canada',
    },
  });
});
after(async () => {
  await stack?.stop();
});

test('the footer links to the archive, the privacy policy and the contact page', async () => {
  const page = await stack.newPage();
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  for (const [name, path, heading] of [
    ['News Archive', '/archive', 'News Archive'],
    ['Privacy Policy', '/privacy', 'Privacy Policy'],
    ['Contact Us', '/contact', 'Contact Us'],
  ]) {
    await page.click(`.site-footer a:text("${name}")`);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent.trim() === h, heading);
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal(await page.title(), `${heading} · Panorama`);
  }
  await page.context().close();
  assert.deepEqual(stack.consoleErrors, []);
});

test('the News Archive lists the stories seen, by day, newest first', async () => {
  // The archive holds what has been read from the feeds: read the default edition first.
  await fetch(stack.url('/api/timeline'));
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/archive'));
  const days = await page.locator('.archive-days time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(days, [...days].sort().reverse(), 'days are newest first');
  assert.equal(days[0], '2022-01-17');
  assert.ok(days.includes('2022-01-16'));
  // The newest day is open, its stories newest first, each opening its article page.
  assert.equal((await page.locator('#archive-day-heading').textContent()).trim(), 'Monday, January 17, 2022');
  const titles = (await page.locator('.archive-story > a').allTextContents()).map((t) => t.trim());
  assert.equal(titles[0], 'Summit opens with climate pledge');
  assert.ok(titles.includes('Rail strike ends after talks'));
  assert.match(await page.locator('.archive-story > a').first().getAttribute('href'), /^\/article\/[0-9a-f]{16}$/);
  // Another day by its address.
  await page.click('.archive-days a[href="/archive?day=2022-01-16"]');
  const sunday = (await page.locator('.archive-story > a').allTextContents()).map((t) => t.trim());
  assert.deepEqual(sunday, ['Underdogs win the cup final', 'Open tennis: seeds advance']);
  assert.equal((await fetch(stack.url('/api/archive?day=yesterday'))).status, 400);
  await page.context().close();

  // In French, once the page is interactive, the browser's Intl writes the days.
  const fr = await stack.newPage();
  await fr.context().addCookies([{ name: 'panorama_lang', value: 'fr~en', url: stack.base }]);
  await fr.goto(stack.url('/archive'));
  await fr.waitForSelector('html[data-hydrated]');
  await fr.waitForFunction(() => document.querySelector('#archive-day-heading')?.textContent.trim() === 'lundi 17 janvier 2022');
  await fr.context().close();
});

test('the privacy policy names what the code stores', async () => {
  const html = await (await fetch(stack.url('/privacy'))).text();
  for (const fact of ['panorama.preferences', 'panorama.read', 'panorama_edition', 'panorama-pages', 'no tracking', '400 days']) {
    assert.ok(html.includes(fact), `the policy does not mention ${fact}`);
  }
});

test('Contact Us shows the configured operator, a mailto link and the address', async () => {
  const page = await stack.newPage({ javaScriptEnabled: false });
  await page.goto(stack.url('/contact'));
  assert.equal((await page.locator('.contact-name').textContent()).trim(), 'Panorama News Desk');
  assert.equal(await page.locator('a[data-contact="email"]').getAttribute('href'), 'mailto:desk@panorama.example');
  const address = await page.locator('address[data-contact="address"]').innerText();
  assert.deepEqual(address.trim().split('\n').map((l) => l.trim()), ['1 Harbour Street', 'Halifax, NS B3J 1A1', 'Canada']);
  await page.context().close();
});

test('Contact Us says so plainly when nothing is configured', async () => {
  const bare = await startStack();
  try {
    const html = await (await fetch(bare.url('/contact'))).text();
    assert.ok(html.includes('data-contact="unconfigured"'));
    assert.ok(html.includes('has not published contact details.'));
    assert.ok(!html.includes('PANORAMA_CONTACT'), 'the operator hint stays in the log');
    assert.ok(!html.includes('mailto:'));
  } finally {
    await bare.stop();
  }
});
