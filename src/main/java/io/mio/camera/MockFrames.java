package io.mio.camera;

/** Makes the mock camera's JPEGs; one instance per settings, used by one thread. */
interface MockFrames extends AutoCloseable {

  /**
   * The frame with this id, captured at this wall-clock time: a complete JPEG whose comment
   * segment reads {@code mio frame=<id> ts=<epochMillis>}.
   */
  byte[] frame(long id, long epochMillis);

  @Override
  void close();

  static String comment(long id, long epochMillis) {
    return "mio frame=" + id + " ts=" + epochMillis;
  }
}
