package io.mio.http;

import java.util.Map;

/**
 * An error answered to the client as {@code {"error":{"code","message","details"}}}. The code is
 * a stable contract that clients match; the message tells a person what to do.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, ?> details;
  private final Map<String, String> headers;

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of(), Map.of());
  }

  public ApiException(int status, String code, String message, Map<String, ?> details) {
    this(status, code, message, details, Map.of());
  }

  public ApiException(
      int status, String code, String message, Map<String, ?> details,
      Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = Map.copyOf(details);
    this.headers = Map.copyOf(headers);
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException validation(Map<String, String> fieldErrors) {
    String first = fieldErrors.entrySet().iterator().next().getValue();
    String message = fieldErrors.size() == 1
        ? first
        : first + " (and " + (fieldErrors.size() - 1) + " more; see details.fields)";
    return new ApiException(400, "VALIDATION_ERROR", message, Map.of("fields", fieldErrors));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, ?> details() {
    return details;
  }

  /** Extra response headers such as {@code Retry-After} or {@code WWW-Authenticate}. */
  public Map<String, String> headers() {
    return headers;
  }
}
