// The teacher's page: the class code, every student's hand-ins with the feedback
// `treatysim test --exercise` gives, and the gradebook as CSV.
'use strict';

const $ = (id) => document.getElementById(id);

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

async function load() {
  const response = await fetch('/api/class');
  if (response.status === 401) { $('login').hidden = false; $('class').hidden = true; $('code').focus(); return false; }
  const data = await response.json();
  $('login').hidden = true; $('class').hidden = false; $('csv').hidden = false;
  $('address').textContent = data.address;
  $('classcode').textContent = data.class_code;
  $('count').textContent = `${data.students} student${data.students === 1 ? '' : 's'} joined.`;
  const rows = [];
  for (const h of data.handins) {
    const tr = document.createElement('tr');
    const feedback = cell('');
    if (h.first_problem) feedback.append(document.createTextNode(h.first_problem));
    if (h.feedback && h.result !== 'pass') {
      const pre = document.createElement('pre'); pre.className = 'feedback'; pre.textContent = h.feedback;
      feedback.append(pre);
    }
    tr.append(cell(h.student), cell(h.exercise), cell(h.result, h.result === 'pass' ? 'pass' : h.result === 'error' ? 'errorcell' : 'fail'), feedback);
    rows.push(tr);
  }
  if (!rows.length) {
    const tr = document.createElement('tr');
    const td = cell('Nothing handed in yet.'); td.colSpan = 4; tr.append(td); rows.push(tr);
  }
  $('rows').replaceChildren(...rows);
  return true;
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/teacher/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: $('code').value.trim() }),
  });
  if (response.ok) { await load(); } else {
    const answer = await response.json().catch(() => ({}));
    $('problem').textContent = answer.error?.message ?? `The server said ${response.status}.`;
  }
});

load().then(() => setInterval(() => { if (!$('class').hidden) load(); }, 10000));
