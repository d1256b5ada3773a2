package io.mio.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Makes Jetty's own errors (bad requests, oversized headers) use our JSON envelope too. */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() > 0 ? response.getStatus() : 500;
    Object attr = request.getAttribute(ERROR_STATUS);
    if (attr instanceof Integer s) {
      status = s;
    }
    Object msg = request.getAttribute(ERROR_MESSAGE);
    byte[] body = body(status, msg == null ? null : msg.toString());
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int status, String reason) {
    String code = status == 413 || status == 431 ? "PAYLOAD_TOO_LARGE"
        : status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    String text = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return Json.bytes(Exchange.errorBody(code, text, Map.of("status", status)));
  }
}
