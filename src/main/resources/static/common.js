// Shared pieces of both pages: the API client (token in sessionStorage only, JSON error
// envelope), the token and confirm dialogs, form error display and value formatting.

/** An answer with an error status, parsed from {"error":{"code","message","details"}}. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }

  /** Per-field messages of a VALIDATION_ERROR, as {field: message}. */
  get fields() {
    const d = this.details;
    if (d && typeof d.fields === 'object' && d.fields !== null) return d.fields;
    return {};
  }
}

/**
 * A JSON API client. The token lives in sessionStorage under `tokenKey`, so it is gone when the
 * tab closes and never reaches localStorage or a cookie.
 */
export function createApi(tokenKey) {
  const token = () => sessionStorage.getItem(tokenKey);

  async function request(method, path, { body, headers = {}, signal } = {}) {
    const h = { Accept: 'application/json', ...headers };
    const t = token();
    if (t) h.Authorization = `Bearer ${t}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method, headers: h, signal, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK_ERROR', 'The server did not answer; check the connection.');
    }
    if (!response.ok) throw await errorOf(response);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    return { status: response.status, headers: response.headers, data };
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    hasToken: () => Boolean(token()),
    setToken: (value) => sessionStorage.setItem(tokenKey, value),
    clearToken: () => sessionStorage.removeItem(tokenKey),
  };
}

async function errorOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, say): described by the status alone.
  }
  const e = body && body.error;
  if (e && typeof e === 'object') {
    return new ApiError(response.status, e.code || 'ERROR', e.message || response.statusText,
      e.details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`,
    `The server answered ${response.status} ${response.statusText}.`.trim(), {});
}

/** Creates an element: el('p', {class: 'x', text: 'hi'}, child...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/**
 * Asks for a bearer token in a modal dialog; resolves to the token, or null when cancelled.
 * A modal <dialog> keeps focus inside itself and closes on Escape.
 */
export function askToken({ title, message, error = '' }) {
  const input = el('input', { id: 'token-input', type: 'password', autocomplete: 'off',
    spellcheck: 'false', required: true, 'aria-describedby': 'token-help token-error' });
  const errorLine = el('p', { id: 'token-error', class: 'form-error', role: 'alert', text: error });
  const form = el('form', { method: 'dialog' },
    el('h2', { id: 'token-title', text: title }),
    el('p', { id: 'token-help', text: message }),
    errorLine,
    el('div', { class: 'field' }, el('label', { for: 'token-input', text: 'Access token' }), input),
    el('div', { class: 'form-buttons' },
      el('button', { type: 'button', value: 'cancel', id: 'token-cancel', text: 'Cancel' }),
      el('button', { type: 'submit', class: 'primary', id: 'token-submit', text: 'Continue' })));
  const dialog = el('dialog',
    { class: 'modal', id: 'token-dialog', 'aria-labelledby': 'token-title' }, form);
  return runDialog(dialog, form, input, () => {
    const value = input.value.trim();
    if (!value) {
      errorLine.textContent = 'Enter the token to continue.';
      input.setAttribute('aria-invalid', 'true');
      return undefined;
    }
    return value;
  });
}

/** Asks a yes/no question; resolves to true when confirmed. */
export function confirmDialog({ title, message, confirm = 'OK', danger = false }) {
  const ok = el('button', { type: 'submit', class: danger ? 'danger solid' : 'primary',
    id: 'confirm-ok', text: confirm });
  const form = el('form', { method: 'dialog' },
    el('h2', { id: 'confirm-title', text: title }),
    el('p', { text: message }),
    el('div', { class: 'form-buttons' },
      el('button', { type: 'button', value: 'cancel', id: 'confirm-cancel', text: 'Cancel' }), ok));
  const dialog = el('dialog',
    { class: 'modal', id: 'confirm-dialog', 'aria-labelledby': 'confirm-title' }, form);
  return runDialog(dialog, form, ok, () => true).then((v) => v === true);
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab cycling inside a modal dialog. The browser already makes the page
 * behind it inert, but from the last field Tab would leave for the browser's own toolbar.
 */
export function trapFocus(dialog) {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)]
      .filter((e) => !e.disabled && e.checkVisibility());
    if (items.length === 0) return;
    const [first, last] = [items[0], items[items.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
}

/**
 * Shows a dialog built by the caller; `accept()` returns the result, or undefined to keep the
 * dialog open. Resolves to null on Cancel or Escape. The dialog removes itself when done.
 */
function runDialog(dialog, form, focusTarget, accept) {
  document.body.append(dialog);
  trapFocus(dialog);
  return new Promise((resolve) => {
    const done = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = accept();
      if (value !== undefined) done(value);
    });
    form.querySelector('[value="cancel"]').addEventListener('click', () => done(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      done(null);
    });
    dialog.showModal();
    focusTarget.focus();
  });
}

/** Shows field errors next to inputs named like the keys; returns the ones without a field. */
export function showFieldErrors(form, fields) {
  const unmatched = {};
  for (const [name, message] of Object.entries(fields)) {
    // "labels.room" belongs to the labels input, "auth" to the auth type.
    const input = form.querySelector(`[data-field="${CSS.escape(name)}"]`)
      || form.querySelector(`[data-field="${CSS.escape(name.split('.')[0])}"]`)
      || form.querySelector(`[data-field^="${CSS.escape(name)}."]`);
    if (input) setFieldError(input, message);
    else unmatched[name] = message;
  }
  return unmatched;
}

export function setFieldError(input, message) {
  const slot = document.getElementById(`${input.id}-error`);
  if (slot) slot.textContent = message || '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((i) => setFieldError(i, ''));
}

/** The first invalid input gets focus, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(form) {
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
  return Boolean(first);
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

export function formatAgeMs(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms / 1000);
}

/** "12 s ago" for an ISO time, "never" for null. */
export function formatSince(iso, now = Date.now()) {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  return `${formatDuration(s)} ago`;
}

export function formatFps(fps) {
  return typeof fps === 'number' ? fps.toFixed(1) : '—';
}

/** Why a webcam is degraded, in words, for the reasons /api/status reports. */
export const DEGRADED_REASONS = {
  no_frame_yet: 'Waiting for the first frame from the camera',
  stale_frame: 'The camera has stopped sending fresh frames',
  camera_restarting: 'The camera is restarting',
  camera_failed: 'The camera failed and could not be restarted',
};

export function reasonText(reason) {
  return DEGRADED_REASONS[reason] || (reason ? reason.replaceAll('_', ' ') : '');
}

/** Runs `task` now and then every `ms`, never overlapping; returns a stop function. */
export function poll(task, ms) {
  let timer = null;
  let stopped = false;
  const run = async () => {
    try {
      await task();
    } finally {
      if (!stopped) timer = setTimeout(run, ms);
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
