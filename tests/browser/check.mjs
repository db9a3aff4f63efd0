// Loads treatysim's outputs in headless Chromium (Debian's /usr/bin/chromium) and checks
// what a person would see:
//   *.svg   every stage's and every edge label's text lies inside its box, no two boxes
//           overlap, and the page logs no errors;
//   *.html  the report: no console errors, the diagram is present and fits the page at
//           1400 px, a clicked stage's explanation is on screen, a 400 px phone does not
//           scroll sideways, printing puts the diagram on its own landscape page without
//           its text alternative, clicking a stage and pressing Enter on one show its
//           explanation;
//   *.mmd   Mermaid (its own npm package, loaded from disk) renders it without errors.
// A screenshot of each goes to DIR/shots/. Usage: node check.mjs DIR
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? '.');
const shots = join(dir, 'shots');
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const fail = (file, message) => failures.push(`${file}: ${message}`);

async function open(file, url, viewport = { width: 1920, height: 1200 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) {
      errors.push(`fetched ${r.url()}`);
    }
  });
  await page.goto(url);
  return { page, errors };
}

// Text inside boxes, and boxes apart, measured by the browser in its own fonts.
async function checkLayout(file, page) {
  const problems = await page.evaluate(() => {
    const out = [];
    const boxes = [];
    for (const g of document.querySelectorAll('g.node, g.edge-label')) {
      const rect = g.querySelector('rect');
      const r = rect.getBBox();
      boxes.push({ name: g.getAttribute('data-stage') || g.textContent.trim().slice(0, 40), r });
      for (const t of g.querySelectorAll('text')) {
        const b = t.getBBox();
        if (b.x < r.x - 0.5 || b.y < r.y - 0.5 || b.x + b.width > r.x + r.width + 0.5 ||
            b.y + b.height > r.y + r.height + 0.5) {
          out.push(`text "${t.textContent}" spills out of its box`);
        }
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r; const b = boxes[j].r;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
          out.push(`"${boxes[i].name}" overlaps "${boxes[j].name}"`);
        }
      }
    }
    if (boxes.length === 0) { out.push('no stages drawn'); }
    return out;
  });
  for (const p of problems) { fail(file, p); }
}

