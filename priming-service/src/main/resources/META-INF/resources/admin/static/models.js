// The model registry: GET /v1/models, POST /v1/models/{id}/activate, POST /v1/models:rollback.
import { api, esc } from './api.js';

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

function card(m) {
  const article = document.createElement('article');
  article.className = m.active ? 'model active' : 'model';
  article.dataset.id = m.id;
  article.innerHTML = `<h2>${esc(m.id)} ${m.active ? '<span class="badge">active</span>' : ''}</h2>
    <p>uploaded ${esc(m.uploadedAt)}${m.activatedAt ? `, activated ${esc(m.activatedAt)}` : ''};
      features ${esc(m.featureSchema)}</p>
    <details><summary>Provenance</summary><pre>${esc(JSON.stringify(m.provenance, null, 2))}</pre></details>
    <details open><summary>Evaluation</summary><pre>${esc(JSON.stringify(m.summary, null, 2))}</pre></details>
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
document.body.dataset.ready = 'true';
