// Play: the moves possible now as buttons, grouped by who makes them; each consequence
// narrated with its source; a warning before an unlawful move. The server keeps nothing:
// every request sends the moves chosen so far and gets the session replayed.
'use strict';

const $ = (id) => document.getElementById(id);
let chosen = [];
let latest = null;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function pairs(list, a, b) {
  const dl = document.createDocumentFragment();
  for (const item of list) dl.append(el('dt', item[a]), el('dd', item[b]));
  return dl;
}

async function step() {
  const response = await fetch('/api/play', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rulebook: $('rulebook').value, role: $('role').value, moves: chosen }),
  });
  if (response.status === 401) { location.href = '/join'; return; }
  const data = await response.json();
  if (!response.ok) { $('said').replaceChildren(el('p', data.error.message, 'error')); return; }
  latest = data;
  $('date').textContent = `Where things stand on ${data.date}`;
  $('standing').replaceChildren(pairs(data.standing, 'track', 'stage'));
  $('notice').textContent = data.notice ?? '';
  if (data.said.length) {
    const list = el('ol', undefined, 'timeline');
    for (const n of data.said) {
      const li = el('li');
      li.append(el('span', n.date, 'when'), el('p', n.label, 'who'), el('p', n.text));
      for (const b of n.breaches) li.append(el('p', `Breaks ${b.id}: ${b.title}`, 'breach'));
      li.append(el('span', `Source: ${n.citation}`, 'cite'));
      list.append(li);
    }
    $('said').replaceChildren(list);
  }
  const groups = new Map();
  for (const m of data.moves) {
    if (!groups.has(m.actor)) groups.set(m.actor, []);
    groups.get(m.actor).push(m);
  }
  const moves = document.createDocumentFragment();
  for (const [actor, list] of groups) {
    const box = el('fieldset', undefined, 'moves');
    box.append(el('legend', actor));
    for (const m of list) {
      const button = el('button', m.label, m.breaches.length ? 'quiet unlawful' : 'quiet');
      button.type = 'button';
      button.dataset.index = String(m.index);
      if (m.breaches.length) button.title = `Unlawful: breaks ${m.breaches.map((b) => b.id).join(', ')}`;
      button.addEventListener('click', () => choose(m));
      box.append(button);
    }
    moves.append(box);
  }
  $('moves').replaceChildren(moves);
  $('outcome').replaceChildren(pairs(data.outcome, 'label', 'value'));
  document.body.dataset.turn = String(chosen.length);
}

function choose(move) {
  if (move.breaches.length) {
    const what = move.breaches.map((b) => `${b.id} (${b.title})`).join('; ');
    if (!window.confirm(`This is unlawful: it breaks ${what}. Do it anyway?`)) return;
  }
  chosen.push(move.index);
  step();
}

async function main() {
  const books = await fetch('/api/rulebooks').then((r) => (r.ok ? r.json() : []));
  for (const id of books) {
    const option = el('option', id);
    option.value = id;
    $('rulebook').append(option);
  }
  for (const id of ['rulebook', 'role']) $(id).addEventListener('change', () => { chosen = []; step(); });
  $('restart').addEventListener('click', () => { chosen = []; step(); });
  $('keep').addEventListener('click', async () => {
    if (!latest) return;
    const response = await fetch('/api/work/practice', { method: 'PUT', body: latest.scenario });
    $('kept').textContent = response.ok
      ? 'Saved as your Practice scenario: open the editor to see it run.'
      : 'Only a student who joined the class can keep a story.';
  });
  await step();
}

main();
