// The installed app, in Chromium on the release build: the manifest and icons, Chrome's own
// installability check, the headers every response carries, reading offline from the copies the
// service worker keeps, and the prompt a new deploy brings.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { guardConsole, startStack } from './support.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUMMIT = 'Summit opens with climate pledge';

let stack;
guardConsole(() => stack);
before(async () => {
  stack = await startStack({ env: { PANORAMA_SERVICE_WORKER: 'on' } });
});
after(async () => {
  await stack?.stop();
});

/// Width and height of a PNG, from its header.
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/// A page under the service worker's control: the first visit installs it, the next one is
/// served through it (and kept).
async function controlledPage(options = {}) {
  const page = await stack.newPage(options);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'not controlled');
  return page;
}

test('the manifest names the app, its colours, icons and screenshots, and every file is there', async () => {
  const res = await fetch(stack.url('/manifest.webmanifest'));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /manifest\+json|json/);
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  const manifest = await res.json();
  assert.equal(manifest.short_name, 'Panorama');
  assert.equal(manifest.display, 'standalone');
  for (const key of ['id', 'start_url', 'scope', 'theme_color', 'background_color']) assert.ok(manifest[key], key);
  assert.deepEqual(manifest.categories, ['news']);
  const want = new Set(['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']);
  for (const icon of [...manifest.icons, ...manifest.screenshots]) {
    const file = await fetch(stack.url(icon.src));
    assert.equal(file.status, 200, icon.src);
    if (icon.type !== 'image/png') continue;
    const [w, h] = pngSize(Buffer.from(await file.arrayBuffer()));
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
    want.delete(`${icon.sizes} ${icon.purpose}`);
  }
  assert.deepEqual([...want], [], 'icons missing');
  assert.deepEqual(manifest.screenshots.map((s) => s.form_factor).sort(), ['narrow', 'wide']);
  // Both colour schemes have their theme colour in the page.
  const html = await (await fetch(stack.url('/'))).text();
  assert.match(html, /<meta name="theme-color" content="#0b5cad" media="\(prefers-color-scheme: light\)"/);
  assert.match(html, /<meta name="theme-color" content="#131416" media="\(prefers-color-scheme: dark\)"/);
  assert.match(html, /<link rel="manifest" href="\/manifest.webmanifest"/);
});

