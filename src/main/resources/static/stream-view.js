// The live picture: one <img> on /stream.mjpg, watched for drops and reconnected with backoff.
// A browser gives no event per MJPEG frame, so "no new frame" is noticed by sampling the
// picture into a tiny canvas (same origin, so readable) and comparing samples over time.

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
const SAMPLE_EVERY_MS = 2000;
/** A picture unchanged this long while the node reports fresh frames counts as a dead stream. */
const FROZEN_AFTER_MS = 10000;

export class StreamView {
  constructor({ img, overlay, overlayTitle, overlayDetail, onState = () => {} }) {
    this.img = img;
    this.overlay = overlay;
    this.overlayTitle = overlayTitle;
    this.overlayDetail = overlayDetail;
    this.onState = onState;
    this.attempt = 0;
    this.retryTimer = null;
    this.countdownTimer = null;
    this.state = 'idle';
    this.lastSample = null;
    this.lastChangeAt = 0;
    this.nodeFresh = false;
    this.canvas = document.createElement('canvas');
    this.canvas.width = 32;
    this.canvas.height = 18;
    img.addEventListener('load', () => this.onFrame());
    img.addEventListener('error', () => this.onDrop('The stream was interrupted.'));
    setInterval(() => this.checkFrozen(), SAMPLE_EVERY_MS);
    document.addEventListener('visibilitychange', () => this.onVisibility());
  }

  connect() {
    this.clearTimers();
    this.setState(this.state === 'live' ? 'live' : 'connecting');
    this.lastChangeAt = Date.now();
    this.lastSample = null;
    if (!this.overlay.hidden) this.showOverlay('Reconnecting to the stream…', 'Connecting…');
    // A fresh query string per attempt, so no cache or half-dead connection is reused.
    this.img.src = `/stream.mjpg?t=${Date.now()}`;
  }

  disconnect() {
    this.clearTimers();
    this.img.removeAttribute('src');
    this.setState('idle');
  }

  /**
   * Whether the node itself has fresh frames (if so, a frozen picture is our stream's fault),
   * and if not, why: the last picture stays visible, dimmed, with the reason over it.
   */
  nodeStatus(fresh, why = '') {
    this.nodeFresh = fresh;
    if (this.state === 'paused') return;
    if (fresh && this.state === 'waiting-node') this.connect();
    if (this.state !== 'live') return;
    if (fresh) this.hideOverlay();
    else this.showOverlay('No fresh picture', why);
  }

  /** The node stopped answering: say so, and reconnect as soon as it answers again. */
  nodeGone() {
    if (this.state === 'idle' || this.state === 'paused') return;
    this.clearTimers();
    this.nodeFresh = false;
    this.setState('waiting-node');
    this.showOverlay('Node unreachable', 'The picture resumes when the node answers again.');
  }

  onFrame() {
    if (this.state === 'idle') return;
    this.attempt = 0;
    this.hideOverlay();
    this.fitAspect();
    this.setState('live');
  }

  /** The box takes the picture's own aspect ratio (it changes when the resolution does). */
  fitAspect() {
    const { naturalWidth: w, naturalHeight: h } = this.img;
    if (w && h) this.img.closest('.video-box').style.setProperty('--ar', (w / h).toFixed(4));
  }

  onDrop(why) {
    const gone = this.state === 'idle' || this.state === 'waiting-node';
    if (gone || !this.img.getAttribute('src')) return;
    this.clearTimers();
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.setState('reconnecting');
    const due = Date.now() + delay;
    const tick = () => {
      const left = Math.max(0, Math.ceil((due - Date.now()) / 1000));
      this.showOverlay('Reconnecting to the stream…',
        `${why} Retrying in ${left} s (attempt ${this.attempt}).`);
    };
    tick();
    this.countdownTimer = setInterval(tick, 500);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  checkFrozen() {
    if (this.state !== 'live' || document.hidden) return;
    const sample = this.sample();
    if (sample === null) return;
    this.fitAspect();
    const now = Date.now();
    if (sample !== this.lastSample) {
      this.lastSample = sample;
      this.lastChangeAt = now;
    } else if (this.nodeFresh && now - this.lastChangeAt > FROZEN_AFTER_MS) {
      this.onDrop('No new picture arrived.');
    }
  }

  sample() {
    if (!this.img.naturalWidth) return null;
    try {
      const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(this.img, 0, 0, this.canvas.width, this.canvas.height);
      const data = ctx.getImageData(0, 0, this.canvas.width, this.canvas.height).data;
      let hash = 0;
      for (let i = 0; i < data.length; i += 1) hash = (hash * 31 + data[i]) | 0;
      return hash;
    } catch {
      return null;
    }
  }

  onVisibility() {
    // A hidden tab holds no stream: it saves the camera's upload and a connection slot.
    if (document.hidden && this.state !== 'idle') {
      this.clearTimers();
      this.img.removeAttribute('src');
      this.setState('paused');
    } else if (!document.hidden && this.state === 'paused') {
      this.connect();
    }
  }

  showOverlay(title, detail) {
    this.overlayTitle.textContent = title;
    this.overlayDetail.textContent = detail;
    this.overlay.hidden = false;
  }

  hideOverlay() {
    this.overlay.hidden = true;
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.img.closest('.video-box').dataset.stream = state;
    this.onState(state);
  }

  clearTimers() {
    clearTimeout(this.retryTimer);
    clearInterval(this.countdownTimer);
    this.retryTimer = null;
    this.countdownTimer = null;
  }
}
