package io.mio.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EtagsTest {

  private final Etags etags = new Etags(new byte[] {1, 2, 3});
  private final Node node = NodeRegistryTest.node("cam-1");

  @Test
  void isStableForTheSameKeyAndContent() {
    assertThat(new Etags(new byte[] {1, 2, 3}).of(node)).isEqualTo(etags.of(node))
        .matches("\"[A-Za-z0-9_-]{22}\"");
  }

  @Test
  void ignoresLastSeenSoProbesDoNotBreakAnEditorsIfMatch() {
    assertThat(etags.of(node.withLastSeen(Instant.now()))).isEqualTo(etags.of(node));
  }

  @Test
  void changesWhenOnlyTheSecretChanges() {
    Node other = new Node(node.id(), node.name(), node.baseUrl(), NodeAuth.bearer("another"),
        node.labels(), node.transport(), node.discovery(), node.lastSeen());

    assertThat(etags.of(other)).isNotEqualTo(etags.of(node));
  }

  @Test
  void dependsOnTheKey() {
    assertThat(new Etags(new byte[] {9}).of(node)).isNotEqualTo(etags.of(node));
  }

  @Test
  void matchesStarAndListsButNeverWeakTags() {
    String tag = etags.of(node);

    assertThat(etags.ifMatch("*", node)).isTrue();
    assertThat(etags.ifMatch("\"x\", " + tag, node)).isTrue();
    assertThat(etags.ifMatch("W/" + tag, node)).isFalse();
    assertThat(etags.ifMatch("\"x\"", node)).isFalse();
  }
}
