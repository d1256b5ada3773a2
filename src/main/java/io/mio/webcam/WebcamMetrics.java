package io.mio.webcam;

import io.mio.camera.CameraStats;
import io.mio.camera.FrameSource;
import io.mio.metrics.MetricsRegistry;
import io.mio.stream.FrameHub;
import io.mio.stream.StreamStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/**
 * The webcam's Prometheus metrics, all read at scrape time from the live counters (nothing is
 * updated per frame here). Per-client series exist only while the client is connected, so their
 * number stays under the stream cap.
 */
final class WebcamMetrics {

  private WebcamMetrics() {}

  static void register(MetricsRegistry metrics, FrameSource source, FrameHub hub,
      StreamStats streams) {
    PrometheusRegistry r = metrics.registry();
    CameraStats cam = source.stats();
    counter(r, "mio_camera_frames_captured", "Frames received from the camera",
        cam.framesCaptured::get);
    CounterWithCallback.builder().name("mio_camera_frames_dropped")
        .help("Frames dropped before serving, by reason").labelNames("reason")
        .callback(cb -> {
          cb.call(cam.framesDroppedTruncated.get(), "truncated");
          cb.call(cam.framesDroppedOversized.get(), "oversized");
          cb.call(cam.framesDroppedInvalid.get(), "invalid");
        }).register(r);
    counter(r, "mio_camera_garbage_bytes", "Bytes between frames that were not JPEG",
        cam.garbageBytes::get);
    counter(r, "mio_camera_restarts", "Times the camera source was restarted", cam.restarts::get);
    GaugeWithCallback.builder().name("mio_camera_up").help("1 while the camera source runs")
        .callback(cb -> cb.call(cam.state() == CameraStats.State.RUNNING ? 1 : 0)).register(r);
    GaugeWithCallback.builder().name("mio_camera_fps").help("Frames per second, measured")
        .callback(cb -> cb.call(hub.fps(System.nanoTime()))).register(r);
    GaugeWithCallback.builder().name("mio_frame_age_seconds")
        .help("Age of the newest frame; absent before the first frame")
        .callback(cb -> hub.ageMillis(System.nanoTime()).ifPresent(ms -> cb.call(ms / 1000.0)))
        .register(r);
    registerStreams(r, streams);
  }

  private static void registerStreams(PrometheusRegistry r, StreamStats s) {
    GaugeWithCallback.builder().name("mio_stream_clients").help("Connected stream clients")
        .callback(cb -> cb.call(s.current())).register(r);
    GaugeWithCallback.builder().name("mio_stream_clients_max").help("Stream client cap")
        .callback(cb -> cb.call(s.maxClients())).register(r);
    counter(r, "mio_stream_bytes_sent", "Bytes sent to stream clients", s::bytesSent);
    counter(r, "mio_stream_frames_sent", "Parts sent to stream clients", s::framesSent);
    counter(r, "mio_stream_frames_dropped",
        "Frames stream clients missed because they were still busy", s::framesDropped);
    counter(r, "mio_stream_frames_skipped", "Frames left out to honour ?fps", s::framesSkipped);
    counter(r, "mio_stream_stale_repeats", "Frames repeated during a camera stall",
        s::staleRepeats);
    counter(r, "mio_stream_refused", "Streams refused with 429 at the cap", s::refused);
    counter(r, "mio_stream_write_timeouts", "Clients closed for reading nothing", s::timedOut);
    GaugeWithCallback.builder().name("mio_stream_client_frames_dropped")
        .help("Frames each connected client missed because it was busy").labelNames("client")
        .callback(cb -> s.clients().forEach(
            c -> cb.call(c.framesDropped(), Long.toString(c.id()))))
        .register(r);
    GaugeWithCallback.builder().name("mio_stream_client_bytes_sent")
        .help("Bytes sent to each connected client").labelNames("client")
        .callback(cb -> s.clients().forEach(c -> cb.call(c.bytesSent(), Long.toString(c.id()))))
        .register(r);
  }

  private static void counter(PrometheusRegistry r, String name, String help, LongSupplier v) {
    CounterWithCallback.builder().name(name).help(help)
        .callback(cb -> cb.call(v.getAsLong())).register(r);
  }
}
