package io.mio.camera;

/**
 * One complete JPEG image from a camera, immutable once published. The bytes are shared by every
 * client that sends this frame, so nobody may modify the array.
 *
 * @param id increasing per source run; restarts of the source continue the sequence
 * @param jpeg the complete image, FFD8 to FFD9
 * @param captureEpochMillis wall-clock capture time, for the timestamp header clients see
 * @param captureNanos {@link System#nanoTime()} at capture, for ages and fps
 */
public record Frame(long id, byte[] jpeg, long captureEpochMillis, long captureNanos) {

  /** Age of this frame relative to {@code nowNanos} ({@link System#nanoTime()}), in millis. */
  public long ageMillis(long nowNanos) {
    return (nowNanos - captureNanos) / 1_000_000;
  }
}
