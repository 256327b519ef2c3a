// Writes the installed app's images into public/icons/: the icons, rendered from their SVG
// sources by Chromium at 192 and 512 pixels, and the install dialog's screenshots, taken of a
// Panorama release build reading the related-news fixtures. Run after changing an icon or the
// look of the pages:
//
//     bash .ci/leptos.sh build --release --precompress && node end2end/make-assets.mjs

import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from './tests/support.mjs';

const icons = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'public', 'icons');
process.env.PANORAMA_BIN ??= 'target/release/panorama';

const stack = await startStack({
  catalog: 'related',
  env: { PANORAMA_RELATED_EVERY_SECS: '3600', PANORAMA_RELATED_WINDOW_HOURS: '1000000' },
});
try {
  for (const [source, name] of [['icon.svg', 'icon'], ['icon-maskable.svg', 'icon-maskable']]) {
    const svg = await readFile(join(icons, source), 'utf8');
    for (const size of [192, 512]) {
      const page = await stack.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<style>html,body{margin:0}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`);
      await page.screenshot({ path: join(icons, `${name}-${size}.png`), omitBackground: true });
      await page.close();
    }
  }
  await new Promise((r) => setTimeout(r, 3000));
  const timeline = await (await fetch(stack.url('/api/timeline?sources=voa-zh&limit=100'))).json();
  const voa = [...timeline.top, ...timeline.articles].find((a) => a.title.startsWith('俄罗斯领导'));
  const shots = [
    ['screenshot-phone.png', { width: 360, height: 780 }, '/'],
    ['screenshot-desktop.png', { width: 1280, height: 800 }, `/article/${voa.id}`],
  ];
  for (const [file, viewport, path] of shots) {
    const page = await stack.newPage({ viewport, deviceScaleFactor: file.includes('phone') ? 2 : 1 });
    await page.goto(stack.url(path));
    await page.waitForSelector('html[data-hydrated]');
    if (path !== '/') await page.locator('section.related').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(icons, file) });
    await page.close();
  }
} finally {
  await stack.stop();
}
console.log(`wrote the icons and screenshots in ${icons}`);
