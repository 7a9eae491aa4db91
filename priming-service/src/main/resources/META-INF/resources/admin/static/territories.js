// The territory map: stored territories over a bundled US states layer (no internet basemap),
// accounts as points and reps' homes; drawing, vertex editing, cutting holes and deleting with
// Leaflet-Geoman. Each change is validated by the service as it is made (POST
// /v1/territories:validate, the checks of `bin/primer territory validate`) and its problems are
// shown on the map where they are.
import { api, esc, markReady } from './api.js';
import { PointsLayer } from './points-layer.js';

const panel = document.getElementById('territory-panel');
const problemsList = document.getElementById('problems');
const idInput = document.getElementById('territory-id');
const nameInput = document.getElementById('territory-name');
const saveButton = document.getElementById('save-territory');
const repsInput = document.getElementById('territory-reps');
const status = document.getElementById('territory-status');

// Everything the page draws is asked for at once; each part is drawn as it is needed.
const modelsAnswer = api('GET', '/v1/territory-models');
const statesAnswer = fetch('/admin/vendor/us-atlas/states-10m.json', { credentials: 'include' })
  .then((r) => r.json());
const pointsAnswer = api('GET', '/v1/admin/map-points');
const reportAnswer = api('GET', '/v1/territories/report');
const liveAnswer = api('GET', '/v1/territories');

// Changes go into a draft territory model; the live territories change only when a draft is
// activated (after its preview). Only a draft is edited, so only then is the editor (Geoman)
// loaded, and before the map is made: it hooks into the map and layers as they are created.
const models = await modelsAnswer;
performance.mark('models');
const draft = models.find((m) => m.state === 'draft') ?? null;
const modelBar = document.getElementById('model-bar');
if (draft) {
  await loadEditor();
}

const map = L.map('map', { zoomSnap: 0.25, attributionControl: false });
// The states' outlines and the few coverage marks on one canvas; territories stay SVG, which
// Geoman edits; the thousands of accounts have a canvas layer of their own (PointsLayer).
const pointRenderer = L.canvas({ padding: 0.1 });
const problemLayer = L.layerGroup().addTo(map);
const coverageLayer = L.layerGroup().addTo(map);
let current = null; // the layer being drawn or edited
let validation = 0; // so that a slow answer never overwrites a newer one

const states = await statesAnswer;
performance.mark('states-fetched');
L.geoJSON(topojson.feature(states, states.objects.states), {
  style: { color: '#8a8f98', weight: 1, fill: false },
  interactive: false,
  renderer: pointRenderer,
  pmIgnore: true,
}).addTo(map);

const territoryStyle = { color: '#1f6feb', weight: 2, fillOpacity: 0.12 };
const territories = L.geoJSON(null, {
  style: territoryStyle,
  onEachFeature: (feature, layer) => {
    layer.feature = feature;
    layer.bindTooltip(`${esc(feature.id ?? feature.properties?.id)} ${esc(feature.properties?.name ?? '')}`);
    layer.on('click', () => pick(layer));
    watch(layer);
  },
}).addTo(map);

const stored = draft
  ? await api('GET', `/v1/territory-models/${encodeURIComponent(draft.id)}`)
  : await liveAnswer;
const inDraft = (path) => `/v1/territory-models/${encodeURIComponent(draft.id)}${path}`;
performance.mark('territories-fetched');
territories.addData(stored);
performance.mark('territories-drawn');
if (territories.getLayers().length > 0) {
  map.fitBounds(territories.getBounds(), { padding: [20, 20] });
} else {
  map.fitBounds([[24, -125], [50, -66]]);
}
document.getElementById('territory-count').textContent = String(territories.getLayers().length);
// The view's bounds, for whoever needs to place something on the map from outside (the browser
// drill draws around an account).
const mapElement = document.getElementById('map');
const showBounds = () => { mapElement.dataset.bounds = map.getBounds().toBBoxString(); };
map.on('moveend', showBounds);
showBounds();

const points = await pointsAnswer;
performance.mark('points-fetched');
const accounts = new PointsLayer(points.accounts, { label: (a) => esc(a.name) }).addTo(map);
const homes = new PointsLayer(points.homes, {
  radius: 5, color: '#b35900', weight: 2, fill: 'rgba(179, 89, 0, 0.2)',
  label: (h) => `home of ${esc(h.userName)}`,
}).addTo(map);
L.control.layers(null, { Accounts: accounts, 'Reps\u2019 homes': homes, Coverage: coverageLayer },
  { collapsed: false }).addTo(map);

