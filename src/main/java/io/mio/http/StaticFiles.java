package io.mio.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the web UI (HTML, CSS, JavaScript modules) from a classpath folder under
 * {@code /static/{file}}, and one of its pages at {@code /}. Files are read once and kept in
 * memory with a content hash as ETag; browsers revalidate every time ({@code no-cache}) and get
 * 304 while nothing changed, so a new jar is picked up at once without a build step.
 *
 * <p>The folder is flat on purpose: a file name is one path segment of letters, digits, dots,
 * dashes and underscores that does not start with a dot, so no request can name anything
 * outside the folder. Everything else answers the JSON 404.
 */
public final class StaticFiles {

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  /**
   * Pages may load images from any node (the dashboard shows each node's snapshot) but scripts,
   * styles and API calls only from this origin.
   */
  private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data: blob: "
      + "http: https:; object-src 'none'; base-uri 'none'; form-action 'self'";

  private record Asset(byte[] body, String contentType, String etag) {}

  private final String root;
  /** Found files only, so unknown names cannot grow it. */
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  private StaticFiles(String root) {
    this.root = root;
  }

  /** Files from the classpath folder {@code root}, e.g. {@code "static"}. */
  public static StaticFiles fromClasspath(String root) {
    return new StaticFiles(root.replaceAll("^/+|/+$", ""));
  }

  /** Registers {@code GET /static/{file}}. */
  public StaticFiles mount(Router router) {
    router.get("/static/{file}", Access.PUBLIC, ex -> serve(ex, ex.pathParam("file")));
    return this;
  }

  /** Registers {@code GET /static/{file}} and {@code GET /} answering {@code indexPage}. */
  public StaticFiles mount(Router router, String indexPage) {
    router.get("/", Access.PUBLIC, page(indexPage));
    return mount(router);
  }

  /**
   * Registers {@code GET path} answering the one file {@code name}, public: for documents at
   * fixed well-known paths such as {@code /openapi.json}.
   */
  public StaticFiles mountFile(Router router, String path, String name) {
    router.get(path, Access.PUBLIC, page(name));
    return this;
  }

  /** A handler answering one file, for a route that also does other things (such as {@code /}). */
  public RouteHandler page(String name) {
    return ex -> serve(ex, name);
  }

  /** Answers the file {@code name} with ETag revalidation, or the JSON 404. */
  public void serve(Exchange ex, String name) {
    Asset asset = find(name).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
        "no such file: /static/" + (SAFE_NAME.matcher(name).matches() ? name : "?")));
    ex.setHeader("ETag", asset.etag());
    ex.setHeader("Cache-Control", "no-cache");
    ex.setHeader("X-Content-Type-Options", "nosniff");
    if (asset.contentType().startsWith("text/html")) {
      ex.setHeader("Content-Security-Policy", PAGE_POLICY);
      ex.setHeader("Referrer-Policy", "same-origin");
    }
    if (ex.header("If-None-Match").map(v -> matches(v, asset.etag())).orElse(false)) {
      ex.sendEmpty(304);
      return;
    }
    ex.send(200, asset.contentType(), asset.body());
  }

  Optional<Asset> find(String name) {
    if (!SAFE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Asset known = cache.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Asset> loaded = load(name);
    loaded.ifPresent(a -> cache.put(name, a));
    return loaded;
  }

  private Optional<Asset> load(String name) {
    try (InputStream in = StaticFiles.class.getClassLoader()
        .getResourceAsStream(root + "/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] body = in.readAllBytes();
      return Optional.of(new Asset(body, contentType(name), etag(body)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read classpath resource " + root + "/" + name, e);
    }
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase();
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /** True when an If-None-Match value (a list, possibly weak tags or {@code *}) names the tag. */
  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
