package io.mio.http;

/** Who may call a route; a {@link Guard} decides what each level requires. */
public enum Access {
  /** Anyone: liveness, readiness, metrics, static UI. Must reveal nothing sensitive. */
  PUBLIC,
  /** Read-only media: stream and snapshot. */
  VIEWER,
  /** Anything that changes state or reveals configuration details. */
  ADMIN
}
