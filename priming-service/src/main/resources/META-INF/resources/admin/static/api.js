// The console's one way to the service: the same /v1 API scripts use, with the session cookie and
// the page's CSRF token (the service refuses a cookie-authenticated change without it).
const csrf = document.querySelector('meta[name="csrf-token"]').content;

/** Sends a request; answers the parsed JSON body, or throws an Error carrying the problem. */
export async function api(method, path, body, type = 'application/json') {
  const init = {
    method,
    // 'include' (same origin only here): what the pages' preload links ask with, so they match.
    credentials: 'include',
    headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = type;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let json = {};
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { detail: text };
    }
  }
  if (!res.ok) {
    const error = new Error(json.detail || json.title || `${method} ${path} answered ${res.status}`);
    error.status = res.status;
    error.problem = json;
    throw error;
  }
  return json;
}

/** Escapes text for HTML built by hand. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Marks the page ready (its data fetched and drawn), with the milliseconds since its navigation
 * started: what the browser drill waits for and the console bench reports.
 */
export function markReady() {
  document.body.dataset.readyAt = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
}