performance.mark('points-drawn');
showModelBar();
if (draft) map.pm.addControls({
  position: 'topleft',
  drawMarker: false,
  drawCircleMarker: false,
  drawPolyline: false,
  drawCircle: false,
  drawText: false,
  rotateMode: false,
  dragMode: false,
});
// The service is the judge of validity: the map lets a self-intersecting ring be drawn, so that
// the service's problem can be shown where it is.
map.pm?.setGlobalOptions({ allowSelfIntersection: true, snappable: false });

map.on('pm:create', (e) => {
  e.layer.feature = { type: 'Feature', id: '', properties: { name: '' } };
  e.layer.setStyle?.(territoryStyle);
  territories.addLayer(e.layer);
  e.layer.on('click', () => pick(e.layer));
  watch(e.layer);
  select(e.layer);
  idInput.focus();
});
map.on('pm:cut', (e) => {
  // Geoman replaces the cut layer by a new one: it keeps the territory's id and name.
  e.layer.feature = e.originalLayer.feature;
  territories.removeLayer(e.originalLayer);
  territories.addLayer(e.layer);
  e.layer.on('click', () => pick(e.layer));
  watch(e.layer);
  select(e.layer);
});
map.on('pm:remove', async (e) => {
  const id = e.layer.feature?.id;
  territories.removeLayer(e.layer);
  if (current === e.layer) {
    select(null);
  }
  if (id && stored.features.some((f) => f.id === id)) {
    try {
      await api('DELETE', inDraft(`/territories/${encodeURIComponent(id)}`));
      say(`territory ${id} deleted from draft ${draft.id}`);
    } catch (error) {
      say(`could not delete ${id}: ${error.message}`, true);
    }
  }
});

/** A click on a territory selects it, except while a tool is drawing over it. */
function pick(layer) {
  if (!map.pm || (!map.pm.globalDrawModeEnabled() && !map.pm.globalCutModeEnabled()
      && !map.pm.globalRemovalModeEnabled())) {
    select(layer);
  }
}

function watch(layer) {
  for (const event of ['pm:edit', 'pm:vertexadded', 'pm:vertexremoved', 'pm:markerdragend']) {
    layer.on(event, () => {
      if (current === layer) {
        validate();
      }
    });
  }
}

function select(layer) {
  if (current && current !== layer) {
    current.setStyle?.(territoryStyle);
  }
  current = layer;
  problemLayer.clearLayers();
  problemsList.replaceChildren();
  panel.hidden = layer === null;
  if (layer === null) {
    return;
  }
  layer.setStyle?.({ ...territoryStyle, color: '#d97706' });
  idInput.value = layer.feature?.id ?? '';
  idInput.readOnly = Boolean(layer.feature?.id);
  nameInput.value = layer.feature?.properties?.name ?? '';
  repsInput.value = (layer.feature?.properties?.assignedTo ?? []).join(', ');
  for (const input of [idInput, nameInput, repsInput]) {
    input.disabled = !draft;
  }
  validate();
}

function featureOf(layer) {
  const geometry = layer.toGeoJSON().geometry;
  return {
    type: 'Feature',
    id: idInput.value.trim(),
    properties: { id: idInput.value.trim(), name: nameInput.value.trim() },
    geometry,
  };
}

/** Asks the service whether the territory being edited is valid, and shows what it says. */
async function validate() {
  if (!current) {
    return;
  }
  const mine = ++validation;
  const feature = featureOf(current);
  if (!feature.id) {
    feature.id = 'new-territory';
    feature.properties.id = 'new-territory';
  }
  try {
    const answer = await api('POST', '/v1/territories:validate', feature, 'application/geo+json');
    if (mine === validation) {
      showProblems(answer.problems);
      saveButton.disabled = !answer.valid || !draft;
    }
  } catch (error) {
    if (mine === validation) {
      showProblems([{ severity: 'error', code: 'refused', message: error.message }]);
      saveButton.disabled = true;
    }
  }
}

function showProblems(problems) {
  problemLayer.clearLayers();
  problemsList.replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement('li');
      li.className = `problem ${p.severity}`;
      li.dataset.code = p.code;
      li.textContent = `${p.severity} ${p.code}: ${p.message}`;
      return li;
    }));
  if (problems.length === 0) {
    const li = document.createElement('li');
    li.className = 'problem none';
    li.textContent = 'valid: no problems';
    problemsList.append(li);
  }
  for (const p of problems) {
    if (p.lat !== undefined && p.lon !== undefined) {
      L.circleMarker([p.lat, p.lon], {
        radius: 9,
        color: p.severity === 'error' ? '#d1242f' : '#bf8700',
        weight: 3,
        className: 'problem-marker',
        pmIgnore: true,
      }).bindTooltip(esc(p.message), { permanent: true, direction: 'right' }).addTo(problemLayer);
    }
  }
}

