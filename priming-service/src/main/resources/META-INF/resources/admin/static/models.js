// The model registry: GET /v1/models (with each model's evaluation report, when one was attached
// by bin/primer publish --report), POST /v1/models/{id}/activate, POST /v1/models:rollback.
import { api, esc, markReady } from './api.js';
import { calibration, features, sharesByBudget } from './plots.js';

const list = document.getElementById('models');
const status = document.getElementById('model-status');

function say(text, bad = false) {
  status.textContent = text;
  status.className = bad ? 'status bad' : 'status';
}

async function load() {
  const models = await api('GET', '/v1/models');
  if (models.length === 0) {
    list.innerHTML = '<p>No model is published yet: the baseline selects the records.</p>';
    return;
  }
  list.replaceChildren(...models.map(card));
}

/** The evaluation report: its days, a table of hit rates and the plots; or how to attach one. */
function evaluation(e) {
  if (!e) {
    return `<p class="hint no-evaluation">No evaluation report attached: <code>bin/primer evaluate
      --report DIR</code>, then <code>bin/primer publish --model BUNDLE --report DIR</code>.</p>`;
  }
  const budgets = [...new Set(e.results.map((r) => r.budgetBytes))].sort((a, b) => a - b);
  const selectors = [...new Set(e.results.map((r) => r.selector))];
  const cell = (s, b) => {
    const r = e.results.find((x) => x.selector === s && x.budgetBytes === b);
    return r ? `${(100 * r.hitRate).toFixed(1)}%` : '';
  };
  return `<section class="evaluation"><h3>Evaluation</h3>
    <p>Replayed ${esc(e.fromDay)} to ${esc(e.toDay)} on ${esc(e.dataSet)}
      (${esc(e.results[0]?.userDays ?? 0)} user-days).</p>
    <table class="grid evaluation-table"><thead><tr><th>hit rate</th>${budgets.map((b) =>
      `<th>${(b / 1048576).toLocaleString('en')} MB</th>`).join('')}</tr></thead><tbody>
      ${selectors.map((s) => `<tr><td>${esc(s)}</td>${budgets.map((b) => `<td>${cell(s, b)}</td>`).join('')}</tr>`).join('')}
    </tbody></table>
    <div class="plots">${sharesByBudget('Hit rate against device budget', e.results, (r) => r.hitRate)}
    ${sharesByBudget('Byte-weighted hit rate', e.results, (r) => r.byteHitRate)}
    ${e.calibration.length ? calibration(e.calibration) : ''}
    ${e.topFeatures.length ? features(e.topFeatures) : ''}</div></section>`;
}

function card(m) {
  const article = document.createElement('article');
  article.className = m.active ? 'model active' : 'model';
  article.dataset.id = m.id;
  article.innerHTML = `<h2>${esc(m.id)} ${m.active ? '<span class="badge">active</span>' : ''}</h2>
    <p>uploaded ${esc(m.uploadedAt)}${m.activatedAt ? `, activated ${esc(m.activatedAt)}` : ''};
      features ${esc(m.featureSchema)}</p>
    <details><summary>Provenance</summary><pre>${esc(JSON.stringify(m.provenance, null, 2))}</pre></details>
    <details><summary>Training summary</summary><pre>${esc(JSON.stringify(m.summary, null, 2))}</pre></details>
    ${evaluation(m.evaluation)}
    ${m.active ? '' : '<button class="activate">Activate</button>'}`;
  article.querySelector('.activate')?.addEventListener('click', async () => {
    try {
      await api('POST', `/v1/models/${encodeURIComponent(m.id)}/activate`);
      say(`model ${m.id} is active: the next precompute uses it`);
      await load();
    } catch (error) {
      say(`not activated: ${error.message}`, true);
    }
  });
  return article;
}

document.getElementById('rollback').addEventListener('click', async () => {
  try {
    const back = await api('POST', '/v1/models:rollback');
    say(`rolled back: ${back.id ?? 'the baseline'} is active`);
    await load();
  } catch (error) {
    say(`not rolled back: ${error.message}`, true);
  }
});

await load();
markReady();
