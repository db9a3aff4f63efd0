// Draws the classroom handout's flowchart (docs/classroom/handout-flow.mmd) with Mermaid
// in headless Chromium (Debian's /usr/bin/chromium), and writes beside it:
//   handout-flow.svg  plain SVG (text as SVG text, no HTML inside), which any browser,
//                     word processor or slide program shows, not only GitHub;
//   handout-flow.pdf  the same on one printable landscape Letter page.
// Run it after changing the .mmd: `npm run handout` in tests/browser. The test suite
// checks that the SVG says what the .mmd says (tests/classroom.rs).
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const classroom = join(here, '..', '..', 'docs', 'classroom');
const source = readFileSync(join(classroom, 'handout-flow.mmd'), 'utf8');
const mermaid = join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const escaped = source.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page_path = join(tmpdir(), 'treatysim-handout.page.html');
writeFileSync(page_path, `<!DOCTYPE html><html><head><meta charset="utf-8">
<style>@page { size: letter landscape; margin: 0.4in; } body { margin: 0; }
svg { width: 100%; height: auto; max-height: 7.6in; }</style>
<script src="${pathToFileURL(mermaid).href}"></script></head><body>
<pre class="mermaid">${escaped}</pre>
<script>
mermaid.initialize({ startOnLoad: false, deterministicIds: true, theme: 'neutral',
  fontFamily: 'Arial, Helvetica, sans-serif', htmlLabels: false,
  flowchart: { htmlLabels: false, wrappingWidth: 220 } });
mermaid.run({ querySelector: '.mermaid' })
  .then(() => { document.body.dataset.done = 'yes'; })
  .catch((e) => { console.error('mermaid: ' + e); document.body.dataset.done = 'error'; });
</script></body></html>`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(pathToFileURL(page_path).href);
await page.waitForFunction(() => document.body.dataset.done, null, { timeout: 30000 });
if (await page.evaluate(() => document.body.dataset.done) !== 'yes') {
  console.error('Mermaid could not draw the handout');
  process.exit(1);
}
const svg = await page.evaluate(() => {
  const s = document.querySelector('pre.mermaid svg');
  s.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return s.outerHTML;
});
if (svg.includes('foreignObject')) {
  console.error('the SVG holds HTML labels, which only browsers show');
  process.exit(1);
}
writeFileSync(join(classroom, 'handout-flow.svg'), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: join(classroom, 'handout-flow.pdf'), format: 'Letter', landscape: true, printBackground: true });
await browser.close();
console.log('wrote docs/classroom/handout-flow.svg and handout-flow.pdf');
