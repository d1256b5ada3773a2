package io.mio.webcam;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.mio.camera.FrameSource;
import io.mio.http.AuthFailureLimiter;
import io.mio.http.BearerToken;
import io.mio.http.Cors;
import io.mio.http.Router;
import io.mio.stream.StreamStats;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the runtime settings into a running node: the settings in force when the node starts,
 * and what each later change touches. Camera settings go to {@link FrameSource#reconfigure}
 * (stream clients stay connected and get the new frames), the stream cap to {@link StreamStats},
 * the log level to Logback; the frame-age limit is read live through {@link #stream()}.
 */
final class ControlPlane {

  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

  private final WebcamConfig config;
  private final SettingsStore store;

  private ControlPlane(WebcamConfig config, SettingsStore store) {
    this.config = config;
    this.store = store;
  }

  /** Loads the stored settings; the source is told before it starts. */
  static ControlPlane open(WebcamConfig config, FrameSource source) {
    ControlConfig control = config.control();
    SettingsStore store = new SettingsStore(new SettingsFile(control.settingsPath()),
        config.startupSettings(), control.pinned());
    store.fileProblem().ifPresent(p -> LOG.warn("settings file {} ignored: {}; the node runs on"
        + " flags, environment and defaults, and refuses changes until the file is fixed or"
        + " deleted", control.settingsPath(), p));
    RuntimeSettings s = store.current();
    if (!s.camera().equals(config.camera().settings())) {
      source.reconfigure(s.camera());
    }
    source.frameAgeLimit(s.maxFrameAge());
    applyLogLevel(s.logLevel());
    return new ControlPlane(config, store);
  }

  RuntimeSettings current() {
    return store.current();
  }

  /** The stream settings in force now: the cap and frame-age limit can change at runtime. */
  StreamConfig stream() {
    RuntimeSettings s = store.current();
    return new StreamConfig(s.maxStreamConnections(), s.maxFrameAge(),
        config.stream().writeTimeout());
  }

  /** Installs guard, CORS and the settings and action routes; changes go to the parts given. */
  void register(Router router, FrameSource source, StreamStats streams) {
    ControlConfig control = config.control();
    List<String> origins = config.server().corsOrigins();
    router.guard(new WebcamGuard(control.adminToken().map(BearerToken::of),
        control.streamAuth(), AuthFailureLimiter.standard(), origins)).cors(new Cors(origins));
    store.onChange((before, after) -> apply(before, after, source, streams));
    new SettingsApi(store, control, source::restart).register(router);
  }

  private static void apply(RuntimeSettings before, RuntimeSettings after, FrameSource source,
      StreamStats streams) {
    if (!before.camera().equals(after.camera())) {
      source.reconfigure(after.camera());
    }
    if (before.maxStreamConnections() != after.maxStreamConnections()) {
      streams.maxClients(after.maxStreamConnections());
    }
    if (!before.maxFrameAge().equals(after.maxFrameAge())) {
      source.frameAgeLimit(after.maxFrameAge());
    }
    if (before.logLevel() != after.logLevel()) {
      applyLogLevel(after.logLevel());
    }
  }

  /** Our own loggers (io.mio) only; third-party loggers stay at WARN as LogSetup sets. */
  private static void applyLogLevel(RuntimeSettings.LogLevel level) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.getLogger("io.mio").setLevel(Level.toLevel(level.word(), Level.INFO));
  }

  /** The security policy in force, for the startup line. */
  String describe() {
    return config.control().describe(config.server().corsOrigins())
        + " settings=" + store.file().path() + " pinned=" + store.pinned().stream()
            .sorted().map(Setting::json).toList();
  }
}
