// One node on the dashboard: snapshot thumbnail (a fresh JPEG every few seconds, never an
// MJPEG stream per tile, so a dozen cameras fit in the browser's per-host connection limit),
// status badge with a one-line explanation, frame rate, last seen, and its actions.

import { el, formatFps, formatSince, reasonText } from './common.js';

/** One line per error code the hub reports, telling what to check. */
export const ERROR_HELP = {
  NODE_UNREACHABLE: 'The hub could not connect. Is the node running and on the network?',
  NODE_TIMEOUT: 'The node did not answer in time. It may be overloaded or the network slow.',
  NODE_UNAUTHORIZED: 'The node refused the hub\'s credentials. Check them under Edit.',
  NODE_INVALID_RESPONSE: 'Something answered that is not a camera node. Check the address.',
  SSRF_BLOCKED: 'The hub\'s network policy forbids this address (MIO_NODE_ALLOWED_NETWORKS).',
};

const LABELS = {
  ok: 'OK', degraded: 'Degraded', unavailable: 'Unavailable', pending: 'Pending approval',
};
const HAS_PICTURE = new Set(['ok', 'degraded']);

function snapshotUrl(baseUrl) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL('snapshot.jpg', base);
  url.searchParams.set('t', Date.now());
  return url.href;
}

export class NodeCard {
  constructor(node, actions) {
    this.actions = actions;
    this.node = node;
    this.status = null;
    this.loading = false;
    this.build(node);
  }

  build(node) {
    const newTab = { target: '_blank', rel: 'noopener noreferrer' };
    this.placeholder = el('span', { class: 'no-picture' });
    this.thumb = el('a', { class: 'thumb', tabindex: '-1', 'aria-hidden': 'true', ...newTab },
      this.placeholder);
    this.title = el('a', newTab);
    this.badge = el('span', { class: 'badge' });
    this.url = el('p', { class: 'url' });
    this.explain = el('p', { class: 'explain' });
    this.fps = el('dd', { class: 'stat-fps' });
    this.seen = el('dd', { class: 'stat-seen' });
    this.latency = el('dd', { class: 'stat-latency' });
    this.buttons = el('div', { class: 'card-actions' });
    const stat = (label, dd) => el('div', {}, el('dt', { text: label }), dd);
    this.root = el('article', { class: 'card', 'data-node-id': node.id },
      this.thumb,
      el('div', { class: 'card-body' },
        el('div', { class: 'card-head' }, el('h2', {}, this.title), this.badge),
        this.url, this.explain,
        el('dl', { class: 'stats' },
          stat('Frame rate', this.fps), stat('Last seen', this.seen),
          stat('Latency', this.latency)),
        this.buttons));
  }

  /** Applies a fresh overview entry; returns a sentence to announce when the status changed. */
  update(node) {
    const previous = this.status;
    this.node = node;
    this.status = node.status;
    this.root.dataset.status = node.status;
    this.thumb.href = node.base_url;
    this.title.href = node.base_url;
    this.title.textContent = node.name;
    this.title.setAttribute('aria-label', `${node.name}: open the live view in a new tab`);
    this.url.textContent = node.base_url;
    this.badge.className = `badge ${node.status}`;
    this.badge.textContent = LABELS[node.status] || node.status;
    this.explain.replaceChildren(...this.explanation(node));
    const ns = node.node_status || {};
    this.fps.textContent = HAS_PICTURE.has(node.status) ? formatFps(ns.fps) : '—';
    this.seen.textContent = formatSince(node.last_seen);
    const ms = node.latency_ms;
    this.latency.textContent = typeof ms === 'number' ? `${Math.round(ms)} ms` : '—';
    if (previous === null || (previous === 'pending') !== (node.status === 'pending')) {
      this.renderButtons();
    }
    if (!HAS_PICTURE.has(node.status)) this.showNoPicture();
    if (previous === node.status) return null;
    const code = node.error && node.error.code ? ` (${node.error.code})` : '';
    return `${node.name} is now ${LABELS[node.status] || node.status}${code}.`;
  }

  explanation(node) {
    if (node.status === 'unavailable') {
      const code = (node.error && node.error.code) || 'UNKNOWN';
      const help = ERROR_HELP[code] || (node.error && node.error.message)
        || 'The hub could not check this node.';
      return [el('code', { class: 'error-code', text: code }), ` ${help}`];
    }
    if (node.status === 'degraded') {
      const reason = node.node_status && node.node_status.reason;
      return [`${reasonText(reason) || 'The camera has no fresh picture'}.`];
    }
    if (node.status === 'pending') {
      return ['Announced itself to the hub. Approve it to start watching.'];
    }
    return ['Streaming normally.'];
  }

  renderButtons() {
    const b = (text, action, cls) => el('button', {
      type: 'button', class: cls, 'data-action': action, text,
      'aria-label': `${text} ${this.node.name}`, onclick: () => this.actions[action](this.node),
    });
    this.buttons.replaceChildren(...(this.node.status === 'pending'
      ? [b('Approve', 'approve', 'primary'), b('Reject', 'reject', 'danger')]
      : [b('Edit', 'edit'), b('Delete', 'remove', 'danger')]));
  }

  showNoPicture() {
    const img = this.thumb.querySelector('img');
    if (img) img.remove();
    this.placeholder.hidden = false;
    this.placeholder.textContent =
      this.status === 'pending' ? 'Waiting for approval' : 'No picture';
  }

  /** Loads a new snapshot off-screen and swaps it in only once it decoded, so tiles never flash. */
  refreshThumbnail() {
    if (!HAS_PICTURE.has(this.status) || this.loading) return;
    this.loading = true;
    const probe = new Image();
    probe.alt = `Latest picture from ${this.node.name}`;
    probe.addEventListener('load', () => {
      this.loading = false;
      if (!HAS_PICTURE.has(this.status)) return;
      const old = this.thumb.querySelector('img');
      if (old) old.replaceWith(probe);
      else this.thumb.prepend(probe);
      this.thumb.classList.remove('stale');
      this.placeholder.hidden = true;
    });
    probe.addEventListener('error', () => {
      this.loading = false;
      const hasOld = Boolean(this.thumb.querySelector('img'));
      this.thumb.classList.toggle('stale', hasOld);
      this.placeholder.hidden = false;
      this.placeholder.textContent = hasOld ? 'Picture out of date' : 'No picture available';
    });
    probe.src = snapshotUrl(this.node.base_url);
  }
}
