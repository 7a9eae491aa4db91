// Reps: GET /v1/admin/reps; territories with PUT /v1/users/{id}/territories; the manifest summary
// from GET /v1/users/{id}/preview; devices from GET /v1/admin/devices and revoked with
// POST /v1/admin/devices/{id}/revoke.
import { api, esc } from './api.js';

const body = document.querySelector('#reps tbody');
const detail = document.getElementById('rep-detail');
const status = document.getElementById('rep-status');
const MIB = 1024 * 1024;

function say(text, bad = false) {
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

const reps = await api('GET', '/v1/admin/reps');
const byId = new Map(reps.map((r) => [r.id, r]));
// One string for all rows and one listener for all buttons: 200 reps, drawn at once.
body.innerHTML = reps.map((r) => `<tr data-id="${esc(r.id)}"><td>${esc(r.name)}<br><small>${esc(r.id)}</small></td>
    <td>${esc(r.role)}</td><td>${esc(r.teamId)}</td>
    <td><input class="territories" aria-label="territories of ${esc(r.id)}"
      value="${esc(r.territoryIds.join(', '))}"><button class="assign">Assign</button></td>
    <td><button class="open">Manifest and devices</button></td></tr>`).join('');
body.addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) {
    return;
  }
  const tr = button.closest('tr');
  const r = byId.get(tr.dataset.id);
  if (button.classList.contains('open')) {
    await show(r);
    return;
  }
  const ids = tr.querySelector('.territories').value.split(',').map((t) => t.trim()).filter(Boolean);
  try {
    const answer = await api('PUT', `/v1/users/${encodeURIComponent(r.id)}/territories`, ids);
    say(`${r.id} now has ${answer.territoryIds.length} territories`);
  } catch (error) {
    say(`not assigned: ${error.message}`, true);
  }
});

async function show(rep) {
  detail.innerHTML = `<h2>${esc(rep.name)}</h2><p>loading…</p>`;
  const [preview, devices] = await Promise.all([
    api('GET', `/v1/users/${encodeURIComponent(rep.id)}/preview?budget=${256 * MIB}`).catch((e) => ({ error: e.message })),
    api('GET', `/v1/admin/devices?userId=${encodeURIComponent(rep.id)}`),
  ]);
  const types = preview.error ? `<p class="bad">${esc(preview.error)}</p>` :
    `<p>${esc(preview.entries ?? '')} records (${esc(preview.guaranteed)} guaranteed, ${esc(preview.predicted)} predicted), ${((preview.bytes ?? 0) / MIB).toFixed(1)} MB for a
      256 MB device; ${esc(preview.selector ?? '')}</p>
    <table class="grid"><thead><tr><th>Type</th><th>Records</th><th>MB</th></tr></thead><tbody>
    ${Object.keys(preview.bytesByType ?? {}).map((t) => `<tr><td>${esc(t)}</td>
      <td>${esc(preview.entriesByType?.[t] ?? '')}</td>
      <td>${(preview.bytesByType[t] / MIB).toFixed(2)}</td></tr>`).join('')}</tbody></table>`;
  detail.innerHTML = `<h2>${esc(rep.name)} <small>${esc(rep.id)}</small></h2><h3>Tonight's manifest</h3>${types}
    <h3>Devices</h3><table class="grid"><thead><tr><th>Device</th><th>Platform</th><th>Enrolled</th>
    <th>State</th><th></th></tr></thead><tbody>${devices.map((d) => `<tr data-device="${esc(d.deviceId)}">
      <td>${esc(d.name)}<br><small>${esc(d.deviceId)}</small></td><td>${esc(d.platform)}</td>
      <td>${esc(d.createdAt)}</td><td>${d.revokedAt ? `revoked ${esc(d.revokedAt)}` : 'active'}</td>
      <td>${d.revokedAt ? '' : '<button class="revoke">Revoke</button>'}</td></tr>`).join('')}</tbody></table>`;
  for (const button of detail.querySelectorAll('.revoke')) {
    const id = button.closest('tr').dataset.device;
    button.addEventListener('click', async () => {
      try {
        await api('POST', `/v1/admin/devices/${encodeURIComponent(id)}/revoke`);
        say(`device ${id} revoked`);
        await show(rep);
      } catch (error) {
        say(`not revoked: ${error.message}`, true);
      }
    });
  }
}

document.body.dataset.ready = 'true';
