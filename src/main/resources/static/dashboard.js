// The hub's dashboard: asks for the hub token, polls the fleet overview every 5 s, and keeps one
// card per node, updated in place so focus and thumbnails survive each refresh.

import { ApiError, askToken, confirmDialog, createApi, poll } from './common.js';
import { NodeCard } from './node-card.js';
import { NodeDialog } from './node-dialog.js';

const OVERVIEW_EVERY_MS = 5000;
const THUMBNAILS_EVERY_MS = 4000;
const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

const api = createApi('mio.hub.token');
const cards = new Map();
let asking = null;
let loadedOnce = false;

/** Shows the token prompt (once at a time); resolves true when a token was entered. */
function signIn(error = '') {
  if (!asking) {
    asking = askToken({
      title: 'Sign in to the hub',
      message: 'Enter the hub\'s access token: MIO_MANAGEMENT_AUTH_TOKEN, or the token the hub '
        + 'generated on its first start (its log names the file that holds it).',
      error,
    }).then((token) => {
      asking = null;
      if (token) api.setToken(token);
      else banner('The dashboard needs the hub\'s token. Use "Add node" or reload to sign in.');
      return Boolean(token);
    });
  }
  return asking;
}

/** A 401 sends the user back to the token prompt, then repeats the refresh. */
async function onUnauthorised() {
  const hadToken = api.hasToken();
  api.clearToken();
  if (await signIn(hadToken ? 'The hub did not accept that token.' : '')) refresh();
}

async function refresh() {
  if (!api.hasToken()) return;
  try {
    const { data } = await api.get('/api/v1/management/overview');
    banner('');
    render(data);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) onUnauthorised();
    else banner(`The hub did not answer (${e.message}); retrying every 5 seconds.`);
  }
}

function render(overview) {
  const s = overview.summary || {};
  for (const key of ['total', 'ok', 'degraded', 'unavailable', 'pending']) {
    $(`sum-${key}`).textContent = s[key] ?? 0;
  }
  const grid = $('nodes');
  const seen = new Set();
  for (const node of overview.nodes || []) {
    seen.add(node.id);
    let card = cards.get(node.id);
    if (!card) {
      card = new NodeCard(node, actions);
      cards.set(node.id, card);
    }
    const change = card.update(node);
    if (change && loadedOnce) announce(change);
    grid.append(card.root);
  }
  for (const [id, card] of cards) {
    if (!seen.has(id)) {
      card.root.remove();
      cards.delete(id);
    }
  }
  $('empty').hidden = cards.size > 0;
  $('empty').textContent =
    'No nodes yet. Use "Add node" to register a camera, or let one announce itself.';
  grid.append($('empty'));
  grid.setAttribute('aria-busy', 'false');
  if (!loadedOnce) refreshThumbnails();
  loadedOnce = true;
}

function announce(text) {
  $('announcer').textContent = text;
}

function banner(text) {
  $('banner').textContent = text;
}

/** Runs a call that may meet a 401, then refreshes; other failures go to the banner. */
async function act(call) {
  try {
    await call();
    refresh();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) onUnauthorised();
    else banner(e.message);
  }
}

const actions = {
  edit: (node) => act(() => dialog.openEdit(node.id)),
  remove: async (node) => {
    const ok = await confirmDialog({ title: `Delete ${node.name}?`, danger: true, confirm: 'Delete',
      message: 'The hub forgets this node. The camera itself keeps running.' });
    if (ok) act(() => api.request('DELETE', `/api/v1/nodes/${enc(node.id)}`));
  },
  approve: (node) => act(
    () => api.request('POST', `/api/v1/nodes/${enc(node.id)}/discovery/approve`)),
  reject: async (node) => {
    const ok = await confirmDialog({ title: `Reject ${node.name}?`, danger: true, confirm: 'Reject',
      message: 'The hub removes this discovered node. If it keeps announcing, it shows up again.',
    });
    if (ok) act(() => api.request('POST', `/api/v1/nodes/${enc(node.id)}/discovery/reject`));
  },
};

const dialog = new NodeDialog({ api, onSaved: () => refresh(), onAuth: onUnauthorised });

function refreshThumbnails() {
  if (document.hidden) return;
  for (const card of cards.values()) card.refreshThumbnail();
}

$('add-node-button').addEventListener('click', async () => {
  if (api.hasToken() || (await signIn())) dialog.openAdd();
});
$('sign-out-button').addEventListener('click', () => {
  api.clearToken();
  signIn().then((ok) => ok && refresh());
});

(async () => {
  if (!api.hasToken()) await signIn();
  poll(refresh, OVERVIEW_EVERY_MS);
  setInterval(refreshThumbnails, THUMBNAILS_EVERY_MS);
})();
