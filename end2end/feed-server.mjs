// A fixture feed server on 127.0.0.1: end2end/fixtures/feeds/* under /feeds/, the outlets'
// article pages (end2end/fixtures/pages/*) under /pages/, server/testdata/* under /testdata/,
// and failure modes under /status/<code>; /related/<outlet>.xml is each outlet's feed of the
// labelled related-news set (server/testdata/related/stories.json), as the Rust tests serve it. `{{FEEDS}}` in a fixture feed or page becomes this
// server's address, so items can link to pages served here. `?delay=<ms>` answers that late. Imported by the tests; run alone
// (`node feed-server.mjs [port]`) it serves the bundled samples for an offline Panorama and
// writes the matching catalog.

import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const roots = {
  feeds: join(here, 'fixtures', 'feeds'),
  pages: join(here, 'fixtures', 'pages'),
  testdata: join(here, '..', 'server', 'testdata'),
};
const types = {
  '.xml': 'application/xml; charset=utf-8',
  '.rdf': 'application/rdf+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

const RELATED = join(here, '..', 'server', 'testdata', 'related', 'stories.json');

const escapeXml = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/// The labelled related-news set: each outlet's RSS, and each item's link with its story.
export async function relatedFeeds() {
  const set = JSON.parse(await readFile(RELATED, 'utf8'));
  const items = new Map();
  const labels = new Map();
  const add = (key, label, [outlet, published, title, summary]) => {
    const link = `https://${outlet}.example/news/${key}`;
    labels.set(link, label);
    if (!items.has(outlet)) items.set(outlet, []);
    items.get(outlet).push(
      `<item><title>${escapeXml(title)}</title><link>${link}</link><guid>${key}</guid>` +
        `<pubDate>${new Date(published).toUTCString()}</pubDate><description>${escapeXml(summary)}</description></item>`,
    );
  };
  for (const story of set.stories) story.articles.forEach((a, n) => add(`${story.id}-${n}`, story.id, a));
  set.distractors.forEach((a, n) => add(`distractor-${n}`, `distractor-${n}`, a));
  const feeds = new Map();
  for (const [outlet, list] of items) {
    feeds.set(
      outlet,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${outlet}</title>` +
        `<link>https://${outlet}.example/</link><description>fixture</description>${list.join('')}</channel></rss>`,
    );
  }
  return { outlets: set.outlets, feeds, labels };
}

/// `localImages`: images the fixtures name on *.example hosts (which do not exist) are named on
/// this server instead, for a browser whose requests a test cannot intercept (Lighthouse's).
export async function startFeedServer(port = 0, { localImages = false } = {}) {
  const related = await relatedFeeds();
  const hits = new Map();
  // Feeds a test writes while it runs (PUT /live/<name>), for stories that arrive later.
  const live = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    if (path.startsWith('/live/')) {
      if (req.method === 'PUT') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        live.set(path, Buffer.concat(chunks));
        res.writeHead(204).end();
      } else if (live.has(path)) {
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(live.get(path));
      } else {
        res.writeHead(404).end();
      }
      return;
    }
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const [, root, name] = path.split('/');
    if (root === 'status' && /^\d{3}$/.test(name ?? '')) {
      res.writeHead(Number(name), { 'content-type': 'text/plain' }).end(`fixture status ${name}\n`);
      return;
    }
    if (root === 'related' && related.feeds.has((name ?? '').replace(/\.xml$/, ''))) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(related.feeds.get(name.replace(/\.xml$/, '')));
      return;
    }
    if (root === 'img' && name) {
      // Any image a fixture page names: a placeholder, so pages load as they would online.
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#888"/></svg>',
      );
      return;
    }
    if (!(root in roots) || !name || name !== basename(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body = await readFile(join(roots[root], name));
      if (root !== 'testdata') body = body.toString('utf8').replaceAll('{{FEEDS}}', base);
      // Byte for byte (latin1 maps each byte to one char): testdata keeps its encodings.
      if (localImages) body = Buffer.from(Buffer.from(body).toString('latin1').replace(/https?:\/\/[a-z0-9.-]+\.example\/img\//g, `${base}/img/`), 'latin1');
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  let base;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return { base, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

/// Writes the fixture catalog pointing at `base` into a fresh temporary folder.
export async function writeCatalog(base) {
  const template = await readFile(join(here, 'fixtures', 'catalog.template.toml'), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'panorama-catalog-'));
  const path = join(dir, 'catalog.toml');
  await writeFile(path, template.replaceAll('{{FEEDS}}', base));
  return path;
}

/// A catalog of the related-news set's outlets, pointing at `base`, in a fresh temporary folder.
export async function writeRelatedCatalog(base) {
  const { outlets } = await relatedFeeds();
  let toml =
    'countries = ["IN", "US", "QA", "DE", "CN", "CA", "WORLD"]\n' +
    'languages = ["en", "hi", "ar", "de", "zh", "fr"]\n' +
    'categories = ["national"]\n';
  for (const [id, [name, country, language]] of Object.entries(outlets)) {
    toml +=
      `\n[[source]]\nid = "${id}"\nname = "${name}"\ncountry = "${country}"\nlanguage = "${language}"\n` +
      `homepage = "https://${id}.example/"\n[source.feeds]\ntop = "${base}/related/${id}.xml"\n`;
  }
  const dir = await mkdtemp(join(tmpdir(), 'panorama-catalog-'));
  const path = join(dir, 'catalog.toml');
  await writeFile(path, toml);
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const feeds = await startFeedServer(Number(process.argv[2] ?? 0));
  const catalog = await writeCatalog(feeds.base);
  console.log(`sample feeds on ${feeds.base}`);
  console.log(`PANORAMA_CATALOG=${catalog}`);
}
