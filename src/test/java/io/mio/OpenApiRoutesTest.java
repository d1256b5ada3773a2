package io.mio;

import static org.assertj.core.api.Assertions.assertThat;

import io.mio.http.Json;
import io.mio.testing.OpenApiDoc;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenAPI document of each mode describes exactly the routes the code registers (HEAD is
 * implied by GET, OPTIONS by the router), is the one each mode serves at {@code /openapi.json},
 * is sound (references resolve, path parameters declared, an error in the envelope for every
 * operation), and calls public exactly the routes that answer without credentials.
 */
class OpenApiRoutesTest {

  /** The two modes, each with its document. */
  enum Mode {
    WEBCAM("webcam.json"), MANAGEMENT("management.json");

    final OpenApiDoc doc;
    final String resource;

    Mode(String resource) {
      this.resource = resource;
      this.doc = OpenApiDoc.resource(resource);
    }

    List<String> routes() {
      return this == WEBCAM ? modes.webcam.routes() : modes.hub.routes();
    }

    int port() {
      return this == WEBCAM ? modes.webcam.port() : modes.hub.port();
    }
  }

  @TempDir
  static Path data;
  private static InProcessModes modes;

  @BeforeAll
  static void start() throws Exception {
    modes = new InProcessModes(data);
  }

  @AfterAll
  static void stop() throws Exception {
    modes.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void documentsEveryRouteOfTheCodeAndNoOther(Mode mode) {
    Set<String> code = new TreeSet<>(mode.routes());
    Set<String> documented = new TreeSet<>(mode.doc.operations().keySet());

    Set<String> undocumented = new TreeSet<>(code);
    undocumented.removeAll(documented);
    Set<String> notInCode = new TreeSet<>(documented);
    notInCode.removeAll(code);
    assertThat(documented).as("openapi/%s against the %s routes: missing from the document %s;"
        + " documented but not in the code %s", mode.resource, mode, undocumented, notInCode)
        .isEqualTo(code);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void servesItsDocumentAtOpenApiJson(Mode mode) throws Exception {
    HttpResponse<String> r = InProcessModes.send(mode.port(), "GET", "/openapi.json", null,
        null, null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(Json.MAPPER.readTree(r.body())).isEqualTo(mode.doc.root());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void isAnOpenApi31DocumentWhoseReferencesResolve(Mode mode) {
    assertThat(mode.doc.root().path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(mode.doc.unresolvedRefs()).as("unresolved $refs").isEmpty();
    assertThat(mode.doc.pathParameterMismatches())
        .as("operations whose path parameters differ from their template").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyOperationDocumentsAnErrorInTheEnvelope(Mode mode) {
    assertThat(mode.doc.operationsWithoutErrorEnvelope())
        .as("operations without a 4xx/5xx answer of schema Error").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyOperationHasAUniqueId(Mode mode) {
    List<String> ids = new ArrayList<>();
    mode.doc.operations().values().forEach(op -> ids.add(op.path("operationId").asString("")));

    assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyErrorCodeIsExplainedInTheDeploymentGuide(Mode mode) throws Exception {
    String guide = Files.readString(Path.of("docs/DEPLOYMENT.md"));
    String troubleshooting = guide.substring(guide.indexOf("## Troubleshooting by error code"));
    List<String> missing = new ArrayList<>();
    mode.doc.root().at("/components/schemas/ErrorCode/enum").forEach(code -> {
      if (!troubleshooting.contains("`" + code.asString() + "`")) {
        missing.add(code.asString());
      }
    });

    assertThat(missing).as("codes missing from the troubleshooting table").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void onlyRoutesDocumentedAsPublicAnswerWithoutCredentials(Mode mode) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String route : mode.doc.operations().keySet()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "nope")
          .replace("{action}", "restart-camera").replace("{file}", "style.css");
      // HEAD takes the same guard as GET and never waits for a stream.
      int status = InProcessModes.send(mode.port(), method.equals("GET") ? "HEAD" : method,
          path, null, "application/json", method.equals("GET") ? null : "{}").statusCode();
      boolean refused = status == 401 || status == 403;
      if (refused == mode.doc.isPublic(route)) {
        wrong.add(route + " answered " + status + " without credentials but is documented as "
            + (refused ? "public" : "needing credentials"));
      }
    }
    assertThat(wrong).isEmpty();
  }
}
