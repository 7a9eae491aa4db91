// The admin console in a real browser: Debian's Chromium, headless, driven by Playwright.
// Usage: node console-drill.mjs BASE_URL ADMIN_TOKEN REP_TOKEN REP_DEVICE REP_ID LAT,LON SCREENSHOT_DIR
// The rep (no territory yet) gets the territory drawn around LAT,LON: after the activation their
// device's next manifest holds that account's records.
// Prints one line per step; exits 1 at the first step that fails (its screenshot is kept).
// Once the territory steps are done it prints "waiting for a model" and waits for a line on
// stdin: the drill then publishes a model (which would have changed the manifests before).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [base, adminToken, otherToken, repDevice, repId, where, shots] = process.argv.slice(2);
if (!base || !adminToken || !otherToken || !repDevice || !repId || !where || !shots) {
  console.error('usage: node console-drill.mjs BASE_URL ADMIN_TOKEN REP_TOKEN REP_DEVICE REP_ID LAT,LON SCREENSHOT_DIR');
  process.exit(2);
}
const [accountLat, accountLon] = where.split(',').map(Number);
const manifestIds = async () => {
  const res = await fetch(`${base}/v1/devices/${repDevice}/manifest?budget=100000000`,
    { headers: { Authorization: `Bearer ${otherToken}` } });
  const body = await res.json();
  return new Set(body.entries.map((e) => e.recordId));
};
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.PRIMER_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  if (m.type() === 'error') {
    pageErrors.push(m.text());
  }
});

let failed = false;
async function step(name, body) {
  const t0 = Date.now();
  try {
    await body();
    if (pageErrors.length > 0) {
      throw new Error(`the page reported errors: ${pageErrors.splice(0).join(' | ')}`);
    }
    console.log(`ok ${name} (${Date.now() - t0} ms)`);
  } catch (error) {
    failed = true;
    await page.screenshot({ path: join(shots, `failed-${name}.png`) }).catch(() => {});
    console.log(`FAILED ${name}: ${error.message.split('\n')[0]}`);
    throw error;
  }
}
/** A refusal the drill asked for (a login with a bad token, a change without the CSRF token):
 * Chromium logs its status as an error. */
function forgiveRefusedLogin() {
  for (let i = pageErrors.length - 1; i >= 0; i--) {
    if (/status of 40[013]/.test(pageErrors[i])) {
      pageErrors.splice(i, 1);
    }
  }
}
function expect(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}
async function shot(name, fullPage = false) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}
/** A place's point on the screen, from the map's bounds (Web Mercator). */
async function screenPoint(lat, lon) {
  const box = await page.locator('#map').boundingBox();
  const [west, south, east, north] = (await page.getAttribute('#map', 'data-bounds')).split(',').map(Number);
  const merc = (l) => Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360));
  return {
    x: box.x + ((lon - west) / (east - west)) * box.width,
    y: box.y + ((merc(north) - merc(lat)) / (merc(north) - merc(south))) * box.height,
  };
}

async function ready() {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
}

