// The review queue: GET /v1/admin/conflicts, decided with POST /v1/admin/conflicts/{id}/resolve.
import { api, esc, markReady } from './api.js';

const body = document.querySelector('#conflicts tbody');
const status = document.getElementById('conflict-status');

async function load() {
  const items = await api('GET', '/v1/admin/conflicts?state=open&limit=1000');
  status.textContent = items.length === 0 ? 'nothing waits for a decision' : `${items.length} open`;
  body.replaceChildren(...items.map(row));
}

function row(c) {
  const tr = document.createElement('tr');
  tr.dataset.id = String(c.id);
  tr.innerHTML = `<td>${esc(c.recordId)} <small>${esc(c.recordType)}</small></td>
    <td>${esc(c.field)}</td><td>${esc(c.userId)}<br><small>${esc(c.deviceId)}</small></td>
    <td class="value">${esc(c.base)}</td><td class="value mine">${esc(c.mine)}</td>
    <td class="value theirs">${esc(c.theirs)}</td><td>${esc(c.reason)}</td>
    <td><time>${esc(c.createdAt)}</time></td>
    <td class="decide">
      <button data-keep="mine">Keep mine</button>
      <button data-keep="theirs">Keep theirs</button>
      <input aria-label="third value" placeholder="another value">
      <button data-keep="value">Keep this</button>
    </td>`;
  for (const button of tr.querySelectorAll('button')) {
    button.addEventListener('click', () => decide(c, button.dataset.keep, tr.querySelector('input').value));
  }
  return tr;
}

async function decide(c, keep, value) {
  try {
    await api('POST', `/v1/admin/conflicts/${c.id}/resolve`,
      keep === 'value' ? { keep, value } : { keep });
    status.textContent = `${c.recordId} ${c.field}: kept ${keep === 'value' ? 'the value given' : keep}`;
    await load();
  } catch (error) {
    status.textContent = `not resolved: ${error.message}`;
    status.className = 'status bad';
  }
}

await load();
markReady();
