// The admin console's bench: how long each page takes to load in Chromium (navigation until the
// page says it is ready: its /v1 data fetched and drawn), and how long the service takes to
// preview a territory change that affects 10 reps.
// Usage: node console-bench.mjs BASE_URL ADMIN_TOKEN [RUNS]
import { chromium } from 'playwright-core';

const [base, token, runsArg] = process.argv.slice(2);
if (!base || !token) {
  console.error('usage: bin/primer bench console --server URL [--runs N]');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const api = async (method, path, body) => {
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  }
  return res.status === 204 ? {} : res.json();
};
const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${s[Math.floor((s.length - 1) / 2)]} ms, max ${s[s.length - 1]} ms (${s.length} runs)`;
};

const territories = (await api('GET', '/v1/territories')).features.length;
const points = await api('GET', '/v1/admin/map-points');
console.log(`organisation: ${territories} territories, ${points.accounts.length} accounts, ${points.homes.length} reps`);

const browser = await chromium.launch({
  executablePath: process.env.PRIMER_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const url = new URL(base);
await context.addCookies([{ name: 'primer_admin', value: token, domain: url.hostname, path: '/',
  httpOnly: true, secure: true, sameSite: 'Strict' }]);
const page = await context.newPage();
// Two figures per page: the page's own load (from its navigation's start until it marks itself
// ready, as the browser's performance timeline gives it) and the wall-clock time of the whole step
// as the bench sees it, which also holds tearing down the page before and Playwright's polling.
for (const name of ['territories', 'reps', 'conflicts', 'models']) {
  const loads = [];
  const walls = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = Date.now();
    await page.goto(`${base}/admin/${name}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    const wall = Date.now() - t0;
    if (i > 0) { // the first load warms the service and the browser's cache
      walls.push(wall);
      loads.push(await page.evaluate(() => Number(document.body.dataset.readyAt)));
    }
  }
  console.log(`page ${name}: loaded and drawn in ${stats(loads)}; wall-clock with the page before torn down ${stats(walls)}`);
  const marks = await page.evaluate(() => performance.getEntriesByType('mark')
    .map((m) => `${m.name} ${Math.round(m.startTime)}`).join(', '));
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return `html ${Math.round(n.responseEnd)}, dom ${Math.round(n.domContentLoadedEventEnd)}`;
  });
  console.log(`  last load, ms since navigation: ${nav}${marks ? ', ' + marks : ''}`);
}
await browser.close();

// A territory change that affects 10 reps: each of 10 reps gets a territory they do not have.
const reps = (await api('GET', '/v1/admin/reps')).filter((r) => r.territoryIds.length > 0).slice(0, 10);
const all = (await api('GET', '/v1/territories')).features.map((f) => f.properties.id);
const draft = await api('POST', '/v1/territory-models', { note: 'bench: 10 reps gain a territory' });
try {
  for (const r of reps) {
    const extra = all.find((t) => !r.territoryIds.includes(t));
    await api('PUT', `/v1/territory-models/${draft.id}/assignments/${encodeURIComponent(r.id)}`, [...r.territoryIds, extra]);
  }
  const ms = [];
  let affected = 0;
  let served = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = Date.now();
    const p = await api('GET', `/v1/territory-models/${draft.id}/preview`);
    if (i > 0) {
      ms.push(Date.now() - t0);
    }
    affected = p.reps.length;
    served = p.millis;
  }
  console.log(`preview: ${affected} reps affected, answered in ${stats(ms)}; last computed in ${served} ms by the service`);
} finally {
  await api('DELETE', `/v1/territory-models/${draft.id}`);
}
