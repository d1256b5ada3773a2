package io.mio.config;

import java.util.List;

/**
 * The catalogue of every setting, so that flags, {@code --help}, {@code config check} and the
 * docs all come from one list. Modes read the subset they use.
 */
public final class ConfigKeys {

  // Common to both modes.
  public static final ConfigKey BIND_HOST =
      new ConfigKey("MIO_BIND_HOST", "0.0.0.0", "Address to listen on (:: for IPv6 too)");
  public static final ConfigKey PORT =
      new ConfigKey("MIO_PORT", "8000 webcam, 8001 management", "TCP port to listen on");
  public static final ConfigKey DATA_DIR =
      new ConfigKey("MIO_DATA_DIR", "./mio-data", "Directory for persisted state and tokens");
  public static final ConfigKey LOG_LEVEL =
      new ConfigKey("MIO_LOG_LEVEL", "info", "Log level: trace, debug, info, warn, error");
  public static final ConfigKey LOG_FORMAT =
      new ConfigKey("MIO_LOG_FORMAT", "text", "Log format: text or json");
  public static final ConfigKey CORS_ORIGINS =
      new ConfigKey("MIO_CORS_ORIGINS", "", "Comma-separated exact origins allowed by CORS");
  public static final ConfigKey NODE_NAME =
      new ConfigKey("MIO_NODE_NAME", "host name", "Human-readable name of this node");

  // Webcam node.
  public static final ConfigKey CAMERA =
      new ConfigKey("MIO_CAMERA", "csi", "Camera source: csi, usb, command or mock");
  public static final ConfigKey CAMERA_COMMAND = new ConfigKey(
      "MIO_CAMERA_COMMAND", "", "Command writing MJPEG to stdout (for MIO_CAMERA=command)");
  public static final ConfigKey CAMERA_DEVICE =
      new ConfigKey("MIO_CAMERA_DEVICE", "/dev/video0", "V4L2 device for MIO_CAMERA=usb");
  public static final ConfigKey RESOLUTION =
      new ConfigKey("MIO_RESOLUTION", "1280x720", "Frame size WIDTHxHEIGHT, sides 16-4096");
  public static final ConfigKey FPS = new ConfigKey("MIO_FPS", "30", "Frames per second, 1-120");
  public static final ConfigKey JPEG_QUALITY =
      new ConfigKey("MIO_JPEG_QUALITY", "80", "JPEG quality 1-100");
  public static final ConfigKey MAX_STREAM_CONNECTIONS = new ConfigKey(
      "MIO_MAX_STREAM_CONNECTIONS", "20", "Concurrent stream clients before 429, 1-2000");
  public static final ConfigKey MAX_FRAME_AGE_SECONDS = new ConfigKey("MIO_MAX_FRAME_AGE_SECONDS",
      "10", "A frame older than this makes the node not ready and restarts the camera");
  public static final ConfigKey MAX_FRAME_BYTES = new ConfigKey(
      "MIO_MAX_FRAME_BYTES", "8388608", "Largest JPEG frame accepted from a camera command");
  public static final ConfigKey STREAM_WRITE_TIMEOUT_SECONDS = new ConfigKey(
      "MIO_STREAM_WRITE_TIMEOUT_SECONDS", "10",
      "Close a stream client that reads nothing for this");
  public static final ConfigKey SETTINGS_PATH = new ConfigKey(
      "MIO_SETTINGS_PATH", "<data dir>/settings.json", "Where runtime settings are persisted");
  public static final ConfigKey WEBCAM_AUTH_TOKEN = new ConfigKey(
      "MIO_WEBCAM_AUTH_TOKEN", "", "Bearer token for settings and actions; unset, only loopback"
          + " may change the node");
  public static final ConfigKey STREAM_AUTH = new ConfigKey("MIO_STREAM_AUTH", "none",
      "Read-only credential for stream, snapshot, page and /api/status: basic:USER:PASSWORD"
          + " (HTTP Basic; USER without ':', PASSWORD may hold ':'), bearer:TOKEN, or none");
  public static final ConfigKey DISCOVERY_MANAGEMENT_URL = new ConfigKey(
      "MIO_DISCOVERY_MANAGEMENT_URL", "", "Hub URL to announce this node to");
  public static final ConfigKey DISCOVERY_ADVERTISE_URL = new ConfigKey(
      "MIO_DISCOVERY_ADVERTISE_URL", "derived", "Base URL the hub should use to reach this node");
  public static final ConfigKey DISCOVERY_INTERVAL_SECONDS = new ConfigKey(
      "MIO_DISCOVERY_INTERVAL_SECONDS", "30", "Seconds between announcements (jittered)");
  public static final ConfigKey NODE_DISCOVERY_SHARED_SECRET = new ConfigKey(
      "MIO_NODE_DISCOVERY_SHARED_SECRET", "", "Shared secret for discovery announcements");

  // Management hub.
  public static final ConfigKey NODE_REGISTRY_PATH = new ConfigKey(
      "MIO_NODE_REGISTRY_PATH", "<data dir>/nodes.json", "Node registry file");
  public static final ConfigKey MANAGEMENT_AUTH_TOKEN = new ConfigKey("MIO_MANAGEMENT_AUTH_TOKEN",
      "generated", "Bearer token for the management API (generated and stored if unset)");
  public static final ConfigKey NODE_ALLOWED_NETWORKS = new ConfigKey("MIO_NODE_ALLOWED_NETWORKS",
      "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7,100.64.0.0/10",
      "CIDRs the hub may call; loopback/link-local only if named");
  public static final ConfigKey OVERVIEW_DEADLINE_SECONDS = new ConfigKey(
      "MIO_OVERVIEW_DEADLINE_SECONDS", "3", "Overall deadline for the fleet overview");
  public static final ConfigKey NODE_TIMEOUT_SECONDS = new ConfigKey(
      "MIO_NODE_TIMEOUT_SECONDS", "2.5", "Total timeout of one call to a node");

  public static final List<ConfigKey> COMMON =
      List.of(BIND_HOST, PORT, DATA_DIR, LOG_LEVEL, LOG_FORMAT, CORS_ORIGINS, NODE_NAME);
  public static final List<ConfigKey> WEBCAM = List.of(CAMERA, CAMERA_COMMAND, CAMERA_DEVICE,
      RESOLUTION, FPS, JPEG_QUALITY, MAX_STREAM_CONNECTIONS, MAX_FRAME_AGE_SECONDS,
      MAX_FRAME_BYTES, STREAM_WRITE_TIMEOUT_SECONDS, SETTINGS_PATH, WEBCAM_AUTH_TOKEN, STREAM_AUTH,
      DISCOVERY_MANAGEMENT_URL, DISCOVERY_ADVERTISE_URL, DISCOVERY_INTERVAL_SECONDS,
      NODE_DISCOVERY_SHARED_SECRET);
  public static final List<ConfigKey> MANAGEMENT = List.of(NODE_REGISTRY_PATH,
      MANAGEMENT_AUTH_TOKEN, NODE_ALLOWED_NETWORKS, OVERVIEW_DEADLINE_SECONDS,
      NODE_TIMEOUT_SECONDS, NODE_DISCOVERY_SHARED_SECRET);

  private ConfigKeys() {}
}
