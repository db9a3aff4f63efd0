// The join page: the class code (filled in from a link's ?code=) and the student's name.
const form = document.getElementById('join');
const problem = document.getElementById('problem');
const given = new URLSearchParams(location.search).get('code');
if (given) document.getElementById('code').value = given;
(given ? document.getElementById('name') : document.getElementById('code')).focus();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  problem.textContent = '';
  const body = { code: form.code.value.trim(), name: form.name.value.trim() };
  const response = await fetch('/api/join', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) {
    location.href = '/';
  } else {
    const answer = await response.json().catch(() => ({}));
    problem.textContent = answer.error?.message ?? `The server said ${response.status}.`;
  }
});
