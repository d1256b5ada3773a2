package io.mio.webcam;

import io.mio.camera.CameraStats;
import io.mio.camera.FrameSource;
import io.mio.stream.FrameHub;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the node can serve a fresh picture right now, and if not, why: the one judgement that
 * {@code /ready}, {@code /api/status} and snapshots share.
 */
final class NodeHealth {

  /** Why the node is degraded; the JSON value is the lower-case name. */
  enum Reason { NO_FRAME_YET, STALE_FRAME, CAMERA_RESTARTING, CAMERA_FAILED;

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A verdict at one instant: ok when {@code reason} is empty. */
  record Verdict(Optional<Reason> reason, Optional<Long> frameAgeMillis) {

    boolean ok() {
      return reason.isEmpty();
    }
  }

  private final FrameSource source;
  private final FrameHub hub;
  private final Supplier<Duration> maxFrameAge;

  NodeHealth(FrameSource source, FrameHub hub, Supplier<Duration> maxFrameAge) {
    this.source = source;
    this.hub = hub;
    this.maxFrameAge = maxFrameAge;
  }

  Verdict now() {
    Optional<Long> age = hub.ageMillis(System.nanoTime());
    return new Verdict(reason(source.stats().state(), age), age);
  }

  Duration maxFrameAge() {
    return maxFrameAge.get();
  }

  private Optional<Reason> reason(CameraStats.State state, Optional<Long> age) {
    return Optional.ofNullable(switch (state) {
      case FAILED, STOPPED -> Reason.CAMERA_FAILED;
      case RESTARTING -> Reason.CAMERA_RESTARTING;
      case STARTING, RUNNING -> age.isEmpty() ? Reason.NO_FRAME_YET
          : age.get() > maxFrameAge.get().toMillis() ? Reason.STALE_FRAME : null;
    });
  }
}
