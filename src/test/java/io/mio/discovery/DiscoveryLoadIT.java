package io.mio.discovery;

import static io.mio.testing.HubClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mio.testing.HubClient;
import io.mio.testing.MioProcess;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A hundred nodes announcing at the same moment, twice each: the registry loses nothing. */
class DiscoveryLoadIT {

  private static final String SECRET = "discovery-secret-0123456789";
  private static final String TOKEN = "hub-token-0123456789";
  private static final int NODES = 100;

  @TempDir
  Path data;

  @Test
  void aHundredConcurrentAnnouncementsAllLand() throws Exception {
    try (MioProcess hub = MioProcess.management().env("MIO_DATA_DIR", data.toString())
        .env("MIO_MANAGEMENT_AUTH_TOKEN", TOKEN)
        .env("MIO_NODE_DISCOVERY_SHARED_SECRET", SECRET).start()) {
      HubClient announcer = new HubClient(hub.baseUrl(), SECRET);
      List<Future<Integer>> answers = new ArrayList<>();
      try (var pool = Executors.newFixedThreadPool(32)) {
        for (int round = 0; round < 2; round++) {
          for (int i = 0; i < NODES; i++) {
            String body = announcement(i);
            answers.add(pool.submit(() -> announcer.send(HttpRequest.newBuilder(
                    hub.uri("/api/v1/discovery/announce"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode()));
          }
        }
        for (Future<Integer> f : answers) {
          assertThat(f.get()).isIn(200, 201);
        }
      }

      JsonNode nodes = json(new HubClient(hub.baseUrl(), TOKEN).get("/api/v1/nodes"))
          .get("nodes");
      Set<String> ids = new HashSet<>();
      nodes.forEach(n -> ids.add(n.get("id").stringValue()));
      assertThat(ids).hasSize(NODES);
      nodes.forEach(n -> assertThat(n.at("/discovery/approved").booleanValue()).isFalse());
    }
  }

  private static String announcement(int i) {
    return "{\"node_id\":\"" + String.format("node-%012x", i) + "\",\"name\":\"cam " + i
        + "\",\"base_url\":\"http://192.168.7." + (i + 1) + ":8000\",\"auth\":{\"type\":"
        + "\"bearer\",\"token\":\"t" + i + "\"},\"version\":\"1\"}";
  }
}