saveButton.addEventListener('click', async () => {
  if (!current || !draft) {
    return;
  }
  const feature = featureOf(current);
  if (!feature.id) {
    say('a territory needs an id', true);
    idInput.focus();
    return;
  }
  try {
    const saved = await api('PUT', inDraft(`/territories/${encodeURIComponent(feature.id)}`),
      feature, 'application/geo+json');
    await assignReps(feature.id);
    saved.properties.assignedTo = reps();
    current.feature = saved;
    idInput.readOnly = true;
    if (!stored.features.some((f) => f.id === saved.id)) {
      stored.features.push(saved);
    }
    say(`territory ${saved.id} saved in draft ${draft.id}`);
  } catch (error) {
    if (error.problem?.errors) {
      showProblems(error.problem.errors.map((e) => ({ severity: 'error', code: e.field ?? 'refused', message: e.message ?? e.detail })));
    }
    say(`not saved: ${error.message}`, true);
  }
});

function reps() {
  return repsInput.value.split(',').map((r) => r.trim()).filter(Boolean);
}

/** Gives the territory to the reps in the field and takes it from those no longer there. */
async function assignReps(territoryId) {
  const model = await api('GET', inDraft(''));
  const wanted = new Set(reps());
  const of = new Map();
  for (const f of model.features) {
    for (const user of f.properties.assignedTo ?? []) {
      of.set(user, [...(of.get(user) ?? []), f.properties.id]);
    }
  }
  for (const user of new Set([...wanted, ...of.keys()])) {
    const had = of.get(user) ?? [];
    const has = had.includes(territoryId);
    if (wanted.has(user) !== has) {
      const next = wanted.has(user) ? [...had, territoryId] : had.filter((t) => t !== territoryId);
      await api('PUT', inDraft(`/assignments/${encodeURIComponent(user)}`), next);
    }
  }
}

/** Which model the map shows, and what can be done with it. */
function showModelBar() {
  if (!draft) {
    modelBar.innerHTML = `<p>Showing the <strong>live</strong> territories. Changes go into a draft:
      preview it, then activate it.</p><button id="start-draft">Start a draft</button>`;
    document.getElementById('start-draft').addEventListener('click', async () => {
      await api('POST', '/v1/territory-models', { note: 'drawn on the map' });
      location.reload();
    });
  } else {
    modelBar.innerHTML = `<p>Editing draft <strong id="draft-id">${esc(draft.id)}</strong>
      (by ${esc(draft.createdBy)}, ${esc(draft.createdAt.slice(0, 16).replace('T', ' '))});
      the live territories change when it is activated.</p>
      <button id="preview-draft">Preview</button> <button id="activate-draft">Activate</button>
      <button id="discard-draft">Discard</button>`;
    document.getElementById('preview-draft').addEventListener('click', preview);
    document.getElementById('activate-draft').addEventListener('click', async () => {
      try {
        const archived = await api('POST', inDraft('/activate'));
        say(`draft ${draft.id} is live; what was live is kept as ${archived.id}`);
        location.reload();
      } catch (error) {
        say(`not activated: ${error.message}`, true);
      }
    });
    document.getElementById('discard-draft').addEventListener('click', async () => {
      await api('DELETE', inDraft(''));
      location.reload();
    });
  }
  const archived = models.filter((m) => m.state === 'archived').slice(0, 5);
  if (archived.length > 0) {
    const list = document.createElement('details');
    list.innerHTML = `<summary>Earlier territories (${archived.length})</summary><ul>${archived.map((m) =>
      `<li>${esc(m.id)} <small>${esc(m.note)}, ${esc(m.createdAt.slice(0, 16).replace('T', ' '))},
      ${m.territories} territories</small> <button data-restore="${esc(m.id)}">Restore</button></li>`).join('')}</ul>`;
    modelBar.append(list);
    for (const button of list.querySelectorAll('button[data-restore]')) {
      button.addEventListener('click', async () => {
        await api('POST', `/v1/territory-models/${encodeURIComponent(button.dataset.restore)}/activate`);
        location.reload();
      });
    }
  }
}

/** What the draft would change, rep by rep, computed by the service. */
async function preview() {
  const out = document.getElementById('preview');
  out.innerHTML = '<p>computing the preview…</p>';
  try {
    const p = await api('GET', inDraft('/preview'));
    const mb = (b) => (b / 1048576).toFixed(1);
    const rate = (r) => (r < 0 ? 'no visits' : `${(r * 100).toFixed(0)}%`);
    out.innerHTML = `<h3>Preview <small>${p.reps.length} reps affected, for ${esc(p.day)},
      ${mb(p.budgetBytes)} MB devices, hit rate over ${p.evaluationDays} days (${esc(p.selector)}),
      ${p.millis} ms</small></h3>
      <table class="grid" id="preview-table"><thead><tr><th>Rep</th><th>Accounts</th><th>Records</th>
      <th>MB</th><th>Hit rate</th></tr></thead><tbody>${p.reps.map((r) => `<tr data-user="${esc(r.userId)}">
      <td>${esc(r.name)}<br><small>${esc(r.userId)}</small></td>
      <td>+${r.accountsGainedCount} / −${r.accountsLostCount}</td>
      <td>+${r.recordsGained} / −${r.recordsLost}</td>
      <td>+${mb(r.bytesGained)} / −${mb(r.bytesLost)}</td>
      <td>${rate(r.hitRateBefore)} → ${rate(r.hitRateAfter)}</td></tr>`).join('')}</tbody></table>`;
  } catch (error) {
    out.innerHTML = `<p class="bad">no preview: ${esc(error.message)}</p>`;
  }
}

