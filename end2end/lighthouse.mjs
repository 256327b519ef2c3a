// Lighthouse on Debian's Chromium, for the quality gates (tests/lighthouse.test.mjs) and the
// performance figures (lighthouse-bench.mjs). Each run gets a fresh browser profile, so every
// page is a first visit.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];

/// The Lighthouse result (`lhr`) of `url` for `categories`, emulating a phone on a slow 4G
/// network (Lighthouse's default, simulated throttling).
export async function audit(url, categories) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
      // Images on the fixtures' *.example hosts, which cannot resolve, and which the feed server
      // cannot rename (a feed's relative address resolved against its item's link): blocked, as
      // Lighthouse's own console audit expects of requests a test stops.
      blockedUrlPatterns: ['*.example/*'],
    });
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not read ${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/// The audits of `category` that lost points, as "id (score): title" lines, to say why a gate failed.
export function lostPoints(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id} (${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
}

/// Waits until no source of `stack`'s catalog is still loading: a running server keeps its feeds
/// fresh in the background, so a reader's visit does not wait on a cold cache (nor on the fixture
/// feed that is late on purpose).
export async function warm(stack) {
  const catalog = await (await fetch(stack.url('/api/catalog'))).json();
  const all = catalog.sources.map((s) => s.id).join(',');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await (await fetch(stack.url(`/api/timeline?limit=50&sources=${all}`))).json();
    if (page.sources.every((s) => s.status.state !== 'loading')) return page;
    if (Date.now() > deadline) throw new Error(`sources still loading: ${JSON.stringify(page.sources)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
