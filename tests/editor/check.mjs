// Opens scenario files in the YAML language server (yaml-language-server, the engine of
// VS Code's YAML extension and of Neovim's, Helix's and Zed's YAML support) with the
// schema that their first line names, and checks what an editor would show: no error on
// a good file, an error on the line of a mistake, the actions offered after `do:` with
// their meanings, and hover text on keys and values.
//
// Usage: node check.mjs REPO_ROOT. Prints one line per check; exits 1 if any failed.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { getLanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = process.argv[2];
if (!root) { console.error('usage: node check.mjs REPO_ROOT'); process.exit(2); }

const service = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
});
service.configure({ validate: true, hover: true, completion: true, yamlVersion: '1.2' });

const failures = [];
let checks = 0;
function check(ok, what) {
  checks += 1;
  if (!ok) { failures.push(what); console.error(`FAIL ${what}`); }
}

// The language server caches a parsed document by URI and version: give each text its
// own version.
let version = 0;
function open(path, text) {
  version += 1;
  return TextDocument.create(pathToFileURL(path).href, 'yaml', version, text ?? readFileSync(path, 'utf8'));
}

// Errors and warnings: the language server reports a schema violation as a warning, and
// an editor underlines both.
const errorsOf = async (doc) => (await service.doValidation(doc, false)).filter((d) => d.severity <= 2);

function position(doc, needle, offset = 0) {
  const at = doc.getText().indexOf(needle);
  if (at < 0) { throw new Error(`"${needle}" not in ${doc.uri}`); }
  return doc.positionAt(at + offset);
}

function hoverText(hover) {
  if (!hover) { return ''; }
  const c = hover.contents;
  if (typeof c === 'string') { return c; }
  if (Array.isArray(c)) { return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n'); }
  return c.value ?? '';
}

// Every file that carries the modeline: the classroom exercises.
const exercises = join(root, 'docs', 'classroom', 'exercises');
const files = readdirSync(exercises).filter((f) => f.endsWith('.yaml')).map((f) => join(exercises, f));
check(files.length === 3, `three exercises carry the modeline (found ${files.length})`);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  check(text.startsWith('# yaml-language-server: $schema='), `${file} starts with the modeline`);
  const errors = await errorsOf(open(file));
  check(errors.length === 0, `${file}: no errors (got ${JSON.stringify(errors.map((e) => e.message))})`);
}

// Every scenario the project ships, opened with the modeline as `treatysim new` writes it.
const schemaPath = join(root, 'docs', 'scenario.schema.json');
function scenariosUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { return scenariosUnder(path); }
    return name.endsWith('.yaml') ? [path] : [];
  });
}
const modeline = `# yaml-language-server: $schema=${pathToFileURL(schemaPath).href}\n`;
for (const file of scenariosUnder(join(root, 'scenarios'))) {
  const errors = await errorsOf(open(file, modeline + readFileSync(file, 'utf8')));
  check(errors.length === 0, `${file}: no errors (got ${JSON.stringify(errors.map((e) => e.message))})`);
}

// A mistake is underlined on its line.
const scratch = join(exercises, 'scratch.yaml');
for (const [what, body, line] of [
  ['an unknown action', 'title: t\nevents:\n  - on: 2027-03-01\n    do: give_notise\n', 4],
  ['a misspelled key', 'title: t\nevnts:\n  - on: 2027-03-01\n    do: give_notice\n', 2],
  ['a vote without nays', 'title: t\nevents:\n  - on: 2027-03-01\n    do: consent_vote\n    yeas: 67\n', 3],
  ['a field the action does not take', 'title: t\nevents:\n  - on: 2027-03-01\n    do: give_notice\n    yeas: 3\n', 5],
]) {
  const errors = await errorsOf(open(scratch, modeline + body));
  // The modeline is line 0, so the body's line N (from 1) is line N of the document
  // (from 0); the underline may start at the event that holds the mistake.
  const covers = (e) => e.range.start.line <= line && line <= e.range.end.line;
  check(errors.some(covers), `${what}: an error covering line ${line} (got ${JSON.stringify(errors.map((e) => [e.range.start.line, e.range.end.line, e.message]))})`);
}

// Completion after `do:` offers the actions, each with its meaning.
const partial = open(scratch, modeline + 'title: t\nevents:\n  - on: 2027-03-01\n    do: \n');
const list = await service.doComplete(partial, position(partial, 'do: ', 4), false);
const labels = list.items.map((i) => i.label);
for (const action of ['give_notice', 'consent_vote', 'override', 'file_suit']) {
  check(labels.includes(action), `completion after do: offers ${action} (got ${labels.join(', ')})`);
}
const notice = list.items.find((i) => i.label === 'give_notice');
const doc = notice && (typeof notice.documentation === 'string' ? notice.documentation : notice.documentation?.value);
check(doc && doc.includes('notice of withdrawal'), `give_notice's completion explains it (got ${JSON.stringify(doc)})`);

// Completion of other words: plaintiffs, each with what standing it has.
const suing = open(scratch, modeline + 'title: t\nevents:\n  - on: 2027-03-01\n    do: file_suit\n    case: c\n    plaintiff: \n');
const plaintiffs = await service.doComplete(suing, position(suing, 'plaintiff: ', 11), false);
const senator = plaintiffs.items.find((i) => i.label === 'senator');
const senatorDoc = senator && (typeof senator.documentation === 'string' ? senator.documentation : senator.documentation?.value);
check(plaintiffs.items.some((i) => i.label === 'service_member'), `completion after plaintiff: offers service_member (got ${plaintiffs.items.map((i) => i.label).join(', ')})`);
check(senatorDoc && senatorDoc.includes("injury to the senator's vote"), `senator's completion explains the injury it claims (got ${JSON.stringify(senatorDoc)})`);

// Hover over a value and over a key shows the schema's description.
const story = open(join(exercises, '1-make-it-lawful.yaml'));
const onAction = hoverText(await service.doHover(story, position(story, 'give_notice', 3)));
check(onAction.includes("after the treaty's notice period"), `hover on give_notice (got ${JSON.stringify(onAction)})`);
const onKey = hoverText(await service.doHover(story, position(story, 'until:', 2)));
check(onKey.includes('The clock runs to this date'), `hover on until (got ${JSON.stringify(onKey)})`);
const onExpect = hoverText(await service.doHover(story, position(story, 'lawful: true', 2)));
check(onExpect.includes('no violation stands'), `hover on lawful (got ${JSON.stringify(onExpect)})`);

const bill = open(join(exercises, '3-override-the-veto.yaml'));
for (const [needle, offset, wanted] of [
  ['yeas: 250', 1, 'Votes in favour'],
  ['yeas: 250', 7, 'Votes in favour'],
  // On `do:` the language server shows the meaning of the action given.
  ['do: introduce', 1, 'A bill or joint resolution is introduced'],
  ['do: introduce', 6, 'A bill or joint resolution is introduced'],
  ['chamber: house', 2, 'The chamber that acts'],
  ['chamber: house', 10, 'The House of Representatives'],
  ['purpose: authorize_withdrawal', 12, 'the Act-of-Congress route'],
  ['hr-1: enacted', 8, 'The bill is law'],
]) {
  const shown = hoverText(await service.doHover(bill, position(bill, needle, offset)));
  check(shown.includes(wanted), `hover on "${needle}" at ${offset} shows "${wanted}" (got ${JSON.stringify(shown)})`);
}

if (failures.length > 0) {
  console.error(`${failures.length} of ${checks} editor checks failed`);
  process.exit(1);
}
console.log(`editor: ${checks} checks passed`);
