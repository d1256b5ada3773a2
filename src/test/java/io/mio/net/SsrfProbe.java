package io.mio.net;

/**
 * Calls each URL given with a default-policy {@link NodeClient} and prints one line per URL:
 * {@code OK <status> <body.status>} or the failure code. Run inside a {@code Lan} namespace by
 * {@link NodeClientLanTest}, because the test JVM cannot reach the simulated hosts.
 */
public final class SsrfProbe {

  private SsrfProbe() {}

  public static void main(String[] urls) {
    try (NodeClient client = new NodeClient(NodeClientSettings.of(SsrfPolicy.defaults()))) {
      for (String url : urls) {
        System.out.println(url + " " + outcome(client, url));
      }
    }
  }

  private static String outcome(NodeClient client, String url) {
    try {
      NodeReply reply = client.getJson(url, "/status.json", null);
      return "OK " + reply.status() + " " + reply.body().path("status").asString();
    } catch (NodeCallException e) {
      return e.code().name();
    }
  }
}