const files = readdirSync(dir).sort();
for (const name of files) {
  const path = join(dir, name);
  if (name.endsWith('.svg')) {
    const { page, errors } = await open(name, pathToFileURL(path).href);
    if (await page.locator('svg.treatysim-diagram').count() !== 1) { fail(name, 'no diagram'); }
    await checkLayout(name, page);
    // A bare SVG document has no scrolling element, so size the viewport to it instead
    // of asking for a full-page shot.
    const size = await page.evaluate(() => {
      const svg = document.documentElement;
      return { width: Math.ceil(svg.width.baseVal.value), height: Math.ceil(svg.height.baseVal.value) };
    });
    await page.setViewportSize(size);
    await page.screenshot({ path: join(shots, name + '.png') });
    errors.forEach((e) => fail(name, e));
    await page.close();
  } else if (name.endsWith('.html')) {
    const { page, errors } = await open(name, pathToFileURL(path).href, { width: 1280, height: 900 });
    if (await page.locator('figure svg.treatysim-diagram').count() !== 1) { fail(name, 'no diagram in the report'); }
    if (await page.locator('h1').count() !== 1) { fail(name, 'not exactly one h1'); }
    await checkLayout(name, page);
    // The diagram fits the page at 1400 px; the explanation of a stage clicked far down
    // the diagram is on screen, not a screen below it.
    await page.setViewportSize({ width: 1400, height: 900 });
    const fits = await page.evaluate(() =>
      document.querySelector('figure svg').getBoundingClientRect().width <= document.documentElement.clientWidth);
    if (!fits) { fail(name, 'the diagram is wider than the page at 1400 px'); }
    const deep = page.locator('[data-stage="bill.enacted"]');
    if (await deep.count() === 1) {
      await deep.click();
      const onScreen = await page.evaluate(() => {
        const r = document.getElementById('stage-info').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      });
      if (!onScreen) { fail(name, 'the explanation of a clicked stage is off screen'); }
      await page.screenshot({ path: join(shots, name + '-1400-clicked.png') });
      await page.keyboard.press('Escape');
    }
    // On a phone (400 px): no sideways scrolling, and the outcome's values get a line.
    await page.setViewportSize({ width: 400, height: 800 });
    const narrow = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      values: Array.from(document.querySelectorAll('.outcome dd')).map((d) => d.getBoundingClientRect().width),
    }));
    if (narrow.scroll > narrow.width) { fail(name, `at 400 px the page scrolls sideways (${narrow.scroll} px)`); }
    if (narrow.values.some((w) => w < 250)) { fail(name, `at 400 px an outcome value is ${Math.min(...narrow.values)} px wide`); }
    await page.screenshot({ path: join(shots, name + '-400.png'), fullPage: true });
    // Printed: the diagram on its own page, as wide as the page, without the text alternative.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      caption: getComputedStyle(document.querySelector('figcaption')).display,
      svg: document.querySelector('figure svg').getBoundingClientRect().width,
      body: document.body.getBoundingClientRect().width,
      page: getComputedStyle(document.querySelector('figure')).page,
    }));
    if (printed.caption !== 'none') { fail(name, 'the text alternative prints'); }
    if (printed.svg > printed.body + 1) { fail(name, 'the printed diagram is wider than the page'); }
    if (printed.page !== 'diagram') { fail(name, 'the diagram is not on its own (landscape) page'); }
    await page.pdf({ path: join(shots, name + '.pdf'), format: 'Letter' });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Click a stage: its explanation appears.
    const stage = page.locator('[data-stage="treaty.notice_pending"]');
    await stage.click();
    const shown = await page.locator('#stage-info').textContent();
    if (!shown.includes('Notice pending')) { fail(name, `clicking a stage showed "${shown}"`); }
    // By keyboard: focus another stage and press Enter.
    await page.locator('[data-stage="treaty.party"]').focus();
    await page.keyboard.press('Enter');
    const keyed = await page.locator('#stage-info').textContent();
    if (!keyed.includes('Party to the treaty')) { fail(name, `Enter on a stage showed "${keyed}"`); }
    await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
    errors.forEach((e) => fail(name, e));
    await page.close();
  } else if (name.endsWith('.mmd')) {
    const mermaid = join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
    const source = readFileSync(path, 'utf8');
    const escaped = source.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const page_path = join(dir, `${name}.page.html`);
    writeFileSync(page_path, `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="${pathToFileURL(mermaid).href}"></script></head><body>
<pre class="mermaid">${escaped}</pre>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'loose' });
mermaid.run({ querySelector: '.mermaid' })
  .then(() => { document.body.dataset.done = 'yes'; })
  .catch((e) => { console.error('mermaid: ' + e); document.body.dataset.done = 'error'; });
</script></body></html>`);
    const { page, errors } = await open(name, pathToFileURL(page_path).href);
    await page.waitForFunction(() => document.body.dataset.done, null, { timeout: 30000 });
    if (await page.evaluate(() => document.body.dataset.done) !== 'yes') { fail(name, 'Mermaid failed'); }
    const svgCount = await page.locator('pre.mermaid svg').count();
    if (svgCount !== 1) { fail(name, 'Mermaid drew no diagram'); }
    const text = await page.locator('pre.mermaid').textContent();
    if (/Syntax error/i.test(text)) { fail(name, 'Mermaid reports a syntax error'); }
    const nodes = await page.locator('pre.mermaid svg .node').count();
    const expected = (source.match(/^\s+[a-z_]+(\(\[|\[\[|\[)"/gm) || []).length;
    if (nodes < expected) { fail(name, `Mermaid drew ${nodes} of ${expected} stages`); }
    await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
    errors.forEach((e) => fail(name, e));
    await page.close();
  }
}
await browser.close();
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`checked ${files.filter((f) => /\.(svg|html|mmd)$/.test(f)).length} files in Chromium; screenshots in ${shots}`);
