// The admin console in a real browser: Debian's Chromium, headless, driven by Playwright.
// Usage: node console-drill.mjs BASE_URL ADMIN_TOKEN NON_ADMIN_TOKEN SCREENSHOT_DIR
// Prints one line per step; exits 1 at the first step that fails (its screenshot is kept).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, adminToken, otherToken, shots] = process.argv.slice(2);
if (!base || !adminToken || !otherToken || !shots) {
  console.error('usage: node console-drill.mjs BASE_URL ADMIN_TOKEN NON_ADMIN_TOKEN SCREENSHOT_DIR');
  process.exit(2);
}
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
async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
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
    await shot('02-territories');
  });

  const box = await page.locator('#map').boundingBox();
  const x0 = box.x + box.width * 0.35;
  const x1 = box.x + box.width * 0.55;
  const y0 = box.y + box.height * 0.45;
  const y1 = box.y + box.height * 0.7;

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
    await page.mouse.move(x1, y0 - box.height * 0.12, { steps: 8 });
    await page.mouse.up();
    await page.waitForSelector('#problems li.none', { timeout: 10000 });
    await page.click('.leaflet-pm-icon-edit');
    expect(!(await page.isDisabled('#save-territory')), 'a valid territory cannot be saved');
    await page.click('#save-territory');
    await page.waitForFunction(() => document.getElementById('territory-status').textContent.includes('saved'));
    await shot('04-saved');
  });

  await step('the-saved-territory-is-in-the-api', async () => {
    const res = await fetch(`${base}/v1/territories/t-drawn`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(res.status === 200, `GET /v1/territories/t-drawn answered ${res.status}`);
    const feature = await res.json();
    expect(feature.properties.name === 'Drawn in the browser', `name ${feature.properties.name}`);
  });

  await step('a-change-without-the-csrf-token-is-refused', async () => {
    const answer = await page.evaluate(async () => {
      const res = await fetch('/v1/territories/t-drawn', { method: 'DELETE', credentials: 'same-origin' });
      return { status: res.status, body: await res.json() };
    });
    expect(answer.status === 403 && answer.body.type.endsWith('csrf-token-missing'),
      `answered ${JSON.stringify(answer)}`);
    forgiveRefusedLogin(); // the refusal it asked for, logged by Chromium
    const still = await fetch(`${base}/v1/territories/t-drawn`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(still.status === 200, 'the territory was deleted without the CSRF token');
  });

  for (const [name, path] of [['05-reps', '/admin/reps'], ['06-conflicts', '/admin/conflicts'],
    ['07-models', '/admin/models']]) {
    await step(`page-${path.slice(7)}-loads`, async () => {
      await page.goto(`${base}${path}`);
      await ready();
      await shot(name);
    });
  }

  await step('the-rep-detail-shows-the-manifest-and-devices', async () => {
    await page.goto(`${base}/admin/reps`);
    await ready();
    await page.click('#reps tbody tr:first-child .open');
    await page.waitForSelector('#rep-detail table');
    await shot('08-rep-detail');
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
