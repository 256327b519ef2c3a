// Registers Panorama's service worker (release builds only: the server includes this script
// only then) and tells the page, through DOM events, when a new version is ready; the page asks
// for the reload. Saved stories are handed to the worker to keep for offline reading.
if ('serviceWorker' in navigator) {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  const offer = (worker) => {
    document.dispatchEvent(new CustomEvent('panorama:update-ready'));
    document.addEventListener('panorama:reload', () => {
      reloading = true;
      worker.postMessage('skip-waiting');
    });
  };
  // Registered once the page is interactive, in a task of its own: a first visit's registration
  // and the worker's install (which fetches every page's code for offline) would otherwise compete
  // with the page's own code for the network and the main thread.
  const afterHydration = (start) => {
    const root = document.documentElement;
    if (root.hasAttribute('data-hydrated')) return setTimeout(start);
    const watch = new MutationObserver(() => {
      if (!root.hasAttribute('data-hydrated')) return;
      watch.disconnect();
      setTimeout(start);
    });
    watch.observe(root, { attributes: true, attributeFilter: ['data-hydrated'] });
  };
  afterHydration(() => navigator.serviceWorker.register('/sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        // A first install needs no reload; a worker installed under another is an update.
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
    // Readers keep tabs open for days: look for a new version when they come back.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }));
  document.addEventListener('panorama:keep', (event) => {
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ keep: event.detail }));
  });
}
