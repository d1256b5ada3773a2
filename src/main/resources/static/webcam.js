// The webcam node's page: live picture, status polled every 2 s, snapshot, full screen and the
// settings panel. One long-lived connection only (the stream); everything else is short polls.

import {
  ApiError, createApi, askToken, el, formatAgeMs, formatDuration, formatFps, poll, reasonText,
} from './common.js';
import { StreamView } from './stream-view.js';
import { SettingsPanel } from './webcam-settings.js';

const STATUS_EVERY_MS = 2000;
const $ = (id) => document.getElementById(id);

const api = createApi('mio.webcam.token');
let nodeName = 'camera';
let lastLine = '';

const stream = new StreamView({
  img: $('stream'),
  overlay: $('stream-overlay'),
  overlayTitle: $('stream-overlay-title'),
  overlayDetail: $('stream-overlay-detail'),
});

/** Asks for the node's token after a 401/403; true when the user gave one. */
async function requestToken(error) {
  const message = error.status === 403
    ? `${error.message} If this node has an access token, enter it to continue.`
    : 'This node needs its access token (MIO_WEBCAM_AUTH_TOKEN) for this.';
  const token = await askToken({ title: 'Access token needed', message,
    error: api.hasToken() ? 'The token you entered was not accepted.' : '' });
  if (!token) return false;
  api.setToken(token);
  return true;
}

const settings = new SettingsPanel({ api, requestToken, onSaved: refreshStatus });

async function refreshStatus() {
  try {
    const { data } = await api.get('/api/status');
    showStatus(data);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      showBadge('unknown', 'Locked');
      showLine('This node needs its access token to show its status. Open Settings to enter it.');
      stream.nodeStatus(true);
      return;
    }
    showBadge('unavailable', 'Offline');
    showLine('The node is not answering; retrying every 2 seconds.');
    // Old figures would look current; blank them until the node answers again.
    document.querySelectorAll('.stats dd').forEach((dd) => { dd.textContent = '—'; });
    stream.nodeGone();
  }
}

function showStatus(s) {
  if (s.name && s.name !== nodeName) {
    nodeName = s.name;
    $('node-name').textContent = s.name;
    document.title = `${s.name} · motion-in-ocean`;
  }
  const restarting = s.reason === 'camera_restarting';
  if (s.status === 'ok') showBadge('ok', 'Live');
  else showBadge('degraded', restarting ? 'Restarting' : 'Degraded');
  showLine(s.status === 'ok' ? 'Streaming normally.' : `${reasonText(s.reason)}.`);

  $('stat-fps').textContent = formatFps(s.fps);
  $('stat-resolution').textContent = s.resolution || '—';
  const c = s.connections || {};
  $('stat-clients').textContent = c.current === undefined ? '—' : `${c.current} of ${c.max}`;
  $('stat-age').textContent = formatAgeMs(s.frame_age_ms);
  $('stat-uptime').textContent = formatDuration(s.uptime_seconds);
  $('stat-restarts').textContent = s.camera ? String(s.camera.restarts ?? '—') : '—';
  stream.nodeStatus(s.status === 'ok', `${reasonText(s.reason)}.`);
}

function showBadge(kind, text) {
  const badge = $('status-badge');
  badge.className = `badge ${kind}`;
  badge.dataset.status = kind;
  badge.textContent = text;
}

/** The status sentence is a polite live region: only real changes are announced. */
function showLine(text) {
  if (text === lastLine) return;
  lastLine = text;
  $('status-line').textContent = text;
}

/** "garage-cam-20260101-120501.jpg": node name plus local time, safe for any file system. */
function snapshotName(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`
    + `-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const safe = nodeName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'camera';
  return `${safe}-${stamp}.jpg`;
}

async function saveSnapshot() {
  const message = $('action-message');
  try {
    const response = await fetch(`/snapshot.jpg?t=${Date.now()}`, { cache: 'no-store' });
    if (!response.ok) {
      let why = `the node answered ${response.status}`;
      try {
        const body = await response.json();
        why = (body.error && body.error.message) || why;
      } catch { /* not JSON */ }
      message.textContent = `No snapshot saved: ${why}`;
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const name = snapshotName();
    const link = el('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
    message.textContent = `Saved ${name}`;
  } catch {
    message.textContent = 'No snapshot saved: the node did not answer.';
  }
}

function setupFullscreen() {
  const button = $('fullscreen-button');
  const box = $('video-box');
  if (!document.fullscreenEnabled) {
    button.hidden = true;
    return;
  }
  button.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else box.requestFullscreen().catch(() => {});
  });
  document.addEventListener('fullscreenchange', () => {
    button.textContent = document.fullscreenElement ? 'Exit full screen' : 'Full screen';
  });
}

$('snapshot-button').addEventListener('click', saveSnapshot);
setupFullscreen();
stream.connect();
poll(refreshStatus, STATUS_EVERY_MS);
