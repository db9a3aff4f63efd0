// The student's page: the scenario editor, and beside it the outcome, the timeline and the
// diagram, all updated as the student types. Every change is saved to the class folder;
// "Hand in" submits the exercise for grading. Text from the server is always set with
// textContent (never parsed as HTML), except the diagram, an SVG the server drew itself.
'use strict';

const $ = (id) => document.getElementById(id);
let view = null;            // the CodeMirror editor
let current = null;         // the exercise (or practice) being worked on
let rulebook = '';          // '' = the scenario's own rulebook
const latencies = [];       // ms from a change to its result shown (read by the tests)
window.treatysimLatencies = latencies;

async function call(method, url, body, type = 'text/yaml') {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': type },
    body,
  });
  if (response.status === 401) { location.href = '/'; throw new Error('signed out'); }
  const isJson = (response.headers.get('Content-Type') || '').includes('json');
  const data = isJson ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, data };
}

// Runs at most one request at a time for a given job; a change made meanwhile is sent as
// soon as the one under way is answered (only the newest text matters).
function coalesce(job) {
  let running = false;
  let queued = null;
  return async function go(arg) {
    if (running) { queued = arg; return; }
    running = true;
    try { await job(arg); } finally {
      running = false;
      if (queued !== null) { const next = queued; queued = null; go(next); }
    }
  };
}

const runLive = coalesce(async ({ text, since }) => {
  const query = rulebook ? `?rulebook=${encodeURIComponent(rulebook)}` : '';
  const answer = await call('POST', `/api/view${query}`, text);
  if (answer.ok) showRun(answer.data); else showError(answer.data.error);
  latencies.push(performance.now() - since);
  window.treatysimShown = text;   // what the results now shown are of (read by the tests)
  document.body.dataset.updates = String(latencies.length);
});

const save = coalesce(async (text) => {
  $('saved').textContent = 'Saving…';
  const answer = await call('PUT', `/api/work/${encodeURIComponent(current.id)}`, text);
  $('saved').textContent = answer.ok ? 'Saved' : `Not saved: ${answer.data.error?.message ?? answer.status}`;
});

function changed(text) {
  runLive({ text, since: performance.now() });
  save(text);
}

function showError(error) {
  TreatysimEditor.showError(view, error);
  $('problem').replaceChildren();
  const where = error.line ? `Line ${error.line}, column ${error.column}: ` : '';
  const head = document.createElement('p');
  head.className = 'error';
  head.textContent = where + error.message;
  $('problem').append(head);
  if (error.help) {
    const help = document.createElement('p');
    help.className = 'hint';
    help.textContent = `Try: ${error.help}`;
    $('problem').append(help);
  }
  const card = $('outcome');
  card.className = 'card outcome broken';
  card.replaceChildren(heading('Your scenario does not run yet'), para('Fix the problem under the editor; the red mark shows where. The timeline and the diagram (greyed) are from the last time it ran.'));
  $('timeline').classList.add('stale');
  $('diagram').classList.add('stale');
}

function heading(text) { const h = document.createElement('h2'); h.textContent = text; return h; }
function para(text, cls) { const p = document.createElement('p'); p.textContent = text; if (cls) p.className = cls; return p; }

function showRun({ run, rows, svg }) {
  TreatysimEditor.showError(view, null);
  $('problem').replaceChildren();
  const card = $('outcome');
  card.className = `card outcome ${run.outcome.lawful ? 'lawful' : 'unlawful'}`;
  const list = document.createElement('dl');
  for (const row of rows) {
    const dt = document.createElement('dt'); dt.textContent = row.label;
    const dd = document.createElement('dd'); dd.textContent = row.value;
    if (row.tone === 'bad') dd.className = 'error';
    list.append(dt, dd);
  }
  card.replaceChildren(heading(run.title), list);
  const steps = document.createElement('ol');
  steps.className = 'timeline';
  for (const step of run.trace) {
    const li = document.createElement('li');
    const when = document.createElement('span'); when.className = 'when'; when.textContent = step.on;
    const who = document.createElement('span'); who.className = 'who'; who.textContent = ` · ${step.actor}`;
    const what = para(step.note);
    li.append(when, who, what);
    if (step.violations.length) li.append(para(`Breaks ${step.violations.join(', ')}`, 'breach'));
    const cite = document.createElement('span'); cite.className = 'cite'; cite.textContent = `Source: ${step.citation}`;
    li.append(cite);
    steps.append(li);
  }
  $('timeline').replaceChildren(steps);
  $('diagram').innerHTML = svg;
  $('timeline').classList.remove('stale');
  $('diagram').classList.remove('stale');
}

async function open(item) {
  current = item;
  $('submit').hidden = item.kind !== 'exercise';
  $('intro').textContent = item.kind === 'exercise'
    ? `${item.title}. Read the instructions at the top of the file, edit, then press "Hand in".`
    : 'Practice: write any scenario. Nothing here is graded.';
  $('grade').textContent = '';
  const answer = await call('GET', `/api/work/${encodeURIComponent(item.id)}`);
  TreatysimEditor.setText(view, answer.data);
}

