// Reps: GET /v1/admin/reps; territories with PUT /v1/users/{id}/territories; device budgets from
// GET /v1/budgets, set with PUT and removed with DELETE /v1/budgets/roles/{role} and
// /v1/budgets/users/{id}; the manifest summary from GET /v1/users/{id}/preview; devices from
// GET /v1/admin/devices and revoked with POST /v1/admin/devices/{id}/revoke; the hit rate over
// time from GET /v1/admin/users/{id}/hit-rate.
import { api, esc, markReady } from './api.js';

const body = document.querySelector('#reps tbody');
const detail = document.getElementById('rep-detail');
const status = document.getElementById('rep-status');
const roleBudgets = document.getElementById('role-budgets');
const MIB = 1024 * 1024;
// What the device agent asks for unless enrolled with --budget.
const AGENT_DEFAULT = 256 * MIB;

function say(text, bad = false) {
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

const mb = (bytes) => (bytes / MIB).toLocaleString('en', { maximumFractionDigits: bytes < MIB ? 2 : 1 });

/** The bytes in a megabytes field; throws naming the field when it holds no positive number. */
function bytesOf(input) {
  const value = Number(input.value.trim());
  if (!input.value.trim() || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${input.getAttribute('aria-label')} must be a number of MB > 0, was '${input.value}'`);
  }
  return Math.round(value * MIB);
}

const [reps, loadedBudgets] = await Promise.all([api('GET', '/v1/admin/reps'), api('GET', '/v1/budgets')]);
let budgets = loadedBudgets;
const byId = new Map(reps.map((r) => [r.id, r]));
const roles = [...new Set([...reps.map((r) => r.role), ...Object.keys(budgets.roles)])].sort();

/** The rep's budget and where it comes from. */
function budgetOf(rep) {
  if (budgets.users[rep.id] !== undefined) {
    return { bytes: budgets.users[rep.id], from: 'own' };
  }
  if (budgets.roles[rep.role] !== undefined) {
    return { bytes: budgets.roles[rep.role], from: `role ${rep.role}` };
  }
  return { from: 'none' };
}

function budgetCell(rep) {
  const b = budgetOf(rep);
  const own = budgets.users[rep.id];
  return `<input class="budget" size="6" aria-label="budget of ${esc(rep.id)} in MB"
      value="${own === undefined ? '' : esc(mb(own))}" placeholder="${b.from === 'none' ? 'none' : esc(mb(b.bytes))}">
    <button class="set-budget">Set</button>${own === undefined ? '' : '<button class="clear-budget">Clear</button>'}
    <br><small class="budget-from">${b.from === 'none' ? 'what the device asks' : `${esc(mb(b.bytes))} MB (${esc(b.from)})`}</small>`;
}

function drawRoleBudgets() {
  roleBudgets.innerHTML = roles.map((role) => {
    const set = budgets.roles[role];
    return `<span class="role-budget" data-role="${esc(role)}"><label>${esc(role)}
      <input class="budget" size="6" aria-label="budget of role ${esc(role)} in MB"
        value="${set === undefined ? '' : esc(mb(set))}" placeholder="none"></label> MB
      <button class="set-role">Set</button>${set === undefined ? '' : '<button class="clear-role">Clear</button>'}</span>`;
  }).join(' ');
}

function drawRows() {
  // One string for all rows and one listener for all buttons: 200 reps, drawn at once.
  body.innerHTML = reps.map((r) => `<tr data-id="${esc(r.id)}"><td>${esc(r.name)}<br><small>${esc(r.id)}</small></td>
      <td>${esc(r.role)}</td><td>${esc(r.teamId)}</td>
      <td><input class="territories" aria-label="territories of ${esc(r.id)}"
        value="${esc(r.territoryIds.join(', '))}"><button class="assign">Assign</button></td>
      <td class="budget-cell">${budgetCell(r)}</td>
      <td><button class="open">Manifest and devices</button></td></tr>`).join('');
}

roleBudgets.addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) {
    return;
  }
  const span = button.closest('.role-budget');
  const role = span.dataset.role;
  const path = `/v1/budgets/roles/${encodeURIComponent(role)}`;
  try {
    if (button.classList.contains('clear-role')) {
      budgets = await api('DELETE', path);
      say(`role ${role} has no device budget: its devices get what they ask for`);
    } else {
      budgets = await api('PUT', path, { bytes: bytesOf(span.querySelector('input')) });
      say(`role ${role}: devices are served at most ${mb(budgets.roles[role])} MB`);
    }
    drawRoleBudgets();
    drawRows();
  } catch (error) {
    say(`budget not changed: ${error.message}`, true);
  }
});

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
  if (button.classList.contains('set-budget') || button.classList.contains('clear-budget')) {
    const path = `/v1/budgets/users/${encodeURIComponent(r.id)}`;
    try {
      if (button.classList.contains('clear-budget')) {
        budgets = await api('DELETE', path);
        say(`${r.id} has no budget of their own`);
      } else {
        budgets = await api('PUT', path, { bytes: bytesOf(tr.querySelector('.budget')) });
        say(`${r.id}: devices are served at most ${mb(budgets.users[r.id])} MB`);
      }
      tr.querySelector('.budget-cell').innerHTML = budgetCell(r);
    } catch (error) {
      say(`budget not changed: ${error.message}`, true);
    }
    return;
  }
  const ids = tr.querySelector('.territories').value.split(',').map((t) => t.trim()).filter(Boolean);
  try {
    const answer = await api('PUT', `/v1/users/${encodeURIComponent(r.id)}/territories`, ids);
    r.territoryIds = answer.territoryIds;
    say(`${r.id} now has ${answer.territoryIds.length} territories`);
  } catch (error) {
    say(`not assigned: ${error.message}`, true);
  }
});

/** Daily hit rate as bars (height the rate, none on days without telemetry), with counts on hover. */
function hitRateChart(history) {
  const w = 16;
  const h = 80;
  const bars = history.days.map((d, i) => {
    const n = d.hits + d.misses;
    const x = i * w;
    if (n === 0) {
      return `<rect x="${x + 2}" y="${h - 1}" width="${w - 4}" height="1" fill="#d0d7de"><title>${esc(d.day)}: no telemetry</title></rect>`;
    }
    const rate = d.hits / n;
    return `<rect class="day" x="${x + 2}" y="${h - rate * h}" width="${w - 4}" height="${rate * h}" fill="#1f6feb">
      <title>${esc(d.day)}: ${(100 * rate).toFixed(0)}% (${d.hits} hits, ${d.misses} misses)</title></rect>`;
  }).join('');
  const width = history.days.length * w;
  return `<svg class="hit-rate" role="img" aria-label="hit rate per day" width="${width}" height="${h + 16}"
      viewBox="0 0 ${width} ${h + 16}"><line x1="0" y1="${h}" x2="${width}" y2="${h}" stroke="#656d76"/>
    <line x1="0" y1="0" x2="${width}" y2="0" stroke="#eee"/>${bars}
    <text x="0" y="${h + 13}" font-size="10">${esc(history.days[0]?.day ?? '')}</text>
    <text x="${width}" y="${h + 13}" font-size="10" text-anchor="end">${esc(history.days.at(-1)?.day ?? '')}</text></svg>`;
}

function hitRateSection(history) {
  if (history.error) {
    return `<p class="bad">${esc(history.error)}</p>`;
  }
  const hits = history.days.reduce((s, d) => s + d.hits, 0);
  const misses = history.days.reduce((s, d) => s + d.misses, 0);
  if (hits + misses === 0) {
    return `<p>No telemetry in the last ${history.days.length} days (${esc(history.timezone)}).</p>`;
  }
  return `<p>${(100 * hits / (hits + misses)).toFixed(1)}% of ${hits + misses} records opened were on
    the device over the last ${history.days.length} days (days in ${esc(history.timezone)}; 100% at the top).</p>
    ${hitRateChart(history)}`;
}

function manifestSection(preview, asked) {
  if (preview.error) {
    return `<p class="bad">${esc(preview.error)}</p>`;
  }
  const served = preview.budget < asked ? `, served ${mb(preview.budget)} MB under the rep's budget` : '';
  return `<p>${esc(preview.entries)} records (${esc(preview.guaranteed)} guaranteed, ${esc(preview.predicted)} predicted),
      ${mb(preview.bytes)} MB for a device asking ${mb(asked)} MB${served}; day ${esc(preview.day)};
      selected by ${esc(preview.selector)}${preview.modelId ? ` (model ${esc(preview.modelId)})` : ''}${preview.expectedHitRate === undefined ? '' :
        `; expected hit rate ${(100 * preview.expectedHitRate).toFixed(1)}%`}</p>
    <table class="grid"><thead><tr><th>Type</th><th>Records</th><th>MB</th></tr></thead><tbody>
    ${Object.keys(preview.bytesByType).map((t) => `<tr><td>${esc(t)}</td>
      <td>${esc(preview.entriesByType[t] ?? '')}</td>
      <td>${mb(preview.bytesByType[t])}</td></tr>`).join('')}</tbody></table>
    <details><summary>Why: the first ${preview.top.length} in download order</summary>
    <table class="grid"><thead><tr><th>Record</th><th>Type</th><th>Tier</th><th>Score</th><th>Why</th></tr></thead><tbody>
    ${preview.top.map((e) => `<tr><td>${esc(e.title || e.recordId)}<br><small>${esc(e.recordId)}</small></td>
      <td>${esc(e.type)}</td><td>${esc(e.tier)}</td><td>${e.score.toFixed(3)}</td><td>${esc(e.reason)}</td></tr>`).join('')}
    </tbody></table></details>
    ${preview.notFitted.length ? `<p class="bad">${preview.notFitted.length} guaranteed records did not fit the budget</p>` : ''}`;
}

async function show(rep) {
  detail.innerHTML = `<h2>${esc(rep.name)}</h2><p>loading…</p>`;
  const b = budgetOf(rep);
  const asked = b.from === 'none' ? AGENT_DEFAULT : Math.max(b.bytes, 1);
  const id = encodeURIComponent(rep.id);
  const [preview, devices, history] = await Promise.all([
    api('GET', `/v1/users/${id}/preview?budget=${asked}`).catch((e) => ({ error: e.message })),
    api('GET', `/v1/admin/devices?userId=${id}`),
    api('GET', `/v1/admin/users/${id}/hit-rate?days=28`).catch((e) => ({ error: e.message })),
  ]);
  detail.innerHTML = `<h2>${esc(rep.name)} <small>${esc(rep.id)}</small></h2>
    <p>Device budget: ${b.from === 'none' ? 'none set (each device gets what it asks for)' : `${mb(b.bytes)} MB (${esc(b.from)})`}</p>
    <h3>Tonight's manifest</h3>${manifestSection(preview, asked)}
    <h3>Hit rate over time</h3>${hitRateSection(history)}
    <h3>Devices</h3><table class="grid" id="devices"><thead><tr><th>Device</th><th>Platform</th><th>Enrolled</th>
    <th>Last sync</th><th>State</th><th></th></tr></thead><tbody>${devices.map((d) => `<tr data-device="${esc(d.deviceId)}">
      <td>${esc(d.name)}<br><small>${esc(d.deviceId)}</small></td><td>${esc(d.platform)}</td>
      <td>${esc(d.createdAt)}</td>
      <td class="last-sync">${d.lastSyncAt ? `${esc(d.lastSyncAt)}<br><small>served ${mb(d.lastBudget ?? 0)} MB</small>` : 'never'}</td>
      <td>${d.revokedAt ? `revoked ${esc(d.revokedAt)}` : 'active'}</td>
      <td>${d.revokedAt ? '' : '<button class="revoke">Revoke</button>'}</td></tr>`).join('')}</tbody></table>`;
  for (const button of detail.querySelectorAll('.revoke')) {
    const deviceId = button.closest('tr').dataset.device;
    button.addEventListener('click', async () => {
      try {
        await api('POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`);
        say(`device ${deviceId} revoked`);
        await show(rep);
      } catch (error) {
        say(`not revoked: ${error.message}`, true);
      }
    });
  }
}

drawRoleBudgets();
drawRows();
markReady();
