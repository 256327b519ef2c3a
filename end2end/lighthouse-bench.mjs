// Prints Lighthouse performance (a phone on slow 4G, simulated) for the home page and an article
// page of the release build, with the first visit's compressed transfer (brotli) of the page,
// CSS, JS and wasm. A benchmark: it asserts nothing. Run after a release build:
// `node end2end/lighthouse-bench.mjs` (RUNS=<n> runs per page, median printed; default 3).

import { get } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { startStack } from './tests/support.mjs';
import { audit, warm } from './lighthouse.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
process.env.PANORAMA_BIN ??= 'target/release/panorama';
const stack = await startStack({ env: { PANORAMA_SERVICE_WORKER: 'on' }, localImages: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/// Bytes on the wire (brotli) of `path`, as a browser that accepts it receives them.
function wireBytes(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

/// A first visit's compressed transfer: the page, then the CSS, JS and wasm it names. (Measured
/// here, not from Lighthouse's requests: the service worker fetches the wasm to precache it, and
/// the page then reads it from there.)
async function firstVisit(path) {
  const page = await wireBytes(stack.url(path));
  const html = brotliDecompressSync(page).toString('utf8');
  const sizes = { html: page.length, css: 0, js: 0, wasm: 0 };
  for (const file of new Set(html.match(/\/pkg\/[A-Za-z0-9._-]+\.(css|js|wasm)/g))) {
    sizes[file.split('.').pop()] += (await wireBytes(stack.url(file))).length;
  }
  return sizes;
}

try {
  const home = await warm(stack);
  const article = [...home.top, ...home.articles].find((a) => a.title === 'Summit opens with climate pledge');
  for (const [name, path] of [['home', '/'], ['article', `/article/${article.id}`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(stack.url(path), ['performance']));
    const metric = (id) => median(runs.map((r) => r.audits[id].numericValue));
    const sizes = await firstVisit(path);
    const firstVisitBytes = sizes.html + sizes.css + sizes.js + sizes.wasm;
    console.log(`${name} (${path})`);
    console.log(`  performance ${Math.round(median(runs.map((r) => r.categories.performance.score)) * 100)} (runs: ${runs.map((r) => Math.round(r.categories.performance.score * 100)).join(', ')}; target >= 95)`);
    console.log(`  FCP ${Math.round(metric('first-contentful-paint'))} ms · LCP ${Math.round(metric('largest-contentful-paint'))} ms · TBT ${Math.round(metric('total-blocking-time'))} ms · CLS ${metric('cumulative-layout-shift').toFixed(3)} · SI ${Math.round(metric('speed-index'))} ms`);
    console.log(`  first visit, compressed: ${kb(firstVisitBytes)} (html ${kb(sizes.html)}, css ${kb(sizes.css)}, js ${kb(sizes.js)}, wasm ${kb(sizes.wasm)}; target <= 350 KB)`);
  }
} finally {
  await stack.stop();
}
