package io.mio.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings every mode shares: where to listen, where to keep state, how to log, which origins
 * may call cross-origin, and the node's display name.
 */
public record ServerConfig(
    String bindHost,
    int port,
    Path dataDir,
    String logLevel,
    LogFormat logFormat,
    List<String> corsOrigins,
    String nodeName) {

  /** How log lines are written. */
  public enum LogFormat { TEXT, JSON }

  public static ServerConfig read(ConfigReader r, int defaultPort) {
    String host = r.parsed(ConfigKeys.BIND_HOST, "0.0.0.0", ServerConfig::checkHost);
    int port = r.integer(ConfigKeys.PORT, defaultPort, 0, 65535);
    Path dataDir = r.parsed(ConfigKeys.DATA_DIR, Path.of("mio-data"), Path::of);
    String level = r.parsed(ConfigKeys.LOG_LEVEL, "info", ServerConfig::checkLevel);
    LogFormat format = r.choice(ConfigKeys.LOG_FORMAT, LogFormat.TEXT, LogFormat.class);
    List<String> cors = r.parsed(ConfigKeys.CORS_ORIGINS, List.of(), ServerConfig::origins);
    String name = r.parsed(ConfigKeys.NODE_NAME, defaultName(), ServerConfig::checkName);
    return new ServerConfig(host, port, dataDir, level, format, cors, name);
  }

  private static String checkHost(String host) {
    if (!host.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException("must be an IP address or host name");
    }
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static String checkLevel(String level) {
    String l = level.toLowerCase(java.util.Locale.ROOT);
    if (!List.of("trace", "debug", "info", "warn", "error").contains(l)) {
      throw new IllegalArgumentException("must be one of trace, debug, info, warn, error");
    }
    return l;
  }

  private static List<String> origins(String csv) {
    List<String> list = java.util.Arrays.stream(csv.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String o : list) {
      if (!o.equals("*") && !o.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException("must list exact origins like http://host:8001");
      }
    }
    return list;
  }

  private static String checkName(String name) {
    if (name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("must be 1-64 printable characters");
    }
    return name;
  }

  private static String defaultName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "mio";
    }
  }
}
