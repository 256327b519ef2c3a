// Accessibility (axe-core) on the main pages, and a screenshot pass of the home and article
// pages in all six interface languages at phone and desktop widths: no console errors, no
// sideways scrolling. The screenshots are kept (SCREENSHOTS_DIR) for a person to check glyphs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { guardConsole, startStack } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const LANGUAGES = ['en', 'hi', 'ar', 'de', 'zh', 'fr'];
const WIDTHS = [
  ['phone', { width: 360, height: 780 }],
  ['desktop', { width: 1280, height: 900 }],
];
// Screenshots land here for a person to look at; the test checks what a program can.
const SHOTS = process.env.SCREENSHOTS_DIR ?? join(tmpdir(), 'panorama-screenshots');

let stack;
guardConsole(() => stack);
let articlePath;
before(async () => {
  stack = await startStack();
  await mkdir(SHOTS, { recursive: true });
  const page = await (await fetch(stack.url('/api/timeline'))).json();
  const summit = page.top.find((a) => a.title === 'Summit opens with climate pledge');
  articlePath = `/article/${summit.id}`;
});
after(async () => {
  await stack?.stop();
});

/// axe is injected as an inline script, which the page's policy refuses: its pages are opened
/// with `bypassCSP` (the policy itself is tested in pwa.test.mjs).
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

for (const [name, path] of [
  ['home', '/'],
  ['article', null],
  ['settings', '/settings'],
  ['privacy', '/privacy'],
  ['archive', '/archive'],
]) {
  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violations on the ${name} page (${scheme})`, async () => {
      const page = await stack.newPage({ colorScheme: scheme, bypassCSP: true });
      await page.goto(stack.url(path ?? articlePath));
      await page.waitForSelector('html[data-hydrated]');
      if (name === 'settings') await page.waitForSelector('form.settings');
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      await page.context().close();
    });
  }
}

test('Arabic cards: each piece of metadata is isolated, so a date keeps its order beside a badge', async () => {
  const page = await stack.newPage();
  await page.context().addCookies([{ name: 'panorama_lang', value: 'ar~en', url: stack.base }]);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated][dir="rtl"]');
  const pieces = await page.evaluate(() =>
    [...document.querySelectorAll('.card-meta > *')].map((e) => ({
      bidi: getComputedStyle(e).unicodeBidi,
      tag: e.tagName,
    })),
  );
  assert.ok(pieces.length > 0);
  assert.ok(pieces.some((p) => p.tag === 'TIME'));
  for (const piece of pieces) assert.equal(piece.bidi, 'isolate', JSON.stringify(piece));
  await page.context().close();
});

test('axe finds no violations in Arabic, right to left', async () => {
  const page = await stack.newPage({ bypassCSP: true });
  await page.context().addCookies([{ name: 'panorama_lang', value: 'ar~en', url: stack.base }]);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated][dir="rtl"]');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.context().close();
});

test('screenshot pass: home and article in six languages, phone and desktop', async () => {
  const problems = [];
  for (const lang of LANGUAGES) {
    for (const [width, viewport] of WIDTHS) {
      const page = await stack.newPage({ viewport });
      await page.context().addCookies([{ name: 'panorama_lang', value: `${lang}~en`, url: stack.base }]);
      for (const [name, path] of [['home', '/'], ['article', articlePath]]) {
        const errorsBefore = stack.consoleErrors.length;
        await page.goto(stack.url(path));
        await page.waitForSelector('html[data-hydrated]');
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${lang} ${width} ${name}: ${overflow}px of sideways scroll`);
        const newErrors = stack.consoleErrors.slice(errorsBefore);
        if (newErrors.length) problems.push(`${lang} ${width} ${name}: ${newErrors.join('; ')}`);
        await page.screenshot({ path: join(SHOTS, `${name}-${lang}-${width}.png`), fullPage: true });
      }
      await page.context().close();
    }
  }
  assert.deepEqual(problems, []);
});
