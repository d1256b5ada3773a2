package io.mio.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request and its response, with the small vocabulary routes need: path and query
 * parameters, bounded JSON bodies, and JSON, byte or error answers. Blocking; used from the
 * virtual thread that serves the request.
 */
public final class Exchange {

  /** How much of an oversized request body is read and dropped before answering 413. */
  static final long DRAIN_MAX_BYTES = 2L << 20;

  /** Request bodies larger than this are refused with 413 before parsing. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private final Map<String, String> pathParams;
  private Fields query;
  private boolean answered;

  Exchange(Request request, Response response, Callback callback, Map<String, String> params) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.pathParams = params;
  }

  public Request request() {
    return request;
  }

  public Response response() {
    return response;
  }

  public String method() {
    return request.getMethod();
  }

  public boolean isHead() {
    return "HEAD".equals(request.getMethod());
  }

  public String path() {
    return request.getHttpURI().getPath();
  }

  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return v;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  /** A query parameter; value-less ones (cache busters such as {@code ?1595805826022}) are "". */
  public Optional<String> query(String name) {
    if (query == null) {
      query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    }
    Fields.Field f = query.get(name);
    return f == null ? Optional.empty() : Optional.ofNullable(f.getValue());
  }

  /** An optional whole-number query parameter in [min, max], else 400 VALIDATION_ERROR. */
  public Optional<Integer> queryInt(String name, int min, int max) {
    Optional<String> raw = query(name).filter(s -> !s.isEmpty());
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v >= min && v <= max) {
        return Optional.of(v);
      }
    } catch (NumberFormatException ignored) {
      // Reported below with the rule.
    }
    throw ApiException.validation(
        Map.of(name, name + " must be " + min + "-" + max + ", got '" + raw.get() + "'"));
  }

  /** The peer's address as seen on the socket; forwarding headers are deliberately ignored. */
  public InetAddress remoteAddress() {
    SocketAddress sa = request.getConnectionMetaData().getRemoteSocketAddress();
    return sa instanceof InetSocketAddress isa
        ? isa.getAddress() : InetAddress.getLoopbackAddress();
  }

  /** Reads the body as JSON: 415 unless it says JSON, 413 past the limit, 400 if malformed. */
  public JsonNode readJson(int maxBytes) {
    return readJson(maxBytes, Set.of("application/json"));
  }

  /**
   * Like {@link #readJson(int)} for a body whose media type (parameters such as charset
   * ignored) is one of {@code mediaTypes}, e.g. also {@code application/merge-patch+json}.
   */
  public JsonNode readJson(int maxBytes, Set<String> mediaTypes) {
    String type = header("Content-Type").orElse("");
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaTypes.contains(media)) {
      String accepted = String.join(" or ", new TreeSet<>(mediaTypes));
      throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE",
          "send the body as JSON with Content-Type: " + accepted,
          Map.of("content_type", type, "accepted", List.copyOf(new TreeSet<>(mediaTypes))));
    }
    byte[] body = readBody(maxBytes);
    if (body.length == 0) {
      throw ApiException.badRequest("INVALID_JSON",
          "the request body is empty; send a JSON object");
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("INVALID_JSON",
          "the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  public JsonNode readJson() {
    return readJson(DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Reads at most {@code maxBytes} of body, refusing larger bodies with 413. Up to
   * {@link #DRAIN_MAX_BYTES} of an oversized body is read and dropped first: a client still
   * sending when the server closes gets a reset instead of the 413 and its message.
   */
  public byte[] readBody(int maxBytes) {
    long declared = request.getLength();
    if (declared > maxBytes + DRAIN_MAX_BYTES) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > maxBytes) {
        drain(in);
        throw tooLarge(maxBytes);
      }
      byte[] data = in.readNBytes(maxBytes + 1);
      if (data.length > maxBytes) {
        drain(in);
        throw tooLarge(maxBytes);
      }
      return data;
    } catch (IOException e) {
      throw ApiException.badRequest("BAD_REQUEST_BODY", "could not read the request body");
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[16 * 1024];
    long left = DRAIN_MAX_BYTES;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }

  public void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  public void sendJson(int status, Object body) {
    send(status, "application/json", Json.bytes(body));
  }

  public void sendText(int status, String contentType, String body) {
    send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers with a complete body; blocks until written. */
  public void send(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    answered = true;
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Answers with no body, for 204 and the like. */
  public void sendEmpty(int status) {
    response.setStatus(status);
    answered = true;
    response.write(true, null, callback);
  }

  public void sendError(ApiException e) {
    e.headers().forEach(this::setHeader);
    sendJson(e.status(), errorBody(e.code(), e.getMessage(), e.details()));
  }

  /**
   * Takes over the response for streaming: the caller writes with {@link Content.Sink} and then
   * calls {@link #finish()} or {@link #abort(Throwable)} exactly once.
   */
  public Response beginStreaming(int status, String contentType) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    answered = true;
    return response;
  }

  public void finish() {
    response.write(true, null, callback);
  }

  public void abort(Throwable cause) {
    callback.failed(cause);
  }

  boolean answered() {
    return answered;
  }

  Callback callback() {
    return callback;
  }

  static Map<String, Object> errorBody(String code, String message, Map<String, ?> details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("details", details);
    return Map.of("error", error);
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(413, "PAYLOAD_TOO_LARGE",
        "the request body is larger than " + maxBytes + " bytes; send a smaller body",
        Map.of("max_bytes", maxBytes));
  }
}
