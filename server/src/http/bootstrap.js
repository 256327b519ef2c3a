(() => {
  // An outlet's image that fails (hotlink protection, a dead link) is hidden rather than shown
  // as a broken box: those that failed while the page was parsed, and any that fails later
  // (lazy images, pages rendered in the browser). Error events do not bubble: listen in the
  // capture phase.
  const drop = (img) => img.classList.add('broken');
  addEventListener('error', (e) => { if (e.target instanceof HTMLImageElement) drop(e.target); }, true);
  for (const img of document.images) if (img.complete && img.naturalWidth === 0 && img.currentSrc) drop(img);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const preload = (rel, href) => {
      const link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      // As the loader fetches them: same-origin, in CORS mode, so the preload is used.
      if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
      document.head.append(link);
    };
    if (@SPLIT@) preload('modulepreload', @SPLIT@);
    const messages = @MESSAGES@[document.documentElement.lang];
    if (messages) preload('preload', messages);
    for (const chunk of @CHUNKS@) preload('preload', chunk);
    import('@PKG@/@JS@.js').then((m) => m.default({ module_or_path: '@PKG@/@WASM@.wasm' }).then(() => m.hydrate()));
  };
  const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
  setTimeout(start, 2000);
})();
