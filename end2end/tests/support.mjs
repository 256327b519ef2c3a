// Starts what a browser test needs: the fixture feed server, Panorama pointed at it, and Debian's
// Chromium. Every page opened through `newPage` records console errors and uncaught exceptions,
// which the tests expect to be none (a hydration mismatch shows up there).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { beforeEach, afterEach } from 'node:test';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFeedServer, writeCatalog, writeRelatedCatalog } from '../feed-server.mjs';

const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#888"/></svg>';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function waitFor(url, child, log, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.spawnError) {
      throw new Error(`panorama exited with ${child.exitCode ?? child.spawnError.message}:\n${log.join('')}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`panorama did not answer ${url} within ${timeoutMs} ms:\n${log.join('')}`);
}

/// `catalog: 'related'` serves the related-news set's outlets instead of the usual fixtures.
export async function startStack({ env = {}, catalog: which = 'default', localImages = false } = {}) {
  const feeds = await startFeedServer(0, { localImages });
  const catalog = which === 'related' ? await writeRelatedCatalog(feeds.base) : await writeCatalog(feeds.base);
  const port = await freePort();
  // PANORAMA_BIN picks another build (target/release/panorama); relative to the repository.
  const bin = resolve(repo, process.env.PANORAMA_BIN ?? join('target', 'debug', 'panorama'));
  const log = [];
  const base = `http://127.0.0.1:${port}`;
  const launch = async (more = {}) => {
    const child = spawn(bin, [], {
      cwd: repo,
      env: {
        ...process.env,
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? join(repo, 'target', 'site'),
        LEPTOS_OUTPUT_NAME: 'panorama',
        PANORAMA_CATALOG: catalog,
        // Each stack has a store of its own, beside its catalog (removed with it); a restart
        // keeps it, as a deploy does.
        PANORAMA_DATABASE_URL: `sqlite://${join(dirname(catalog), 'panorama.db')}`,
        RUST_LOG: 'warn',
        // The related-news walk reads every catalog feed at boot: tests of feeds that are slow
        // or late on purpose need it off, and the related-news tests turn it on.
        PANORAMA_RELATED_EVERY_SECS: '0',
        // The service worker has its own tests (pwa.test.mjs); elsewhere a worker installed by
        // one test would answer navigations for the next.
        PANORAMA_SERVICE_WORKER: 'off',
        ...env,
        ...more,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.on('error', (err) => {
      child.spawnError = err;
      log.push(`cannot start ${bin}: ${err.message}\n`);
    });
    child.stdout.on('data', (d) => log.push(d.toString()));
    child.stderr.on('data', (d) => log.push(d.toString()));
    await waitFor(`${base}/api/catalog`, child, log);
    return child;
  };
  const stopChild = async (child) => {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  };
  // A stack that cannot start must not leave its feed server holding the test process open.
  let child;
  try {
    child = await launch();
  } catch (err) {
    await feeds.close();
    throw err;
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const consoleErrors = [];

  return {
    base,
    feeds,
    browser,
    log,
    consoleErrors,
    /// What this test expects to see in the console (see `guardConsole`).
    expected: [],
    /// Announces a console error this test causes on purpose (`matches` tells it).
    expectConsoleError(matches) {
      this.expected.push(matches);
    },
    url: (path) => `${base}${path}`,
    /// A page in a fresh context whose console errors are collected.
    async newPage(contextOptions = {}) {
      // One browser language unless a test says otherwise: the first-visit edition follows it.
      const context = await browser.newContext({ locale: 'en', ...contextOptions });
      // Fixture feeds name images on *.example hosts, which do not exist: answer them here so
      // the page loads as it would with real images, and nothing leaves the machine.
      await context.route(/^https?:\/\/[^/]+\.example\//, (route) =>
        route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE }),
      );
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
      return page;
    },
    /// Stops Panorama and starts it again on the same address, with `more` in its environment
    /// (a new deploy, as readers' browsers see it).
    async restart(more = {}) {
      await stopChild(child);
      child = await launch(more);
    },
    /// Stops Panorama, as a network that is gone would look to the browser and its worker
    /// (Chromium's offline emulation does not reach service workers).
    async pause() {
      await stopChild(child);
    },
    async resume() {
      child = await launch();
    },
    async stop() {
      await browser.close().catch(() => {});
      if (child.exitCode === null) await stopChild(child);
      await feeds.close();
      await rm(dirname(catalog), { recursive: true, force: true });
    },
  };
}

/// Card titles in page order.
export function cardTitles(page) {
  return page.locator('.card-title').allTextContents().then((t) => t.map((s) => s.trim()));
}

/// Fails every test that leaves a console error it did not announce (`expectConsoleError`).
/// Called at the top of each browser test file: hooks run around each test, so a run filtered
/// to one test checks that test too.
export function guardConsole(getStack) {
  let seen = 0;
  beforeEach(() => {
    const stack = getStack();
    seen = stack ? stack.consoleErrors.length : 0;
    if (stack) stack.expected = [];
  });
  afterEach(() => {
    const stack = getStack();
    if (!stack) return;
    const fresh = stack.consoleErrors.slice(seen).filter((e) => !stack.expected.some((matches) => matches(e)));
    assert.deepEqual(fresh, [], 'console errors in this test');
  });
}
