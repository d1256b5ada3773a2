package io.mio.config;

/** A frame size in pixels, written {@code WIDTHxHEIGHT} (for example {@code 1280x720}). */
public record Resolution(int width, int height) {

  public static final int MIN = 16;
  public static final int MAX = 4096;

  public Resolution {
    if (width < MIN || width > MAX || height < MIN || height > MAX) {
      throw new IllegalArgumentException("sides must be " + MIN + "-" + MAX + " pixels");
    }
  }

  /** Parses {@code 640x480}; callers add the offending input to the message. */
  public static Resolution parse(String text) {
    String t = text.trim();
    int x = t.indexOf('x');
    if (x <= 0 || x == t.length() - 1 || !t.matches("[0-9]{1,5}x[0-9]{1,5}")) {
      throw new IllegalArgumentException("must be WIDTHxHEIGHT like 1280x720");
    }
    return new Resolution(Integer.parseInt(t.substring(0, x)),
        Integer.parseInt(t.substring(x + 1)));
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