nameInput.addEventListener('change', validate);
idInput.addEventListener('change', validate);

function say(text, bad = false) {
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

/**
 * Overlaps and gaps of the stored territories, marked on the map where they are and listed (a
 * click on an item shows the place), and the accounts outside every territory, marked and listed.
 */
async function coverage(answer = api('GET', '/v1/territories/report')) {
  const report = await answer;
  coverageLayer.clearLayers();
  const list = document.getElementById('coverage');
  const items = [];
  const item = (text, cls, at) => {
    const li = Object.assign(document.createElement('li'), { textContent: text, className: cls });
    if (at) {
      li.tabIndex = 0;
      li.title = 'show on the map';
      li.addEventListener('click', () => map.setView(at, Math.max(map.getZoom(), 8)));
    }
    items.push(li);
  };
  const km2 = (a) => `${a.toFixed(1)} km\u00b2`;
  for (const o of report.overlaps) {
    const at = o.lat === null || o.lat === undefined ? null : [o.lat, o.lon];
    item(`overlap ${o.first} / ${o.second}: ${km2(o.areaKm2)}`, 'overlap', at);
    if (at) {
      L.circleMarker(at, { radius: 7, color: '#d1242f', weight: 2, fillOpacity: 0.4, pmIgnore: true })
        .bindTooltip(`overlap of ${esc(o.first)} and ${esc(o.second)}: ${km2(o.areaKm2)}`)
        .addTo(coverageLayer);
    }
  }
  if (report.smallerOverlaps > 0) {
    item(`${report.smallerOverlaps} smaller overlaps (under ${report.minAreaKm2} km\u00b2)`, 'overlap');
  }
  for (const g of report.gaps) {
    const at = g.lat === null || g.lat === undefined ? null : [g.lat, g.lon];
    item(`${g.enclosed ? 'enclosed gap' : 'gap'}: ${km2(g.areaKm2)}`, 'gap', at);
    if (at) {
      L.circleMarker(at, { radius: 7, color: '#8250df', weight: 2, pmIgnore: true })
        .bindTooltip(`${g.enclosed ? 'enclosed gap' : 'gap'} of ${km2(g.areaKm2)}`).addTo(coverageLayer);
    }
  }
  if (report.smallerGaps > 0) {
    item(`${report.smallerGaps} smaller gaps (under ${report.minAreaKm2} km\u00b2)`, 'gap');
  }
  const outside = report.accountIdsOutsideEveryTerritory;
  item(`${report.accountsOutsideEveryTerritory} accounts outside every territory`, 'outside-count');
  list.replaceChildren(...items);
  const byId = new Map(points.accounts.map((a) => [a.id, a]));
  const outsideList = document.getElementById('outside');
  outsideList.replaceChildren(...outside.map((id) => {
    const a = byId.get(id);
    const li = Object.assign(document.createElement('li'), { textContent: a ? `${a.name} (${id})` : id });
    if (a) {
      li.tabIndex = 0;
      li.addEventListener('click', () => map.setView([a.lat, a.lon], Math.max(map.getZoom(), 9)));
      L.circleMarker([a.lat, a.lon], { radius: 4, color: '#d1242f', weight: 2, pmIgnore: true,
        renderer: pointRenderer }).bindTooltip(`outside every territory: ${esc(a.name)}`).addTo(coverageLayer);
    }
    return li;
  }));
  document.getElementById('outside-box').hidden = outside.length === 0;
}
/** Geoman's script and style sheet, loaded when there is a draft to edit. */
function loadEditor() {
  const style = Object.assign(document.createElement('link'),
    { rel: 'stylesheet', href: '/admin/vendor/geoman/leaflet-geoman.css' });
  document.head.append(style);
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'),
      { src: '/admin/vendor/geoman/leaflet-geoman.min.js', onload: resolve,
        onerror: () => reject(new Error('the map editor (Geoman) could not be loaded')) });
    document.head.append(script);
  });
}

await coverage(reportAnswer);
performance.mark('ready');
markReady();
