package io.mio.discovery;

import java.net.URI;
import java.util.Optional;

/**
 * What a webcam tells the hub about itself. {@code callbackToken} is the bearer token the hub
 * should use when it calls the node back (the node's MIO_WEBCAM_AUTH_TOKEN), if it has one.
 */
public record Announcement(
    String nodeId, String name, URI baseUrl, Optional<String> callbackToken, String version) {

  @Override
  public String toString() {
    return "Announcement[" + nodeId + " " + name + " " + baseUrl + " token="
        + (callbackToken.isPresent() ? "(set)" : "(none)") + "]";
  }
}
