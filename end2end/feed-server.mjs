// A fixture feed server on 127.0.0.1: end2end/fixtures/feeds/* under /feeds/, the outlets'
// article pages (end2end/fixtures/pages/*) under /pages/, server/testdata/* under /testdata/,
// and failure modes under /status/<code>. `{{FEEDS}}` in a fixture feed or page becomes this
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

export async function startFeedServer(port = 0) {
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const feeds = await startFeedServer(Number(process.argv[2] ?? 0));
  const catalog = await writeCatalog(feeds.base);
  console.log(`sample feeds on ${feeds.base}`);
  console.log(`PANORAMA_CATALOG=${catalog}`);
}
