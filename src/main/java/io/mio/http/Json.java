package io.mio.http;

import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the process: snake_case is written explicitly by callers. */
public final class Json {

  /**
   * Strict: unknown properties fail, so typos in request bodies are reported, not ignored; a
   * property given twice fails too, rather than the last one silently winning.
   */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static byte[] bytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /**
   * Writes and reads a small document on a background thread, so that the mapper's classes load
   * while the node starts instead of delaying its first answer (about 0.2 s on a cold JVM).
   */
  public static void warmUpInBackground() {
    Thread.ofPlatform().daemon().name("json-warm-up").start(() -> {
      ObjectNode doc = object().put("status", "ready").put("frames", 1L).put("ok", true);
      doc.putObject("detail").put("fps", 1.5).putArray("list").add("x");
      MAPPER.readTree(bytes(doc));
      bytes(Map.of("status", "ready", "age", 1.5, "list", List.of(1)));
    });
  }
}
