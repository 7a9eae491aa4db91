// The territory map: stored territories over a bundled US states layer (no internet basemap),
// accounts as points and reps' homes; drawing, vertex editing, cutting holes and deleting with
// Leaflet-Geoman. Each change is validated by the service as it is made (POST
// /v1/territories:validate, the checks of `bin/primer territory validate`) and its problems are
// shown on the map where they are.
import { api, esc } from './api.js';

const panel = document.getElementById('territory-panel');
const problemsList = document.getElementById('problems');
const idInput = document.getElementById('territory-id');
const nameInput = document.getElementById('territory-name');
const saveButton = document.getElementById('save-territory');
const status = document.getElementById('territory-status');

const map = L.map('map', { zoomSnap: 0.25, attributionControl: false });
// Thousands of accounts: drawn on one canvas; territories stay SVG, which Geoman edits.
const pointRenderer = L.canvas({ padding: 0.5 });
const problemLayer = L.layerGroup().addTo(map);
const coverageLayer = L.layerGroup().addTo(map);
let current = null; // the layer being drawn or edited
let validation = 0; // so that a slow answer never overwrites a newer one

const states = await fetch('/admin/vendor/us-atlas/states-10m.json').then((r) => r.json());
L.geoJSON(topojson.feature(states, states.objects.states), {
  style: { color: '#8a8f98', weight: 1, fill: false },
  interactive: false,
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

const stored = await api('GET', '/v1/territories');
territories.addData(stored);
if (territories.getLayers().length > 0) {
  map.fitBounds(territories.getBounds(), { padding: [20, 20] });
} else {
  map.fitBounds([[24, -125], [50, -66]]);
}
document.getElementById('territory-count').textContent = String(territories.getLayers().length);

const points = await api('GET', '/v1/admin/map-points');
const accounts = L.layerGroup(
  points.accounts.map((a) =>
    L.circleMarker([a.lat, a.lon], { radius: 2, color: '#444', weight: 1, pmIgnore: true, renderer: pointRenderer })
      .bindTooltip(esc(a.name)))).addTo(map);
const homes = L.layerGroup(
  points.homes.map((h) =>
    L.circleMarker([h.lat, h.lon], { radius: 5, color: '#b35900', weight: 2, pmIgnore: true, renderer: pointRenderer })
      .bindTooltip(`home of ${esc(h.userName)}`))).addTo(map);
L.control.layers(null, { Accounts: accounts, 'Reps\u2019 homes': homes, Coverage: coverageLayer },
  { collapsed: false }).addTo(map);

map.pm.addControls({
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
map.pm.setGlobalOptions({ allowSelfIntersection: true, snappable: false });

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
      await api('DELETE', `/v1/territories/${encodeURIComponent(id)}`);
      say(`territory ${id} deleted`);
      await coverage();
    } catch (error) {
      say(`could not delete ${id}: ${error.message}`, true);
    }
  }
});

/** A click on a territory selects it, except while a tool is drawing over it. */
function pick(layer) {
  if (!map.pm.globalDrawModeEnabled() && !map.pm.globalCutModeEnabled()
      && !map.pm.globalRemovalModeEnabled()) {
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
      saveButton.disabled = !answer.valid;
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
  if (!current) {
    return;
  }
  const feature = featureOf(current);
  if (!feature.id) {
    say('a territory needs an id', true);
    idInput.focus();
    return;
  }
  try {
    const saved = await api('PUT', `/v1/territories/${encodeURIComponent(feature.id)}`, feature,
      'application/geo+json');
    current.feature = saved;
    idInput.readOnly = true;
    if (!stored.features.some((f) => f.id === saved.id)) {
      stored.features.push(saved);
    }
    say(`territory ${saved.id} saved`);
    await coverage();
  } catch (error) {
    if (error.problem?.errors) {
      showProblems(error.problem.errors.map((e) => ({ severity: 'error', code: e.field ?? 'refused', message: e.message ?? e.detail })));
    }
    say(`not saved: ${error.message}`, true);
  }
});
nameInput.addEventListener('change', validate);
idInput.addEventListener('change', validate);

function say(text, bad = false) {
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

/** Overlaps and gaps of the stored territories, highlighted on the map and listed. */
async function coverage() {
  const report = await api('GET', '/v1/territories/report');
  coverageLayer.clearLayers();
  const list = document.getElementById('coverage');
  const items = [];
  for (const o of report.overlaps) {
    items.push(`overlap ${o.first} / ${o.second}: ${o.areaKm2.toFixed(1)} km\u00b2`);
  }
  for (const g of report.gaps) {
    items.push(`${g.enclosed ? 'enclosed gap' : 'gap'}: ${g.areaKm2.toFixed(1)} km\u00b2`);
    if (g.lat !== undefined && g.lat !== null) {
      L.circleMarker([g.lat, g.lon], { radius: 7, color: '#8250df', weight: 2, pmIgnore: true })
        .bindTooltip(`gap of ${g.areaKm2.toFixed(1)} km\u00b2`).addTo(coverageLayer);
    }
  }
  for (const o of report.overlapAreas ?? []) {
    L.geoJSON(o, { style: { color: '#d1242f', weight: 1, fillOpacity: 0.45 }, pmIgnore: true,
      interactive: false }).addTo(coverageLayer);
  }
  items.push(`${report.accountsOutsideEveryTerritory} accounts outside every territory`);
  list.replaceChildren(...items.map((t) => Object.assign(document.createElement('li'), { textContent: t })));
}
await coverage();
document.body.dataset.ready = 'true';
