// The add / edit node dialog: checks input before sending, shows the hub's VALIDATION_ERROR
// details next to the fields, and edits with If-Match so two editors cannot overwrite each
// other unnoticed (PUT with If-Match). Secrets are write-only: an empty secret field keeps
// the stored one.

import {
  clearFieldErrors, focusFirstInvalid, setFieldError, showFieldErrors, trapFocus,
} from './common.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

export function slugOf(name) {
  // NFKD splits "ü" into "u" plus a combining mark, which is then dropped.
  return name.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/** Returns an error message for a base URL, or '' when it is usable. */
export function checkBaseUrl(raw) {
  const text = raw.trim();
  if (!text) return 'Enter the node\'s address, for example http://192.168.1.20:8000.';
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[^:]+:\d+$/.test(text)) {
    return 'The address must start with http:// or https://, like http://192.168.1.20:8000.';
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a URL; write it like http://192.168.1.20:8000.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'The address must start with http:// or https://.';
  }
  if (url.username || url.password) {
    return 'Put credentials under Authentication, not in the address.';
  }
  if (!url.hostname) return 'The address needs a host name or IP address.';
  return '';
}

/** "a=b, c=d" -> {a: 'b', c: 'd'}; throws with a message on a malformed pair. */
export function parseLabels(raw) {
  const labels = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`"${part}" is not key=value.`);
    labels[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return labels;
}

export class NodeDialog {
  constructor({ api, onSaved, onAuth }) {
    this.api = api;
    this.onSaved = onSaved;
    this.onAuth = onAuth;
    this.dialog = $('node-dialog');
    this.form = $('node-form');
    this.editing = null;
    trapFocus(this.dialog);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    $('node-cancel').addEventListener('click', () => this.dialog.close());
    $('node-auth-type').addEventListener('change', () => this.showAuthFields());
  }

  openAdd() {
    this.editing = null;
    this.reset('Add node');
    $('node-id').disabled = false;
    this.dialog.showModal();
    $('node-name').focus();
  }

  async openEdit(id) {
    const { data, headers } = await this.api.get(`/api/v1/nodes/${enc(id)}`);
    const node = data.node || data;
    this.editing = { node, etag: headers.get('ETag') || node.etag };
    this.reset(`Edit ${node.name}`);
    $('node-id').value = node.id;
    $('node-id').disabled = true;
    $('node-name').value = node.name;
    $('node-url').value = node.base_url;
    $('node-auth-type').value = (node.auth && node.auth.type) || 'none';
    $('node-username').value = (node.auth && node.auth.username) || '';
    $('node-labels').value =
      Object.entries(node.labels || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    this.showAuthFields();
    if (!this.dialog.open) this.dialog.showModal();
    $('node-name').focus();
  }

  reset(title) {
    this.form.reset();
    clearFieldErrors(this.form);
    $('node-form-error').textContent = '';
    $('node-dialog-title').textContent = title;
    this.showAuthFields();
  }

  showAuthFields() {
    const type = $('node-auth-type').value;
    $('node-token-field').hidden = type !== 'bearer';
    $('node-username-field').hidden = type !== 'basic';
    $('node-password-field').hidden = type !== 'basic';
    const kept = this.editing && this.editing.node.auth && this.editing.node.auth.secret_set
      && this.editing.node.auth.type === type;
    const hint = kept ? 'A secret is stored; leave empty to keep it.' : '';
    $('node-token-hint').textContent = hint;
    $('node-password-hint').textContent = hint;
  }

  /** Checks the form; returns the request body, or null after marking the bad fields. */
  collect() {
    clearFieldErrors(this.form);
    const name = $('node-name').value.trim();
    const id = this.editing ? this.editing.node.id : ($('node-id').value.trim() || slugOf(name));
    setFieldError($('node-name'), name ? '' : 'Enter a name.');
    setFieldError($('node-url'), checkBaseUrl($('node-url').value));
    if (!this.editing && name && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
      setFieldError($('node-id'), 'Use 1-63 lower-case letters, digits or dashes.');
    }
    let labels = {};
    try {
      labels = parseLabels($('node-labels').value);
    } catch (e) {
      setFieldError($('node-labels'), e.message);
    }
    const auth = this.collectAuth();
    if (focusFirstInvalid(this.form)) return null;
    return { id, name, base_url: $('node-url').value.trim(), auth, labels, transport: 'http' };
  }

  /**
   * The auth object to send. The hub keeps the stored secret when the type stays the same and
   * no new secret is sent, so an empty secret field means "unchanged" on edit.
   */
  collectAuth() {
    const type = $('node-auth-type').value;
    const stored = this.editing && this.editing.node.auth;
    const keep = Boolean(stored && stored.type === type && stored.secret_set);
    const token = $('node-token').value;
    const username = $('node-username').value.trim();
    const password = $('node-password').value;
    const require = (input, missing, message) => missing && setFieldError($(input), message);
    require('node-token', type === 'bearer' && !token && !keep, 'Enter the node\'s token.');
    require('node-username', type === 'basic' && !username, 'Enter the user name.');
    require('node-password', type === 'basic' && !password && !keep, 'Enter the password.');
    if (type === 'bearer') return token ? { type, token } : { type };
    if (type === 'basic') return password ? { type, username, password } : { type, username };
    return { type };
  }

  async save() {
    $('node-form-error').textContent = '';
    const body = this.collect();
    if (!body) return;
    $('node-save').disabled = true;
    try {
      if (this.editing) {
        // PUT replaces the whole node, so a label removed in the form is removed on the hub.
        await this.api.request('PUT', `/api/v1/nodes/${enc(body.id)}`,
          { body, headers: this.editing.etag ? { 'If-Match': this.editing.etag } : {} });
      } else {
        await this.api.request('POST', '/api/v1/nodes', { body });
      }
      this.dialog.close();
      this.onSaved(body);
    } catch (e) {
      await this.showError(e, body);
    } finally {
      $('node-save').disabled = false;
    }
  }

  async showError(e, body) {
    if (e.status === 401) {
      this.dialog.close();
      this.onAuth(e);
      return;
    }
    if (e.code === 'VALIDATION_ERROR') {
      const rest = Object.values(showFieldErrors(this.form, e.fields));
      $('node-form-error').textContent = rest.length ? rest.join(' ')
        : 'The hub refused a value; see the marked field.';
      focusFirstInvalid(this.form);
      return;
    }
    if (e.status === 409 && !this.editing) {
      setFieldError($('node-id'),
        `A node with the id "${body.id}" already exists; choose another.`);
      $('node-id').value = body.id;
      $('node-id').focus();
      return;
    }
    if (e.status === 412) {
      await this.openEdit(body.id);
      $('node-form-error').textContent = 'Someone else changed this node meanwhile. '
        + 'The form now shows the latest values; check them and save again.';
      return;
    }
    $('node-form-error').textContent = e.message;
  }
}