try {
  await step('a-page-without-a-session-goes-to-the-login', async () => {
    await page.goto(`${base}/admin/territories`);
    expect(new URL(page.url()).pathname === '/admin/login', `landed on ${page.url()}`);
    await shot('01-login');
  });

  await step('a-forged-token-is-refused-with-a-reason', async () => {
    await page.fill('#token', 'not.a.token');
    await page.click('button[type=submit]');
    const error = await page.textContent('.error');
    expect(error.includes('not valid'), `error shown: ${error}`);
    forgiveRefusedLogin();
  });

  await step('a-token-without-admin-is-refused', async () => {
    await page.fill('#token', otherToken);
    await page.click('button[type=submit]');
    const error = await page.textContent('.error');
    expect(error.includes('no admin role'), `error shown: ${error}`);
    forgiveRefusedLogin();
    const cookies = await context.cookies();
    expect(!cookies.some((c) => c.name === 'primer_admin' && c.value), 'a session cookie was set');
  });

  await step('an-admin-logs-in-and-sees-the-map', async () => {
    await page.fill('#token', adminToken);
    await page.click('button[type=submit]');
    await page.waitForURL('**/admin/territories');
    await ready();
    const cookie = (await context.cookies()).find((c) => c.name === 'primer_admin');
    expect(cookie && cookie.httpOnly && cookie.sameSite === 'Strict', `cookie ${JSON.stringify(cookie)}`);
    expect(Number(await page.textContent('#territory-count')) >= 1, 'no territory on the map');
    expect(await page.locator('path.leaflet-interactive').count() >= 1, 'no territory drawn');
    const outside = Number((await page.textContent('#coverage li.outside-count')).split(' ')[0]);
    expect(await page.locator('#outside li').count() === outside, `${outside} accounts outside, listed ${await page.locator('#outside li').count()}`);
    await shot('02-territories');
  });

  await step('hovering-an-account-names-it', async () => {
    const res = await fetch(`${base}/v1/admin/map-points`, { headers: { Authorization: `Bearer ${adminToken}` } });
    const nearest = (await res.json()).accounts
      .map((a) => ({ ...a, d: (a.lat - accountLat) ** 2 + (a.lon - accountLon) ** 2 }))
      .sort((a, b) => a.d - b.d)[0];
    const at = await screenPoint(nearest.lat, nearest.lon);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.leaflet-tooltip').filter({ hasText: nearest.name });
    await tooltip.waitFor({ timeout: 5000 });
    await page.mouse.move(at.x + 200, at.y + 200);
    await tooltip.waitFor({ state: 'detached', timeout: 5000 });
  });

  await step('a-draft-starts-from-the-live-territories', async () => {
    await page.click('#start-draft');
    await page.waitForSelector('#draft-id');
    await ready();
    expect(Number(await page.textContent('#territory-count')) >= 1, 'the draft has no territory');
  });

  const { x: ax, y: ay } = await screenPoint(accountLat, accountLon);
  // The account lies in the upper left of the box, which the fixed polygon keeps.
  const x0 = ax - 30;
  const x1 = ax + 90;
  const y0 = ay - 30;
  const y1 = ay + 90;
  const before = await manifestIds();

  await step('a-self-intersecting-territory-shows-its-problem-where-it-is', async () => {
    await page.click('.leaflet-pm-icon-polygon');
    // A bow tie: the edges A-B and C-D cross.
    for (const [x, y] of [[x0, y0], [x1, y1], [x1, y0], [x0, y1]]) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(120);
    }
    await page.mouse.click(x0, y0); // closes the ring on its first vertex
    await page.fill('#territory-id', 't-drawn');
    await page.fill('#territory-name', 'Drawn in the browser');
    await page.fill('#territory-reps', repId);
    await page.press('#territory-name', 'Tab');
    await page.waitForSelector('#problems li[data-code="self-intersection"]', { timeout: 10000 });
    expect(await page.isDisabled('#save-territory'), 'an invalid territory can be saved');
    expect(await page.locator('.problem-marker').count() > 0, 'the problem is not on the map');
    await shot('03-self-intersection');
  });

  await step('moving-a-vertex-fixes-it-and-it-saves', async () => {
    await page.click('.leaflet-pm-icon-edit');
    await page.waitForTimeout(200);
    // The vertex at (x1, y1) moves above the first one: the ring no longer crosses itself.
    const vertices = page.locator('.marker-icon:not(.marker-icon-middle)');
    let best = null;
    for (let i = 0; i < await vertices.count(); i++) {
      const b = await vertices.nth(i).boundingBox();
      if (!b) {
        continue;
      }
      const d = Math.hypot(b.x + b.width / 2 - x1, b.y + b.height / 2 - y1);
      if (!best || d < best.d) {
        best = { d, x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    expect(best && best.d < 10, `no vertex at the bow tie's corner (nearest ${best?.d})`);
    await page.mouse.move(best.x, best.y);
    await page.mouse.down();
    await page.mouse.move(x1, y0 - 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForSelector('#problems li.none', { timeout: 10000 });
    await page.click('.leaflet-pm-icon-edit');
    expect(!(await page.isDisabled('#save-territory')), 'a valid territory cannot be saved');
    await page.click('#save-territory');
    await page.waitForFunction(() => document.getElementById('territory-status').textContent.includes('saved'));
    await shot('04-saved-in-draft');
  });

  await step('the-saved-territory-is-in-the-draft-not-live', async () => {
    const draftId = await page.textContent('#draft-id');
    const headers = { Authorization: `Bearer ${adminToken}` };
    const draft = await (await fetch(`${base}/v1/territory-models/${draftId}`, { headers })).json();
    const drawn = draft.features.find((f) => f.properties.id === 't-drawn');
    expect(drawn && drawn.properties.name === 'Drawn in the browser', 'not in the draft');
    expect(drawn.properties.assignedTo.includes(repId), `assigned to ${drawn.properties.assignedTo}`);
    const live = await fetch(`${base}/v1/territories/t-drawn`, { headers });
    expect(live.status === 404, `live before activation: ${live.status}`);
  });

  await step('the-preview-lists-the-rep-who-gains-the-account', async () => {
    await page.click('#preview-draft');
    await page.waitForSelector('#preview-table', { timeout: 10000 });
    const row = page.locator(`#preview-table tr[data-user="${repId}"]`);
    expect(await row.count() === 1, 'the rep is not in the preview');
    const accounts = await row.locator('td').nth(1).textContent();
    expect(/^\+[1-9]/.test(accounts.trim()), `accounts ${accounts}`);
    await shot('05-preview');
  });

  await step('activation-makes-it-live-and-the-next-manifest-changes', async () => {
    await page.click('#activate-draft');
    await page.waitForSelector('#start-draft');
    await ready();
    const headers = { Authorization: `Bearer ${adminToken}` };
    const live = await fetch(`${base}/v1/territories/t-drawn`, { headers });
    expect(live.status === 200, `not live after activation: ${live.status}`);
    let after = await manifestIds();
    for (let i = 0; i < 50 && [...after].every((id) => before.has(id)); i++) {
      await new Promise((r) => setTimeout(r, 200));
      after = await manifestIds();
    }
    const gained = [...after].filter((id) => !before.has(id));
    expect(gained.length > 0, `the manifest did not change: ${[...after]}`);
    console.log(`  the rep's next manifest gained ${gained.join(', ')}`);
    expect(await page.locator('button[data-restore]').count() >= 1, 'nothing to restore');
    await shot('06-activated');
  });

  await step('a-change-without-the-csrf-token-is-refused', async () => {
    const answer = await page.evaluate(async () => {
      const res = await fetch('/v1/territory-models', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: '{"note":"forged"}' });
      return { status: res.status, body: await res.json() };
    });
    expect(answer.status === 403 && answer.body.type.endsWith('csrf-token-missing'),
      `answered ${JSON.stringify(answer)}`);
    forgiveRefusedLogin(); // the refusal it asked for, logged by Chromium
    const models = await (await fetch(`${base}/v1/territory-models`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
    expect(!models.some((m) => m.note === 'forged'), 'a draft was made without the CSRF token');
  });

  for (const [name, path] of [['07-reps', '/admin/reps'], ['08-conflicts', '/admin/conflicts'],
    ['09-models', '/admin/models']]) {
    await step(`page-${path.slice(7)}-loads`, async () => {
      await page.goto(`${base}${path}`);
      await ready();
      await shot(name);
    });
  }

  console.log('waiting for a model');
  const published = await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
  expect(published === 'published', `the drill said ${published}`);

  await step('the-models-page-plots-the-evaluation-against-the-baselines', async () => {
    await page.goto(`${base}/admin/models`);
    await ready();
    const card = page.locator('article.model.active');
    expect(await card.count() === 1, 'no active model on the models page');
    expect(await card.locator('svg.plot').count() === 4, `plots: ${await card.locator('svg.plot').count()}`);
    const legend = await card.locator('svg.plot').first().locator('text.legend').allTextContents();
    expect(legend.includes('model') && legend.includes('territory'), `legend ${legend}`);
    expect(await card.locator('svg.plot circle.bin').count() >= 1, 'no calibration bin drawn');
    expect(await card.locator('svg.plot rect.feature').count() >= 1, 'no feature drawn');
    const rows = await card.locator('.evaluation-table tbody tr td:first-child').allTextContents();
    expect(rows.includes('model') && rows.includes('oracle'), `table rows ${rows}`);
    await shot('09-models', true);
  });

  const servedBudget = async () => {
    const res = await fetch(`${base}/v1/devices/${repDevice}/manifest?budget=100000000`,
      { headers: { Authorization: `Bearer ${otherToken}` } });
    return (await res.json()).budget;
  };
  const row = `#reps tbody tr[data-id="${repId}"]`;

  await step('a-role-budget-caps-what-the-reps-device-is-served', async () => {
    await page.goto(`${base}/admin/reps`);
    await ready();
    const role = (await page.textContent(`${row} td:nth-child(2)`)).trim();
    const span = `.role-budget[data-role="${role}"]`;
    await page.fill(`${span} input`, '0.5');
    await page.click(`${span} .set-role`);
    await page.waitForSelector(`${span} .clear-role`);
    expect((await servedBudget()) === 512 * 1024, `served ${await servedBudget()} under a 0.5 MB role budget`);
    expect((await page.textContent(`${row} .budget-from`)).includes(`role ${role}`), 'the row does not show the role budget');
    await page.click(`${span} .clear-role`);
    await page.waitForSelector(`${span} .clear-role`, { state: 'detached' });
    expect((await servedBudget()) === 100000000, 'clearing the role budget did not restore the ask');
  });

  await step('a-reps-own-budget-and-a-bad-one-refused-with-its-reason', async () => {
    await page.fill(`${row} input.budget`, 'lots');
    await page.click(`${row} .set-budget`);
    await page.waitForSelector('#rep-status.bad');
    expect((await page.textContent('#rep-status')).includes('must be a number of MB'), await page.textContent('#rep-status'));
    await page.fill(`${row} input.budget`, '2');
    await page.click(`${row} .set-budget`);
    await page.waitForSelector(`${row} .clear-budget`);
    expect((await servedBudget()) === 2 * 1024 * 1024, `served ${await servedBudget()} under a 2 MB budget`);
    await shot('10-rep-budget');
  });

  await step('the-rep-detail-shows-manifest-hit-rate-and-last-sync', async () => {
    await page.click(`${row} .open`);
    await page.waitForSelector('#rep-detail #devices');
    const detail = await page.textContent('#rep-detail');
    expect(detail.includes('for a device asking 2 MB'), 'the preview is not under the rep budget');
    expect(detail.includes('Hit rate over time'), 'no hit rate section');
    const sync = await page.textContent(`#devices tr[data-device="${repDevice}"] .last-sync`);
    expect(!sync.includes('never'), `the device synced but shows ${sync}`);
    await shot('11-rep-detail', true);
    await page.click(`${row} .clear-budget`);
    await page.waitForSelector(`${row} .clear-budget`, { state: 'detached' });
  });

  await step('logging-out-ends-the-session', async () => {
    await page.click('button.logout');
    await page.waitForURL('**/admin/login');
    await page.goto(`${base}/admin/models`);
    expect(new URL(page.url()).pathname === '/admin/login', `landed on ${page.url()}`);
  });
} catch {
  // the failing step printed itself
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
