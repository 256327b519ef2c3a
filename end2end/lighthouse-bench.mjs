// Prints Lighthouse performance (a phone on slow 4G, simulated) for the home page and an article
// page of the release build, with the first visit's compressed transfer by kind. A benchmark:
// it asserts nothing. Run after a release build: `node end2end/lighthouse-bench.mjs`
// (RUNS=<n> runs per page, median printed; default 3).

import { startStack } from './tests/support.mjs';
import { audit, warm } from './lighthouse.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
process.env.PANORAMA_BIN ??= 'target/release/panorama';
const stack = await startStack({ env: { PANORAMA_SERVICE_WORKER: 'on' }, localImages: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function transfer(lhr) {
  const sizes = { html: 0, css: 0, js: 0, wasm: 0, api: 0, images: 0, other: 0 };
  for (const r of lhr.audits['network-requests'].details.items) {
    const kind =
      r.resourceType === 'Document' ? 'html'
      : r.mimeType === 'text/css' ? 'css'
      : r.mimeType === 'application/wasm' ? 'wasm'
      : r.resourceType === 'Script' ? 'js'
      : r.url.includes('/api/') ? 'api'
      : r.resourceType === 'Image' ? 'images'
      : 'other';
    sizes[kind] += r.transferSize ?? 0;
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
    const sizes = transfer(runs[0]);
    const firstVisit = sizes.html + sizes.css + sizes.js + sizes.wasm;
    console.log(`${name} (${path})`);
    console.log(`  performance ${Math.round(median(runs.map((r) => r.categories.performance.score)) * 100)} (runs: ${runs.map((r) => Math.round(r.categories.performance.score * 100)).join(', ')}; target >= 95)`);
    console.log(`  FCP ${Math.round(metric('first-contentful-paint'))} ms · LCP ${Math.round(metric('largest-contentful-paint'))} ms · TBT ${Math.round(metric('total-blocking-time'))} ms · CLS ${metric('cumulative-layout-shift').toFixed(3)} · SI ${Math.round(metric('speed-index'))} ms`);
    console.log(`  first visit, compressed: ${kb(firstVisit)} (html ${kb(sizes.html)}, css ${kb(sizes.css)}, js ${kb(sizes.js)}, wasm ${kb(sizes.wasm)}; target <= 350 KB)`);
    console.log(`  besides: api ${kb(sizes.api)}, images ${kb(sizes.images)}, other ${kb(sizes.other)}`);
  }
} finally {
  await stack.stop();
}