function tabs() {
  const list = [...document.querySelectorAll('[role=tab]')];
  const select = (tab) => {
    for (const t of list) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
  };
  for (const [i, tab] of list.entries()) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight') select(list[(i + 1) % list.length]);
      if (e.key === 'ArrowLeft') select(list[(i + list.length - 1) % list.length]);
    });
  }
}

// The scenario schema with each `$ref` (and each one-element `allOf`, schemars' way of
// giving a reference its own description) replaced by what it refers to, and each
// optional part by the part: the editor's schema library completes keys and values
// inside nested mappings and lists only from such plain schemas.
function inlined(schema) {
  const defs = schema.definitions || {};
  const walk = (node, depth) => {
    if (Array.isArray(node)) return node.map((n) => walk(n, depth));
    if (!node || typeof node !== 'object') return node;
    let out = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'definitions') out[k] = walk(v, depth);
    const target = (ref) => walk(defs[ref.split('/').pop()] ?? {}, depth + 1);
    if (depth < 16 && Array.isArray(out.allOf) && out.allOf.length === 1) {
      const [only] = out.allOf;
      delete out.allOf;
      out = { ...(only.$ref ? target(only.$ref) : only), ...out };
    }
    if (depth < 16 && typeof out.$ref === 'string') {
      const { $ref, ...rest } = out;
      out = { ...target($ref), ...rest };
    }
    // An optional part (`anyOf: [part, null]`) is offered as the part.
    if (Array.isArray(out.anyOf)) {
      const real = out.anyOf.filter((a) => !(a && a.type === 'null'));
      if (real.length === 1 && real.length < out.anyOf.length) {
        const { anyOf, ...rest } = out;
        out = { ...real[0], ...rest };
      }
    }
    return out;
  };
  return walk(schema, 0);
}

function fill(select, items, chosen) {
  for (const item of items) {
    const option = document.createElement('option');
    option.value = item.id; option.textContent = item.label;
    if (item.id === chosen) option.selected = true;
    select.append(option);
  }
}

async function main() {
  const me = (await call('GET', '/api/me')).data;
  const schema = inlined((await call('GET', '/api/schema')).data);
  $('who').textContent = me.name;
  fill($('exercise'), me.work.map((w) => ({ id: w.id, label: w.title })), me.work[0].id);
  const books = me.rulebooks.map((r) => ({ id: r, label: r }));
  fill($('rulebook'), [{ id: '', label: "The scenario's own rulebook" }, ...books], '');
  fill($('compare-a'), books, 'us-nato-2024');
  fill($('compare-b'), books, 'as-reported-60');
  view = TreatysimEditor.create($('editor'), '', schema, changed, 'Your scenario (YAML)');
  tabs();
  $('exercise').addEventListener('change', () => open(me.work.find((w) => w.id === $('exercise').value)));
  $('rulebook').addEventListener('change', () => { rulebook = $('rulebook').value; changed(view.state.doc.toString()); });
  $('submit').addEventListener('click', async () => {
    $('grade').textContent = 'Checking…';
    const answer = await call('POST', `/api/submit/${encodeURIComponent(current.id)}`, view.state.doc.toString());
    if (!answer.ok) { $('grade').textContent = answer.data.error?.message ?? String(answer.status); return; }
    const g = answer.data;
    $('grade').replaceChildren(para(g.result === 'pass'
      ? 'Handed in. It passes: well done.'
      : `Handed in. Not yet: ${g.first_problem || g.result}`, g.result === 'pass' ? 'pass' : 'fail'));
    if (g.feedback && g.result !== 'pass') {
      const pre = document.createElement('pre'); pre.className = 'feedback'; pre.textContent = g.feedback;
      $('grade').append(pre);
    }
  });
  $('compare-go').addEventListener('click', async () => {
    const q = `?a=${encodeURIComponent($('compare-a').value)}&b=${encodeURIComponent($('compare-b').value)}`;
    const answer = await call('POST', `/api/compare${q}`, view.state.doc.toString());
    $('compare-out').textContent = answer.ok ? answer.data.text : answer.data.error.message;
  });
  let suggestion = null;
  $('why-go').addEventListener('click', async () => {
    $('why-out').textContent = 'Trying every single change…';
    const query = rulebook ? `?rulebook=${encodeURIComponent(rulebook)}` : '';
    const answer = await call('POST', `/api/why${query}`, view.state.doc.toString());
    if (!answer.ok) { $('why-out').textContent = answer.data.error.message; return; }
    suggestion = answer.data.change;
    $('why-out').textContent = suggestion
      ? `${suggestion.sentence}, it would end ${suggestion.outcome} instead (of ${answer.data.tried} changes tried).`
      : `None of the ${answer.data.tried} single changes tried gives another ending.`;
    $('why-apply').hidden = !suggestion;
  });
  $('why-apply').addEventListener('click', () => {
    if (suggestion) TreatysimEditor.setText(view, suggestion.yaml);
    $('why-apply').hidden = true;
  });
  await open(me.work[0]);
}

main();
