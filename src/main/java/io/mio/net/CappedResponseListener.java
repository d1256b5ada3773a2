package io.mio.net;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects a response body up to a cap and aborts the exchange the moment the cap is passed, by
 * the declared {@code Content-Length} or by the bytes that arrive, so a hostile or broken node
 * cannot make the hub buffer more than the cap.
 *
 * <p>Jetty calls the methods of one response in order, never concurrently.
 */
final class CappedResponseListener implements Response.Listener {

  private final int maxBytes;
  private final CompletableFuture<NodeResponse> result = new CompletableFuture<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  CappedResponseListener(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  CompletableFuture<NodeResponse> result() {
    return result;
  }

  @Override
  public void onHeaders(Response response) {
    long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBytes) {
      response.abort(new ResponseTooLargeException(maxBytes, declared));
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    if ((long) body.size() + content.remaining() > maxBytes) {
      response.abort(new ResponseTooLargeException(maxBytes, -1));
      return;
    }
    byte[] chunk = new byte[content.remaining()];
    content.get(chunk);
    body.writeBytes(chunk);
  }

  @Override
  public void onComplete(Result outcome) {
    if (outcome.isFailed()) {
      result.completeExceptionally(outcome.getFailure());
      return;
    }
    Response response = outcome.getResponse();
    result.complete(new NodeResponse(response.getStatus(),
        header(response, HttpHeader.CONTENT_TYPE), header(response, HttpHeader.LOCATION),
        body.toByteArray()));
  }

  private static String header(Response response, HttpHeader name) {
    String value = response.getHeaders().get(name);
    return value == null ? "" : value;
  }

  /** The body passed the cap. */
  static final class ResponseTooLargeException extends Exception {

    ResponseTooLargeException(int maxBytes, long declaredBytes) {
      super("response body exceeds " + maxBytes + " bytes"
          + (declaredBytes >= 0 ? " (Content-Length " + declaredBytes + ")" : ""));
    }
  }
}
