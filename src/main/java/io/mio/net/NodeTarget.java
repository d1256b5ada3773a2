package io.mio.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node's base URL, checked once: http or https, no user info, no query or fragment, a host that
 * is a DNS name or a canonical IP literal (never {@code 2130706433} or {@code 0x7f.1}), and an
 * optional path prefix such as {@code /cam1}. The hub can use {@link #parse} to validate a
 * {@code base_url} on registration; {@link NodeClient} uses it on every call.
 *
 * @param scheme {@code http} or {@code https}
 * @param host a lower-case host name, or an IP address in canonical text (IPv6 without brackets)
 * @param port the port, the scheme's default when the URL names none
 * @param basePath the path prefix without a trailing slash, often empty
 */
public record NodeTarget(String scheme, String host, int port, String basePath) {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");
  private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
  private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9\\-._~%!$&'()*+,;=:@]*)*");
  private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]*");

  /** Checks a base URL; the message quotes it and says what to change. */
  public static NodeTarget parse(URI baseUrl) {
    String quoted = "\"" + redact(baseUrl.toString()) + "\"";
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(quoted + " must start with http:// or https://");
    }
    String authority = baseUrl.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException(quoted + " has no host");
    }
    if (authority.contains("@")) {
      throw new IllegalArgumentException(quoted + " contains user info (user:password@);"
          + " give credentials in the node's auth settings instead");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException(quoted + " must not have a query (?) or fragment (#)");
    }
    HostAndPort hp = HostAndPort.split(authority, quoted);
    String host = host(hp.host(), quoted);
    int port = hp.port().isEmpty() ? defaultPort(scheme) : port(hp.port(), quoted);
    return new NodeTarget(scheme, host, port, basePath(baseUrl.getRawPath(), quoted));
  }

  /** The URL with any user info (which may hold a password) replaced by {@code ***}. */
  public static String redact(String url) {
    return USER_INFO.matcher(url).replaceFirst("//***@");
  }

  /** The IP address when the host is an IP literal. */
  public Optional<InetAddress> literal() {
    return IpLiteral.ofHost(host);
  }

  /** The URL of {@code path} (which starts with {@code /} and may carry a query) on the node. */
  public URI resolve(String path) {
    int q = path.indexOf('?');
    String rawPath = q < 0 ? path : path.substring(0, q);
    String query = q < 0 ? "" : path.substring(q + 1);
    if (!rawPath.startsWith("/") || !SAFE_PATH.matcher(rawPath).matches()
        || !SAFE_QUERY.matcher(query).matches() || hasDotSegment(rawPath)) {
      throw new IllegalArgumentException("node path \"" + path + "\" must start with / and hold"
          + " only URL-safe characters, percent-encoded, without . or .. segments");
    }
    return URI.create(scheme + "://" + uriHost() + ":" + port + basePath + path);
  }

  /** The base URL in normal form, as the hub should store and show it. */
  @Override
  public String toString() {
    boolean defaultPort = port == defaultPort(scheme);
    return scheme + "://" + uriHost() + (defaultPort ? "" : ":" + port) + basePath;
  }

  private String uriHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String host(String text, String quoted) {
    Optional<InetAddress> literal;
    try {
      literal = IpLiteral.ofHost(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(quoted + ": " + e.getMessage(), e);
    }
    if (literal.isPresent()) {
      return Addresses.text(literal.get());
    }
    String name = text.toLowerCase(Locale.ROOT);
    String labels = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (name.length() > 253 || labels.isEmpty()
        || !Arrays.stream(labels.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches())) {
      throw new IllegalArgumentException(quoted + ": \"" + text + "\" is not a valid host name"
          + " (letters, digits, - and _ in dot-separated labels)");
    }
    return name;
  }

  private static int port(String text, String quoted) {
    if (!PORT.matcher(text).matches() || Integer.parseInt(text) > 65535) {
      throw new IllegalArgumentException(quoted + " has port \"" + text + "\"; it must be 1-65535");
    }
    return Integer.parseInt(text);
  }

  private static String basePath(String rawPath, String quoted) {
    String path = rawPath == null ? "" : rawPath;
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!SAFE_PATH.matcher(trimmed).matches() || hasDotSegment(trimmed)) {
      throw new IllegalArgumentException(quoted + " has path \"" + path + "\"; use URL-safe"
          + " characters, percent-encoded, without . or .. segments");
    }
    return trimmed;
  }

  private static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      String s = segment.replace("%2e", ".").replace("%2E", ".");
      if (s.equals(".") || s.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  /** An authority split at the port colon, brackets of an IPv6 literal kept on the host. */
  private record HostAndPort(String host, String port) {

    static HostAndPort split(String authority, String quoted) {
      int close = authority.lastIndexOf(']');
      int colon = authority.lastIndexOf(':');
      if (authority.startsWith("[") && close > 0) {
        String rest = authority.substring(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(":")) {
          throw new IllegalArgumentException(quoted + " has text after the IPv6 address");
        }
        String port = rest.isEmpty() ? "" : rest.substring(1);
        return new HostAndPort(authority.substring(0, close + 1), port);
      }
      if (colon < 0) {
        return new HostAndPort(authority, "");
      }
      if (authority.indexOf(':') != colon) {
        throw new IllegalArgumentException(quoted + ": write an IPv6 host in brackets, [::1]");
      }
      return new HostAndPort(authority.substring(0, colon), authority.substring(colon + 1));
    }
  }
}
