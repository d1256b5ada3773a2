package io.mio.config;

import java.util.regex.Pattern;

/**
 * Masks the user-info of URLs inside free text (camera commands such as
 * {@code rtsp://admin:secret@cam/stream}, configuration values, a program's error output) before
 * it reaches a log line or a message.
 */
public final class UrlCredentials {

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@]+@");

  private UrlCredentials() {}

  public static String mask(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
