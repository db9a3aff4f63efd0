// A class session in real Chromium against `treatysim serve` (started by tests/external.rs):
// a student joins with the class code, writes a scenario with one mistake, sees the error
// at its line, fixes it, watches the diagram change, hands in exercise 1; the teacher
// signs in and sees the grade, and downloads the gradebook. Also: the page at 400 px has
// no sideways scrolling, the tabs work from the keyboard, nothing is fetched from
// elsewhere, and the console stays clean.
// Usage: node serve.mjs URL CLASS_CODE TEACHER_CODE ANSWER_FILE SHOTS_DIR
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [url, classCode, teacherCode, answerFile, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const answer = readFileSync(answerFile, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

async function newPage(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  // A refused request is logged by Chromium; 422 (a scenario that does not run yet) and
  // 401 (the teacher's page asking whether it is signed in) are expected answers.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (401|422) /.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(url)) errors.push(`fetched ${r.url()}`); });
  return { page, errors, context };
}

// Replaces the editor's text as a person would: select all, then type (insertText).
async function typeScenario(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

// Waits until the results shown are those of this text (not of an edit on the way).
async function shown(page, text) {
  await page.waitForFunction((t) => window.treatysimShown === t, text);
}

async function updatesAfter(page, before) {
  await page.waitForFunction((n) => Number(document.body.dataset.updates || 0) > n, before);
}

const updates = (page) => page.evaluate(() => Number(document.body.dataset.updates || 0));

// --- The student -----------------------------------------------------------------------
const student = await newPage({ width: 1400, height: 1000 });
const { page } = student;
const unauthorized = await page.request.post(`${url}/api/run`, { data: 'title: x' });
check(unauthorized.status() === 401, `/api/run without the class code answered ${unauthorized.status()}, not 401`);

await page.goto(`${url}/join?code=${encodeURIComponent(classCode)}`);
await page.fill('#name', 'Ana Lima');
await page.click('button[type=submit]');
await page.waitForURL(`${url}/`);
await page.waitForSelector('.cm-content');
await page.waitForFunction(() => Number(document.body.dataset.updates || 0) > 0);
check((await page.textContent('#who')) === 'Ana Lima', 'the page does not show the student\'s name');

// Completion from the scenario JSON Schema, as the student types an action.
await typeScenario(page, 'title: t\nevents:\n  - on: 2027-01-04\n    do: give_n');
await page.keyboard.press('Control+Space');
await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 5000 }).catch(() => {});
const offered = await page.evaluate(() => document.querySelector('.cm-tooltip-autocomplete')?.textContent ?? '');
check(offered.includes('give_notice'), `no completion of an action from the schema: "${offered}"`);
await page.keyboard.press('Escape');

// One mistake: a month 13 on line 3 of the answer.
const lines = answer.split('\n');
const dateLine = lines.findIndex((l) => /^\s+- on: 2027-02-01/.test(l));
const broken = lines.map((l, i) => (i === dateLine ? l.replace('2027-02-01', '2027-13-01') : l)).join('\n');
await typeScenario(page, broken);
await shown(page, broken);
const problem = await page.textContent('#problem');
check(problem.includes(`Line ${dateLine + 1}`), `the error does not name line ${dateLine + 1}: ${problem}`);
check(problem.includes('month'), `the error does not say what is wrong: ${problem}`);
await page.waitForSelector('.cm-lintRange-error');
const marked = await page.evaluate(() => {
  const mark = document.querySelector('.cm-lintRange-error');
  const line = mark.closest('.cm-line');
  return [...document.querySelectorAll('.cm-content .cm-line')].indexOf(line);
});
check(marked === dateLine, `the editor marks line ${marked + 1}, not line ${dateLine + 1}`);
await page.screenshot({ path: join(shots, 'serve-error.png') });

// Fixed: the outcome and the diagram follow.
await page.click('#tab-diagram');
const diagramBefore = await page.innerHTML('#diagram');
await typeScenario(page, answer);
await shown(page, answer);
const outcome = await page.textContent('#outcome');
check(outcome.includes('withdrawn (effective 2028-09-01)'), `the outcome is not shown: ${outcome}`);
const diagramAfter = await page.innerHTML('#diagram');
check(diagramAfter.includes('<svg') && diagramAfter !== diagramBefore, 'the diagram did not change with the scenario');
await page.screenshot({ path: join(shots, 'serve-fixed.png') });

// Keyboard: arrows move between the tabs.
await page.focus('#tab-diagram');
await page.keyboard.press('ArrowRight');
check(await page.isVisible('#compare'), 'ArrowRight from Diagram does not open Compare');
await page.click('#compare-go');
await page.waitForFunction(() => document.getElementById('compare-out').textContent.length > 0);
check((await page.textContent('#compare-out')).includes('Compare:'), 'compare shows nothing');

// Hand in.
await page.click('#submit');
await page.waitForFunction(() => /Handed in/.test(document.getElementById('grade').textContent));
const grade = await page.textContent('#grade');
check(grade.includes('passes'), `the hand-in did not pass: ${grade}`);
const latencies = await page.evaluate(() => window.treatysimLatencies);

// Why: the smallest change that flips the outcome, applied in one click.
await page.click('#tab-why');
await page.click('#why-go');
await page.waitForFunction(() => !/Trying/.test(document.getElementById('why-out').textContent)
  && document.getElementById('why-out').textContent.length > 0);
const why = await page.textContent('#why-out');
check(/it would end/.test(why), `why finds no change: ${why}`);
const n = await updates(page);
await page.click('#why-apply');
await updatesAfter(page, n);
// The answer is lawful; the smallest flip (a consent vote short of two-thirds) is not.
await page.waitForFunction(() => /Lawfulno: /.test(document.getElementById('outcome').textContent));
check((await page.textContent('#editor')).includes('yeas: 65'), 'the change was not applied in the editor');

// Play: moves as buttons; an unlawful one asks first; each consequence with its source.
await page.goto(`${url}/play`);
await page.waitForFunction(() => document.body.dataset.turn === '0');
const notice = page.locator('#moves button.unlawful', { hasText: 'notice' }).first();
check(await notice.count() === 1, 'play offers no unlawful notice to give');
let asked = '';
page.once('dialog', async (d) => { asked = d.message(); await d.dismiss(); });
await notice.click();
check(/unlawful/.test(asked), `no warning before an unlawful move: ${asked}`);
check(await page.evaluate(() => document.body.dataset.turn) === '0', 'a declined move was made');
page.once('dialog', (d) => d.accept());
await notice.click();
await page.waitForFunction(() => document.body.dataset.turn === '1');
const said = await page.textContent('#said');
check(/Breaks 1250A/.test(said) && /Source: /.test(said), `the move is not narrated with its breach and source: ${said}`);
await page.locator('#moves button', { hasText: 'time passes: 30 days' }).click();
await page.waitForFunction(() => document.body.dataset.turn === '2');
check(/2027-02-03/.test(await page.textContent('#date')), `30 days did not pass: ${await page.textContent('#date')}`);
await page.click('#keep');
await page.waitForFunction(() => document.getElementById('kept').textContent.length > 0);
check((await page.textContent('#kept')).startsWith('Saved'), 'the played story was not kept');
await page.screenshot({ path: join(shots, 'serve-play.png') });
await page.setViewportSize({ width: 400, height: 900 });
const playOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(playOverflow <= 0, `at 400 px the play page scrolls sideways by ${playOverflow} px`);
await page.setViewportSize({ width: 1400, height: 1000 });
await page.goto(`${url}/`);
await page.waitForFunction(() => Number(document.body.dataset.updates || 0) > 0);

// 400 px wide: no sideways scrolling.
await page.setViewportSize({ width: 400, height: 900 });
await page.click('#tab-timeline');
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(overflow <= 0, `at 400 px the page scrolls sideways by ${overflow} px`);
await page.screenshot({ path: join(shots, 'serve-400.png'), fullPage: true });
check(student.errors.length === 0, `student page errors: ${student.errors.join('; ')}`);

// --- Another student cannot read Ana's work ----------------------------------------------
const other = await newPage({ width: 1000, height: 800 });
await other.page.goto(`${url}/join?code=${encodeURIComponent(classCode)}`);
await other.page.fill('#name', 'Ben');
await other.page.click('button[type=submit]');
await other.page.waitForURL(`${url}/`);
const hers = await other.page.request.get(`${url}/api/work/1-make-it-lawful`);
check(!(await hers.text()).includes('consult_committees      # 1250A(c)(1)'), 'Ben reads Ana\'s work');
const traversal = await other.page.request.get(`${url}/api/work/..%2Fstudents`);
check(traversal.status() === 404, `a ../ exercise name answered ${traversal.status()}, not 404`);
const teacherData = await other.page.request.get(`${url}/api/class`);
check(teacherData.status() === 401, `a student reads the teacher's data: ${teacherData.status()}`);

// --- The teacher -----------------------------------------------------------------------
const teacher = await newPage({ width: 1200, height: 900 });
await teacher.page.goto(`${url}/teacher`);
await teacher.page.fill('#code', teacherCode);
await teacher.page.click('button[type=submit]');
await teacher.page.waitForSelector('#rows tr td');
const table = await teacher.page.textContent('#rows');
check(table.includes('Ana Lima') && table.includes('1-make-it-lawful') && table.includes('pass'),
  `the teacher's page does not show Ana's pass: ${table}`);
const csv = await teacher.page.request.get(`${url}/api/gradebook.csv`);
const csvText = await csv.text();
check(csvText.startsWith('student,exercise,file,title,result') && csvText.includes('Ana Lima,1-make-it-lawful'),
  `the gradebook is not right: ${csvText}`);
await teacher.page.screenshot({ path: join(shots, 'serve-teacher.png') });
await teacher.page.setViewportSize({ width: 400, height: 900 });
const teacherOverflow = await teacher.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(teacherOverflow <= 0, `at 400 px the teacher's page scrolls sideways by ${teacherOverflow} px`);
check(teacher.errors.length === 0, `teacher page errors: ${teacher.errors.join('; ')}`);

await browser.close();
writeFileSync(join(shots, 'serve-latencies.json'), JSON.stringify(latencies));
const sorted = [...latencies].sort((a, b) => a - b);
console.log(`editor updates: ${latencies.length}, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, slowest ${sorted[sorted.length - 1].toFixed(1)} ms (change to result shown)`);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('the class session works');
