package io.mio.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mio.config.Resolution;
import io.mio.http.ApiException;
import io.mio.http.Json;
import io.mio.webcam.RuntimeSettings.LogLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Precedence, validation, pins and the file: what a PATCH may and may not do. */
class SettingsStoreTest {

  static final RuntimeSettings BASE = new RuntimeSettings(new Resolution(1280, 720), 30, 80, 20,
      Duration.ofSeconds(10), LogLevel.INFO);

  @TempDir
  Path dir;

  private SettingsStore store(Set<Setting> pinned) {
    return new SettingsStore(new SettingsFile(dir.resolve("settings.json")), BASE, pinned);
  }

  private static RuntimeSettings patch(SettingsStore store, String json) {
    return store.patch(Json.MAPPER.readTree(json));
  }

  @Test
  void startsFromTheBaseWhenNothingIsStored() {
    assertThat(store(Set.of()).current()).isEqualTo(BASE);
  }

  @Test
  void storedChangesSurviveANewStore() {
    patch(store(Set.of()), "{\"fps\":10,\"resolution\":\"640x480\",\"max_frame_age_seconds\":2.5}");

    RuntimeSettings reopened = store(Set.of()).current();
    assertThat(reopened.fps()).isEqualTo(10);
    assertThat(reopened.resolution()).isEqualTo(new Resolution(640, 480));
    assertThat(reopened.maxFrameAge()).isEqualTo(Duration.ofMillis(2500));
    assertThat(reopened.jpegQuality()).isEqualTo(80);
  }

  @Test
  void environmentWinsOverTheStoredValue() {
    patch(store(Set.of()), "{\"fps\":10}");

    assertThat(store(Set.of(Setting.FPS)).current().fps()).isEqualTo(30);
  }

  @Test
  void refusesToChangeAPinnedSettingAndNamesTheVariable() {
    SettingsStore store = store(Set.of(Setting.FPS));

    assertThatThrownBy(() -> patch(store, "{\"fps\":10}"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("SETTING_PINNED");
          assertThat(e.getMessage()).contains("MIO_FPS").contains("--fps");
        });
    assertThat(Files.exists(dir.resolve("settings.json"))).isFalse();
  }

  @Test
  void acceptsThePinnedValueSentBackUnchanged() {
    SettingsStore store = store(Set.of(Setting.FPS));

    assertThat(patch(store, "{\"fps\":30,\"jpeg_quality\":50}").jpegQuality()).isEqualTo(50);
  }

  @Test
  void nullResetsASettingToItsDefault() {
    SettingsStore store = store(Set.of());
    patch(store, "{\"fps\":10}");

    assertThat(patch(store, "{\"fps\":null}").fps()).isEqualTo(30);
    assertThat(store(Set.of()).current().fps()).isEqualTo(30);
  }

  @Test
  void tellsTheListenerOldAndNewAfterStoring() {
    SettingsStore store = store(Set.of());
    List<String> seen = new ArrayList<>();
    store.onChange((a, b) -> seen.add(a.fps() + "->" + b.fps()
        + " stored=" + Files.exists(dir.resolve("settings.json"))));

    patch(store, "{\"fps\":12}");
    patch(store, "{\"fps\":12}");

    assertThat(seen).containsExactly("30->12 stored=true");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"fsp\":10}", "{\"fps\":0}", "{\"fps\":1000}", "{\"fps\":\"10\"}", "{\"fps\":10.5}",
      "{\"resolution\":\"abc\"}", "{\"resolution\":640}", "{\"resolution\":\"8x8\"}",
      "{\"jpeg_quality\":101}", "{\"max_stream_connections\":0}", "{\"max_frame_age_seconds\":0.5}",
      "{\"max_frame_age_seconds\":\"10\"}", "{\"log_level\":\"verbose\"}", "{\"log_level\":true}",
      "[]", "\"fps\"", "{}", "{\"fps\":10,\"bogus\":1}", "{\"fps\":99999999999}"})
  void aBadPatchLeavesTheFileByteIdentical(String body) throws Exception {
    SettingsStore store = store(Set.of());
    patch(store, "{\"fps\":15}");
    byte[] before = Files.readAllBytes(dir.resolve("settings.json"));

    assertThatThrownBy(() -> patch(store, body))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
        });
    assertThat(Files.readAllBytes(dir.resolve("settings.json"))).isEqualTo(before);
    assertThat(store.current().fps()).isEqualTo(15);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    assertThatThrownBy(() -> patch(store(Set.of()), "{\"fps\":0,\"jpeg_quality\":0,\"x\":1}"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().toString())
            .contains("fps must be 1-120, got 0").contains("jpeg_quality must be 1-100, got 0")
            .contains("\"x\" is not a setting"));
  }

  @Test
  void anInvalidFileIsIgnoredAtStartAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{\"schema\":1,\"settings\":{\"fps\":0}}", StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(file);

    SettingsStore store = store(Set.of());

    assertThat(store.current()).isEqualTo(BASE);
    assertThat(store.fileProblem()).hasValueSatisfying(p -> assertThat(p).contains("fps"));
    assertThatThrownBy(() -> patch(store, "{\"fps\":10}"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.code()).isEqualTo("SETTINGS_FILE_INVALID"));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFileCorruptedWhileRunningIsNeverOverwritten() throws Exception {
    SettingsStore store = store(Set.of());
    patch(store, "{\"fps\":10}");
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{\"schema\":1,\"settings\":{\"fps\":", StandardCharsets.UTF_8);
    byte[] corrupted = Files.readAllBytes(file);

    assertThatThrownBy(() -> patch(store, "{\"jpeg_quality\":55}"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.code()).isEqualTo("SETTINGS_FILE_INVALID");
          assertThat(e.getMessage()).contains(file.toString()).contains("fix or delete it");
        });
    assertThat(Files.readAllBytes(file)).isEqualTo(corrupted);
    assertThat(store.current().fps()).isEqualTo(10);
  }

  @Test
  void aFileEditedByHandWhileRunningIsLoadedAndTheChangeRefused() throws Exception {
    SettingsStore store = store(Set.of());
    List<RuntimeSettings> seen = new ArrayList<>();
    store.onChange((old, now) -> seen.add(now));
    patch(store, "{\"fps\":10}");
    Path file = dir.resolve("settings.json");
    String edit = "{\"schema\":1,\"settings\":{\"fps\":10,\"jpeg_quality\":55}}";
    Files.writeString(file, edit, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> patch(store, "{\"fps\":15}"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("SETTINGS_FILE_CHANGED");
          assertThat(e.getMessage()).contains(file.toString()).contains("send the change again");
        });
    assertThat(Files.readString(file)).isEqualTo(edit);
    assertThat(store.current().jpegQuality()).isEqualTo(55);
    assertThat(seen).last().extracting(RuntimeSettings::jpegQuality).isEqualTo(55);

    RuntimeSettings after = patch(store, "{\"fps\":15}");
    assertThat(after.fps()).isEqualTo(15);
    assertThat(after.jpegQuality()).isEqualTo(55);
    assertThat(store(Set.of()).current().jpegQuality()).isEqualTo(55);
  }
}
