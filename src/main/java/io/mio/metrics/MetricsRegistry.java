package io.mio.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One Prometheus registry per process (JVM metrics included) and its text exposition. Modes
 * register their own collectors on {@link #registry()}; metric names start with {@code mio_}.
 *
 * <p>The JVM metrics are registered at the first scrape rather than at start: they load the
 * JDK's management beans (about 190 classes, 0.3 s of a cold start) and only a scrape reads
 * them.
 */
public final class MetricsRegistry {

  /** The content type of the Prometheus text format, version 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  /** Guarded by {@code this}. */
  private boolean jvmMetrics;

  public MetricsRegistry() {}

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Scrapes every collector and renders the text format. */
  public byte[] scrape() {
    registerJvmMetrics();
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Scrapes are seconds apart, so a plain lock is enough. */
  private synchronized void registerJvmMetrics() {
    if (jvmMetrics) {
      return;
    }
    // Marked first: a collector that cannot register is left out, not retried (and reported as
    // a duplicate) on every scrape.
    jvmMetrics = true;
    PrometheusProperties config = PrometheusProperties.get();
    JvmMemoryMetrics.builder(config).register(registry);
    JvmGarbageCollectorMetrics.builder(config).register(registry);
    JvmThreadsMetrics.builder(config).register(registry);
    JvmClassLoadingMetrics.builder(config).register(registry);
    JvmBufferPoolMetrics.builder(config).register(registry);
    JvmCompilationMetrics.builder(config).register(registry);
    JvmRuntimeInfoMetric.builder(config).register(registry);
    ProcessMetrics.builder(config).register(registry);
  }
}
