// The webcam's settings panel: GET/PATCH /api/v1/settings, checked here before sending, the
// node's own field errors shown next to the fields, and a summary of what a save changed.

import {
  ApiError, clearFieldErrors, confirmDialog, el, focusFirstInvalid, setFieldError,
  showFieldErrors,
} from './common.js';

const $ = (id) => document.getElementById(id);

/** Field name -> input id, label for the change summary, and the client-side rule. */
const FIELDS = {
  resolution: { id: 'set-resolution', label: 'Resolution', check: checkResolution },
  fps: { id: 'set-fps', label: 'Frames per second', check: wholeNumber(1, 120) },
  jpeg_quality: { id: 'set-quality', label: 'JPEG quality', check: wholeNumber(1, 100) },
  max_stream_connections: { id: 'set-cap', label: 'Maximum viewers', check: wholeNumber(1, 2000) },
};

export function checkResolution(raw) {
  const m = /^\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*$/.exec(raw);
  if (!m) return 'Enter the size as width x height, for example 1280x720.';
  const [w, h] = [Number(m[1]), Number(m[2])];
  if (w < 16 || w > 4096 || h < 16 || h > 4096) return 'Width and height must each be 16-4096.';
  return '';
}

export function wholeNumber(min, max) {
  return (raw) => {
    const text = raw.trim();
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      return `Enter a whole number from ${min} to ${max}.`;
    }
    return '';
  };
}

/** Normalises "1280 X 720" to "1280x720" so an unchanged size is not sent as a change. */
function normalise(name, raw) {
  if (name !== 'resolution') return Number(raw.trim());
  return raw.replace(/\s+/g, '').replace(/[X×]/, 'x');
}

export class SettingsPanel {
  constructor({ api, requestToken, onSaved }) {
    this.api = api;
    this.requestToken = requestToken;
    this.onSaved = onSaved;
    this.current = null;
    this.form = $('settings-form');
    this.button = $('settings-button');
    this.panel = $('settings-panel');
    this.button.addEventListener('click', () => this.toggle());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    $('restart-camera-button').addEventListener('click', () => this.restartCamera());
  }

  toggle() {
    const open = this.panel.hidden;
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) {
      this.load();
      $('set-resolution').focus();
    }
  }

  /** Runs an API call, asking for the token once when the node answers 401 or 403. */
  async authorised(call) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
      if (!(await this.requestToken(e))) throw e;
      return call();
    }
  }

  async load() {
    this.setError('');
    $('settings-note').textContent = 'Loading…';
    try {
      const { data } = await this.authorised(() => this.api.get('/api/v1/settings'));
      this.fill(data);
      $('settings-note').textContent = '';
    } catch (e) {
      $('settings-note').textContent = '';
      this.setError(e.status === 404 ? 'This node does not offer runtime settings.'
        : `Settings could not be loaded: ${e.message}`);
    }
  }

  fill(data) {
    this.current = data.settings;
    const pinned = new Set(data.pinned || []);
    for (const [name, f] of Object.entries(FIELDS)) {
      const input = $(f.id);
      input.value = data.settings[name] ?? '';
      input.disabled = pinned.has(name);
      const hint = $(`${f.id}-hint`);
      hint.dataset.rule ??= hint.textContent;
      hint.textContent = pinned.has(name)
        ? 'Set by the node\'s environment; change it there.' : hint.dataset.rule;
    }
    clearFieldErrors(this.form);
  }

  /** Checks every field; returns the changed ones as {name: value}, or null when one is invalid. */
  collect() {
    clearFieldErrors(this.form);
    const changed = {};
    for (const [name, f] of Object.entries(FIELDS)) {
      const input = $(f.id);
      if (input.disabled) continue;
      const problem = f.check(input.value);
      setFieldError(input, problem);
      if (problem) continue;
      const value = normalise(name, input.value);
      if (!this.current || value !== this.current[name]) changed[name] = value;
    }
    return focusFirstInvalid(this.form) ? null : changed;
  }

  async save() {
    this.setError('');
    $('settings-result').replaceChildren();
    const changed = this.collect();
    if (changed === null) return;
    if (Object.keys(changed).length === 0) {
      this.showResult('Nothing to save: no value changed.');
      return;
    }
    const before = { ...this.current };
    $('settings-save').disabled = true;
    try {
      const { data } = await this.authorised(
        () => this.api.request('PATCH', '/api/v1/settings', { body: changed }));
      this.fill(data);
      this.showChanges(before, data.settings, changed);
      this.onSaved();
    } catch (e) {
      this.showSaveError(e);
    } finally {
      $('settings-save').disabled = false;
    }
  }

  showSaveError(e) {
    // VALIDATION_ERROR, and SETTING_PINNED for a value the environment fixes, name fields.
    if (Object.keys(e.fields || {}).length > 0) {
      const rest = showFieldErrors(this.form, e.fields);
      const others = Object.values(rest);
      this.setError(others.length ? others.join(' ')
        : 'The node refused some values; see the fields.');
      focusFirstInvalid(this.form);
      return;
    }
    this.setError(`Not saved: ${e.message}`);
  }

  showChanges(before, after, sent) {
    const list = el('ul', { class: 'changes', id: 'settings-changes' });
    for (const name of Object.keys(sent)) {
      list.append(el('li', { text: `${FIELDS[name].label}: ${before[name]} → ${after[name]}` }));
    }
    this.showResult('Saved. Changed:', list);
  }

  async restartCamera() {
    const ok = await confirmDialog({
      title: 'Restart the camera?', confirm: 'Restart camera',
      message: 'The picture pauses for a moment for everyone watching.',
    });
    if (!ok) return;
    try {
      await this.authorised(() => this.api.request('POST', '/api/v1/actions/restart-camera'));
      this.showResult('Camera restart requested.');
    } catch (e) {
      this.setError(`The camera was not restarted: ${e.message}`);
    }
  }

  showResult(text, ...more) {
    $('settings-result').replaceChildren(el('p', { class: 'form-note', text }), ...more);
  }

  setError(text) {
    $('settings-error').textContent = text;
  }
}
