// Panorama's service worker. The server fills in VERSION (its build's file hashes, and a hash of
// UNHASHED's contents and of this file), PKG (the hashed /pkg files of that build) and UNHASHED
// (the other files it keeps, by names that do not change: server/src/web.rs, SHELL_FILES), so
// each deploy is a new worker that brings its own files.
//
// - /pkg/*, pwa.js and the app's icons: from this version's cache, fetched into it when missing.
// - Navigations: network first (4 s), each good page kept; offline, the last good copy of that
//   page, else of the timeline, marked with when it was saved so the page says so.
// - /api/*: always the network. A cached answer is never passed off as the news.
// - A new version waits until the reader chooses to reload (the page shows the prompt), so no
//   page ever runs on a mix of old and new files.
const VERSION = '{{VERSION}}';
const PKG = {{PKG}};
const UNHASHED = {{UNHASHED}};
const SHELL = `panorama-shell-${VERSION}`;
// The Privacy Policy names this cache (app::components::app_status::PAGES_CACHE).
const PAGES = 'panorama-pages';
const PRECACHE = [...PKG, ...UNHASHED];
const NETWORK_TIMEOUT_MS = 4000;
// Pages kept at most (the timeline, categories, articles opened, saved stories).
const MAX_PAGES = 200;

self.addEventListener('install', (event) => {
  // The Saved page lists what the browser holds: kept from the start, it reads offline even
  // if the reader never opened it online.
  event.waitUntil(Promise.all([caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)), keep('/saved')]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('panorama-shell-') && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // A page asks for a copy of a story to be kept (a saved story): fetched and kept now.
  if (event.data && event.data.keep) event.waitUntil(keep(event.data.keep));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (url.pathname.startsWith('/pkg/') || url.pathname.startsWith('/icons/') || url.pathname === '/favicon.svg' || url.pathname === '/pwa.js') {
    event.respondWith(fromShell(request));
  }
});

async function fromShell(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function navigate(event) {
  const request = event.request;
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      // Kept while the page already shows.
      event.waitUntil(store(request.url, response.clone()));
    }
    return response;
  } catch {
    const pages = await caches.open(PAGES);
    const copy = await pages.match(request.url, { ignoreVary: true });
    if (copy) return marked(copy);
    // Not kept: the last timeline instead, at its own address (another page's HTML under this
    // address would not hydrate).
    const home = new URL('/', request.url).href;
    if (request.url !== home && (await pages.match(home, { ignoreVary: true }))) return Response.redirect(home, 302);
    return new Response(
      '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>Panorama: offline</title><p>You are offline, and Panorama has no news saved on this device yet.</p>',
      { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
    );
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/// Keeps a page with the time it was saved.
async function store(url, response) {
  const body = await response.text();
  const headers = new Headers(response.headers);
  headers.set('x-panorama-saved-at', new Date().toISOString());
  // One copy per address, this reader's: a Vary on the cookie or the language would make the
  // offline lookup (whose request differs in those) miss it.
  headers.delete('vary');
  // The body is kept decoded: the transfer's encoding and length no longer describe it.
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding']) headers.delete(name);
  const pages = await caches.open(PAGES);
  await pages.put(url, new Response(body, { status: 200, headers }));
  const keys = await pages.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await pages.delete(old);
}

/// A copy younger than this is not fetched again when a page asks for it to be kept.
const KEEP_FRESH_MS = 10 * 60 * 1000;

async function keep(path) {
  const url = new URL(path, self.location.origin).href;
  const kept = await (await caches.open(PAGES)).match(url, { ignoreVary: true });
  const savedAt = Date.parse(kept?.headers.get('x-panorama-saved-at') ?? '');
  if (Date.now() - savedAt < KEEP_FRESH_MS) return;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.ok) await store(url, response);
  } catch {
    // Offline now: the story is kept the next time it is opened.
  }
}

/// A kept page, saying when it was saved: the page shows "offline, showing news from ...".
async function marked(copy) {
  const savedAt = copy.headers.get('x-panorama-saved-at') ?? '';
  const html = (await copy.text()).replace('<html', `<html data-offline-from="${savedAt}"`);
  const headers = new Headers(copy.headers);
  headers.delete('content-length');
  return new Response(html, { status: 200, headers });
}