test('Chrome finds nothing that keeps it from installing Panorama', async () => {
  // A profile of its own: Chrome installs nothing from an incognito window.
  const profile = await mkdtemp(join(tmpdir(), 'panorama-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    await page.goto(stack.url('/'));
    await page.waitForSelector('html[data-hydrated]');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(new URL(url).pathname, '/manifest.webmanifest');
    assert.deepEqual(errors, []);
    assert.ok(data.length > 0);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('headers: a nonce-only script policy, no sniffing, referrer and permissions policies, compression, caching', async () => {
  const res = await fetch(stack.url('/'), { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.headers.get('content-encoding'), 'br');
  const html = await res.text();
  const csp = res.headers.get('content-security-policy');
  const nonce = csp.match(/script-src 'self' 'nonce-([^']+)'/)?.[1];
  assert.ok(nonce, csp);
  assert.doesNotMatch(csp.match(/script-src[^;]*/)[0], /unsafe-inline/);
  // Every inline script carries this response's nonce; no other inline script exists.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
  assert.ok(inline.length > 0);
  for (const attrs of inline) assert.match(attrs, new RegExp(`nonce="${nonce}"`), attrs);
  const again = await fetch(stack.url('/'));
  assert.notEqual(again.headers.get('content-security-policy'), csp, 'a new nonce per response');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.match(res.headers.get('permissions-policy'), /camera=\(\)/);

  // The hashed build files: compressed once at build time, kept for a year.
  const wasm = html.match(/\/pkg\/panorama\.[^"' ]+\.wasm/)?.[0];
  assert.ok(wasm, 'the page names a hashed wasm file');
  const file = await fetch(stack.url(wasm), { headers: { 'accept-encoding': 'br' } });
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-encoding'), 'br');
  assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const worker = await fetch(stack.url('/sw.js'));
  assert.equal(worker.headers.get('cache-control'), 'no-cache');
  const script = await worker.text();
  assert.ok(script.includes(wasm), 'the worker precaches this build\'s files');
  assert.ok(!script.includes('{{'), 'every placeholder filled');
  // The API is compressed too, and never cached by the worker (it leaves /api/* alone).
  const api = await fetch(stack.url('/api/timeline'), { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(api.headers.get('content-encoding'), 'gzip');
  assert.match(script, /startsWith\('\/api\/'\)\) return;/);
});

test('offline: the last timeline, an opened article and the saved list still show, with a banner; online again, fresh news', async () => {
  // Requests made while the server is down fail in the console: expected here.
  stack.expectConsoleError((e) => e.includes('net::ERR_INTERNET_DISCONNECTED') || e.includes('net::ERR_CONNECTION_REFUSED'));
  const page = await controlledPage();
  assert.equal(await page.locator('[data-offline]').count(), 0);
  // Open a story (kept by the worker) and save another (handed to the worker to keep).
  await page.click(`.card-title a:text("${SUMMIT}")`);
  await page.waitForSelector('.article h1');
  const articleUrl = page.url();
  // Reached inside the app, it is handed to the worker to keep.
  await page.waitForFunction(async (url) => !!(await (await caches.open('panorama-pages')).match(url)), articleUrl);
  await page.goto(stack.url('/'));
  await page.waitForSelector('html[data-hydrated]');
  const saved = page.locator('.card').filter({ hasNot: page.locator(`:text("${SUMMIT}")`) }).first();
  const savedTitle = (await saved.locator('.card-title').textContent()).trim();
  const savedPath = await saved.locator('.card-title a').getAttribute('href');
  await saved.locator('button', { hasText: 'Save' }).click();
  // That very story is kept (another page naming its title would not do).
  await page.waitForFunction(async ([path, title]) => {
    const copy = await (await caches.open('panorama-pages')).match(path, { ignoreVary: true });
    return !!copy && (await copy.text()).includes(title);
  }, [savedPath, savedTitle]);

  // Offline: the browser's network, and the server gone, as the worker sees it.
  await page.context().setOffline(true);
  await stack.pause();
  try {
    await offlineReading(page, articleUrl, savedTitle);
  } finally {
    await stack.resume();
  }
  // Back online, the page (the kept timeline) reloads itself with the news of now.
  await Promise.all([page.waitForNavigation(), page.context().setOffline(false)]);
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('[data-offline]').count(), 0);
});

async function offlineReading(page, articleUrl, savedTitle) {
  await page.reload();
  await page.waitForSelector('html[data-hydrated]');
  assert.match(await page.locator('[data-offline]').textContent(), /^Offline: showing news from .+/);
  assert.ok((await page.locator('.card-title').count()) > 0, 'the last timeline shows');
  await page.goto(articleUrl);
  await page.waitForSelector('.article h1');
  assert.equal((await page.locator('.article h1').textContent()).trim(), SUMMIT);
  assert.ok((await page.locator('.story').textContent()).trim().length > 0, 'the story text is there');
  // The banner is the app's: it shows once the page runs.
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('[data-offline]').count(), 1);
  // The Saved list reads offline, and so does the saved story, never opened before.
  await page.goto(stack.url('/saved'));
  await page.waitForSelector('html[data-hydrated]');
  await page.click(`a:text("${savedTitle}")`);
  await page.waitForSelector('.article h1');
  assert.equal((await page.locator('.article h1').textContent()).trim(), savedTitle);
  await page.waitForSelector('html[data-hydrated]');
  assert.equal(await page.locator('[data-offline]').count(), 1);
  await page.goto(stack.url('/'));
  await page.waitForSelector('[data-offline]');
  // The interface language changes offline too: the worker keeps every language's messages.
  await page.waitForSelector('html[data-hydrated]');
  await page.selectOption('#ui-language', 'de');
  await page.waitForSelector('html[lang="de"]');
  assert.equal((await page.locator('.site-nav a[href="/settings"]').textContent()).trim(), 'Einstellungen');
  await page.selectOption('#ui-language', '');
  await page.waitForSelector('html[lang="en"]');
}

test('a new deploy offers a reload, and reloading brings the new worker', async () => {
  // Requests made while the server is down fail in the console: expected here.
  stack.expectConsoleError((e) => e.includes('net::ERR_INTERNET_DISCONNECTED') || e.includes('net::ERR_CONNECTION_REFUSED'));
  const page = await controlledPage();
  const version = () => page.evaluate(async () => (await (await fetch('/sw.js')).text()).match(/const VERSION = '([^']+)'/)[1]);
  const first = await version();
  // The same build served from a copy where only pwa.js differs, as a small deploy's would: a
  // file whose name does not change, which the worker keeps. (Its precompressed copies go, or
  // they would be served instead.)
  const site = await mkdtemp(join(tmpdir(), 'panorama-site-'));
  await cp(process.env.LEPTOS_SITE_ROOT ?? join(repo, 'target', 'site'), site, { recursive: true });
  const script = join(site, 'pwa.js');
  await writeFile(script, `${await readFile(script, 'utf8')}\n// the next deploy\n`);
  await rm(`${script}.br`, { force: true });
  await rm(`${script}.gz`, { force: true });
  try {
    await stack.restart({ LEPTOS_SITE_ROOT: site });
    // Readers come back to the tab: the page looks for a new version.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('[data-update]');
    assert.match(await page.locator('[data-update]').textContent(), /A new version of Panorama is ready/);
    await Promise.all([page.waitForNavigation(), page.click('[data-update] button')]);
    await page.waitForSelector('html[data-hydrated]');
    assert.notEqual(await version(), first);
    assert.match(await page.evaluate(async () => (await fetch('/pwa.js')).text()), /the next deploy/);
    // The page now runs under the new worker.
    assert.match(await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); return String(!r.waiting && !!r.active); }), /true/);
    assert.equal(await page.locator('[data-update]').count(), 0);
  } finally {
    await stack.restart();
    await rm(site, { recursive: true, force: true });
  }
});

