// Lighthouse's accessibility, best-practices and SEO gates on the home page and an article page
// of the release build, first visit, as a phone. (Performance is a benchmark, not a gate:
// `node end2end/lighthouse-bench.mjs`.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { guardConsole, startStack } from './support.mjs';
import { audit, lostPoints, warm } from '../lighthouse.mjs';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'];
// The floors: accessibility allows nothing.
const FLOOR = { accessibility: 1, 'best-practices': 0.95, seo: 0.95 };

let stack;
guardConsole(() => stack);
before(async () => {
  // As deployed: the service worker on, images loading (from 127.0.0.1).
  stack = await startStack({ env: { PANORAMA_SERVICE_WORKER: 'on' }, localImages: true });
  await warm(stack);
});
after(async () => {
  await stack?.stop();
});

async function gate(t, path) {
  const lhr = await audit(stack.url(path), CATEGORIES);
  for (const category of CATEGORIES) {
    const score = lhr.categories[category].score;
    t.diagnostic(`${path}: ${category} ${Math.round(score * 100)}`);
    assert.ok(score >= FLOOR[category], `${path}: ${category} ${score} < ${FLOOR[category]}:\n${lostPoints(lhr, category).join('\n')}`);
  }
  return lhr;
}

test('home: accessibility 100, best practices and SEO at least 95', async (t) => {
  const lhr = await gate(t, '/');
  assert.equal(lhr.finalDisplayedUrl, stack.url('/'));
});

test('article: accessibility 100, best practices and SEO at least 95', async (t) => {
  const page = await warm(stack);
  const article = [...page.top, ...page.articles].find((a) => a.title === 'Summit opens with climate pledge');
  assert.ok(article, 'the summit story is in the timeline');
  await gate(t, `/article/${article.id}`);
});
