// Prints Lighthouse performance (a phone on slow 4G, simulated) for the home page and an article
// page of the release build, with the first visit's compressed transfer (brotli) of the page,
// CSS, JS and wasm. A benchmark: it asserts nothing. Run after a release build:
// `node end2end/lighthouse-bench.mjs` (RUNS=<n> runs per page, median printed; default 3).

import { get } from 'node:http';
import { startStack } from './tests/support.mjs';
import { audit, warm } from './lighthouse.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
process.env.PANORAMA_BIN ??= 'target/release/panorama';
const stack = await startStack({ env: { PANORAMA_SERVICE_WORKER: 'on' }, localImages: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/// Bytes on the wire (brotli) of `path`, as a browser that accepts it receives them.
function wireBytes(url, lang) {
  const headers = { 'accept-encoding': 'br', ...(lang ? { cookie: `panorama_lang=${lang}~en` } : {}) };
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

/// A first visit's compressed transfer: the page and every CSS, JS and wasm file the browser
/// loads for it until it is interactive (a lazy page's chunks included), each counted as brotli
/// on the wire. Measured with the service worker blocked: it fetches the other pages' code in the
/// background to keep for offline, reported apart (`worker`).
async function firstVisit(path, lang) {
  const page = await stack.newPage({ serviceWorkers: 'block' });
  if (lang) await page.context().addCookies([{ name: 'panorama_lang', value: `${lang}~en`, url: stack.base }]);
  const files = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/pkg/')) files.add(url.pathname);
  });
  await page.goto(stack.url(path));
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  await page.context().close();
  // `txt`: the interface's messages, for a page in another language than English.
  const sizes = { html: (await wireBytes(stack.url(path), lang)).length, css: 0, js: 0, wasm: 0, txt: 0 };
  for (const file of files) sizes[file.split('.').pop()] += (await wireBytes(stack.url(file))).length;
  // What the worker precaches beyond what the page loaded.
  const worker = await (await fetch(stack.url('/sw.js'))).text();
  const precache = JSON.parse(worker.match(/const PKG = (\[.*\]);/)[1]);
  let workerBytes = 0;
  for (const file of precache.filter((f) => !files.has(f))) workerBytes += (await wireBytes(stack.url(file))).length;
  return { ...sizes, worker: workerBytes };
}

try {
  const home = await warm(stack);
  const article = [...home.top, ...home.articles].find((a) => a.title === 'Summit opens with climate pledge');
  for (const [name, path] of [['home', '/'], ['article', `/article/${article.id}`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(stack.url(path), ['performance']));
    const metric = (id) => median(runs.map((r) => r.audits[id].numericValue));
    const sizes = await firstVisit(path);
    const firstVisitBytes = sizes.html + sizes.css + sizes.js + sizes.wasm + sizes.txt;
    console.log(`${name} (${path})`);
    // A figure's median and each run's, rounded: `of` reads it from one run's report.
    const perRun = (of) => {
      const figures = runs.map((r) => Math.round(of(r)));
      return `${median(figures)} (runs: ${figures.join(', ')})`;
    };
    console.log(`  performance ${perRun((r) => r.categories.performance.score * 100)}; target >= 95`);
    // Lighthouse's measure of this host's CPU speed at the time: a low figure (a busy or slow
    // machine) lowers the scores without any change to Panorama.
    console.log(`  host benchmarkIndex ${perRun((r) => r.environment.benchmarkIndex)}`);
    // Blocking time moves the score most and varies most from run to run.
    console.log(`  TBT ms ${perRun((r) => r.audits['total-blocking-time'].numericValue)}`);
    console.log(`  FCP ${Math.round(metric('first-contentful-paint'))} ms · LCP ${Math.round(metric('largest-contentful-paint'))} ms · TBT ${Math.round(metric('total-blocking-time'))} ms · CLS ${metric('cumulative-layout-shift').toFixed(3)} · SI ${Math.round(metric('speed-index'))} ms`);
    console.log(`  first visit, compressed: ${kb(firstVisitBytes)} (html ${kb(sizes.html)}, css ${kb(sizes.css)}, js ${kb(sizes.js)}, wasm ${kb(sizes.wasm)}; target <= 350 KB)`);
    console.log(`  then kept for offline by the service worker, in the background: ${kb(sizes.worker)} (the other pages' code)`);
  }
  // The wasm carries English only: a page in another language also loads its messages.
  for (const [name, path] of [['home', '/'], ['article', `/article/${article.id}`]]) {
    const sizes = await firstVisit(path, 'ar');
    const total = sizes.html + sizes.css + sizes.js + sizes.wasm + sizes.txt;
    console.log(`${name} in Arabic: first visit, compressed: ${kb(total)} (html ${kb(sizes.html)}, css ${kb(sizes.css)}, js ${kb(sizes.js)}, wasm ${kb(sizes.wasm)}, messages ${kb(sizes.txt)})`);
  }
} finally {
  await stack.stop();
}
