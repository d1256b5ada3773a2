package io.mio.webcam;

import io.mio.http.Access;
import io.mio.http.ApiException;
import io.mio.http.Exchange;
import io.mio.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webcam control plane: {@code GET|PATCH /api/v1/settings} and
 * {@code POST /api/v1/actions/{action}}, all {@link Access#ADMIN}. Answers
 * {@code {"settings":{...},"pinned":[...],"auth":{"token_set","stream_auth"}}}; secrets are
 * never part of it.
 */
final class SettingsApi {

  static final String SETTINGS = "/api/v1/settings";
  static final String ACTIONS = "/api/v1/actions";
  /** The actions a node knows; the hub's action route forwards these names. */
  static final List<String> KNOWN_ACTIONS = List.of("restart-camera");
  private static final Logger LOG = LoggerFactory.getLogger(SettingsApi.class);
  private static final Set<String> PATCH_TYPES =
      Set.of("application/json", "application/merge-patch+json");

  private final SettingsStore store;
  private final ControlConfig control;
  private final Runnable restartCamera;

  SettingsApi(SettingsStore store, ControlConfig control, Runnable restartCamera) {
    this.store = store;
    this.control = control;
    this.restartCamera = restartCamera;
  }

  void register(Router router) {
    router.get(SETTINGS, Access.ADMIN, ex -> ex.sendJson(200, body(store.current())));
    router.patch(SETTINGS, Access.ADMIN, this::patch);
    router.post(ACTIONS + "/{action}", Access.ADMIN, this::action);
  }

  private void patch(Exchange ex) {
    RuntimeSettings before = store.current();
    RuntimeSettings after = store.patch(ex.readJson(Exchange.DEFAULT_MAX_BODY_BYTES,
        PATCH_TYPES));
    if (!after.equals(before)) {
      LOG.info("settings changed by {}: {}", ex.remoteAddress().getHostAddress(),
          changes(before, after));
    }
    ex.sendJson(200, body(after));
  }

  private void action(Exchange ex) {
    String action = ex.pathParam("action");
    if (!action.equals("restart-camera")) {
      throw new ApiException(404, "UNKNOWN_ACTION", "this node has no action '"
          + (action.length() > 40 ? action.substring(0, 40) + "..." : action) + "'; known: "
          + String.join(", ", KNOWN_ACTIONS), Map.of("supported_actions", KNOWN_ACTIONS));
    }
    LOG.info("camera restart requested by {}", ex.remoteAddress().getHostAddress());
    restartCamera.run();
    ex.sendJson(202, Map.of("action", action, "status", "accepted"));
  }

  Map<String, Object> body(RuntimeSettings settings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("settings", settings.toJson());
    out.put("pinned", store.pinned().stream().sorted().map(Setting::json).toList());
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("token_set", control.adminToken().isPresent());
    auth.put("stream_auth", control.streamAuth().mode().word());
    out.put("auth", auth);
    return out;
  }

  /** "fps 30->10, resolution 1280x720->640x480" for the log. */
  static String changes(RuntimeSettings before, RuntimeSettings after) {
    StringBuilder sb = new StringBuilder();
    for (Setting s : Setting.values()) {
      if (!before.value(s).equals(after.value(s))) {
        sb.append(sb.isEmpty() ? "" : ", ").append(s.json()).append(' ')
            .append(RuntimeSettings.json(before.value(s))).append("->")
            .append(RuntimeSettings.json(after.value(s)));
      }
    }
    return sb.toString();
  }
}
