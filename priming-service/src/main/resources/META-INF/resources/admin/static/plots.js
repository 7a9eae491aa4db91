// The models page's plots, drawn as inline SVG from an evaluation report (no chart library: four
// plots of a few dozen points each).
import { esc } from './api.js';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const W = 420;
const H = 240;
const M = { left: 44, right: 110, top: 24, bottom: 34 };

function frame(title, body, yTicks, xLabels) {
  const plotH = H - M.top - M.bottom;
  const ticks = yTicks.map(([v, label]) => {
    const y = M.top + plotH * (1 - v);
    return `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#eee"/>
      <text x="${M.left - 4}" y="${y + 3}" font-size="10" text-anchor="end">${esc(label)}</text>`;
  }).join('');
  return `<svg class="plot" role="img" aria-label="${esc(title)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <text x="${M.left}" y="14" font-size="12" font-weight="600">${esc(title)}</text>${ticks}
    <line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#656d76"/>
    <line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#656d76"/>
    ${xLabels}${body}</svg>`;
}

const percentTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => [v, `${v * 100}%`]);

/** One line per selector of a share (0..1) against the budgets, which are spaced evenly. */
export function sharesByBudget(title, results, value) {
  const budgets = [...new Set(results.map((r) => r.budgetBytes))].sort((a, b) => a - b);
  const selectors = [...new Set(results.map((r) => r.selector))];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (b) => M.left + (budgets.length === 1 ? plotW / 2 : (plotW * budgets.indexOf(b)) / (budgets.length - 1));
  const y = (v) => M.top + plotH * (1 - v);
  const xLabels = budgets.map((b) => `<text x="${x(b)}" y="${H - M.bottom + 14}" font-size="10"
    text-anchor="middle">${esc(mbLabel(b))}</text>`).join('')
    + `<text x="${M.left + plotW / 2}" y="${H - 4}" font-size="10" text-anchor="middle">device budget</text>`;
  const lines = selectors.map((s, i) => {
    const color = PALETTE[i % PALETTE.length];
    const points = results.filter((r) => r.selector === s).sort((a, b) => a.budgetBytes - b.budgetBytes);
    const path = points.map((r, j) => `${j === 0 ? 'M' : 'L'}${x(r.budgetBytes).toFixed(1)},${y(value(r)).toFixed(1)}`).join(' ');
    const dots = points.map((r) => `<circle cx="${x(r.budgetBytes)}" cy="${y(value(r))}" r="3" fill="${color}">
      <title>${esc(s)} at ${esc(mbLabel(r.budgetBytes))}: ${(100 * value(r)).toFixed(1)}%</title></circle>`).join('');
    const legendY = M.top + 6 + i * 14;
    return `<path d="${path}" fill="none" stroke="${color}" stroke-width="${s === 'model' ? 2.5 : 1.5}"/>${dots}
      <rect x="${W - M.right + 10}" y="${legendY - 7}" width="10" height="3" fill="${color}"/>
      <text class="legend" x="${W - M.right + 24}" y="${legendY}" font-size="10">${esc(s)}</text>`;
  }).join('');
  return frame(title, lines, percentTicks, xLabels);
}

/** Observed against predicted probability per bin; on the diagonal when calibrated. */
export function calibration(bins) {
  const top = Math.min(1, Math.max(0.05, ...bins.flatMap((b) => [b.predicted, b.observed])) * 1.1);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (v) => M.left + (plotW * v) / top;
  const y = (v) => M.top + plotH * (1 - v / top);
  const ticks = [0, 0.5, 1].map((f) => [f, `${(100 * f * top).toFixed(0)}%`]);
  const xLabels = [0, 0.5, 1].map((f) => `<text x="${M.left + plotW * f}" y="${H - M.bottom + 14}" font-size="10"
    text-anchor="middle">${(100 * f * top).toFixed(0)}%</text>`).join('')
    + `<text x="${M.left + plotW / 2}" y="${H - 4}" font-size="10" text-anchor="middle">predicted</text>`;
  const body = `<line x1="${x(0)}" y1="${y(0)}" x2="${x(top)}" y2="${y(top)}" stroke="#aaa" stroke-dasharray="4 3"/>`
    + bins.map((b) => `<circle class="bin" cx="${x(b.predicted)}" cy="${y(b.observed)}" r="${Math.min(8, 2 + Math.log10(1 + b.candidates))}"
      fill="#1f77b4" fill-opacity="0.7"><title>predicted ${(100 * b.predicted).toFixed(1)}%, observed
      ${(100 * b.observed).toFixed(1)}% of ${b.candidates} candidates</title></circle>`).join('')
    + `<text x="${W - M.right + 10}" y="${M.top + 6}" font-size="10">observed</text>`;
  return frame('Calibration on evaluation days', body, ticks, xLabels);
}

/** The top features as horizontal bars, longest the largest absolute weight. */
export function features(list) {
  const rows = list.slice(0, 15);
  const height = 24 + rows.length * 16;
  const max = Math.max(1e-9, ...rows.map((f) => Math.abs(f.weight)));
  const bars = rows.map((f, i) => {
    const w = (220 * Math.abs(f.weight)) / max;
    const yy = 20 + i * 16;
    return `<text x="186" y="${yy + 10}" font-size="10" text-anchor="end">${esc(f.name.slice(0, 34))}</text>
      <rect class="feature" x="190" y="${yy}" width="${w.toFixed(1)}" height="12" fill="${f.weight < 0 ? '#d62728' : '#2ca02c'}">
      <title>${esc(f.name)}: ${f.weight.toPrecision(3)}</title></rect>`;
  }).join('');
  return `<svg class="plot" role="img" aria-label="Top features" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">
    <text x="4" y="14" font-size="12" font-weight="600">Top features</text>${bars}</svg>`;
}

function mbLabel(bytes) {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} GB`
    : `${mb.toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
