package io.mio.camera;

import java.util.Arrays;

/**
 * The bytes of one frame being assembled: a growable array that refuses to grow past a limit, so
 * a runaway "frame" costs at most the limit. Not thread-safe.
 */
final class FrameBuffer {

  private final int limit;
  private byte[] bytes;
  private int length;

  FrameBuffer(int initialCapacity, int limit) {
    this.limit = limit;
    this.bytes = new byte[Math.min(initialCapacity, limit)];
  }

  /** Appends one byte, or returns false (and appends nothing) when the limit would be passed. */
  boolean append(int b) {
    if (!ensure(1)) {
      return false;
    }
    bytes[length++] = (byte) b;
    return true;
  }

  /** Appends a run of bytes, or returns false (and appends nothing) past the limit. */
  boolean append(byte[] src, int offset, int n) {
    if (!ensure(n)) {
      return false;
    }
    System.arraycopy(src, offset, bytes, length, n);
    length += n;
    return true;
  }

  /** The byte at {@code index}, 0-255. */
  int byteAt(int index) {
    return bytes[index] & 0xFF;
  }

  /** True when the bytes at {@code at} spell the ASCII {@code text}. */
  boolean startsWith(int at, String text) {
    if (at + text.length() > length) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (bytes[at + k] != (byte) text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  int length() {
    return length;
  }

  int capacity() {
    return bytes.length;
  }

  void clear() {
    length = 0;
  }

  /** Releases memory after a runaway frame; the buffer must be empty. */
  void shrink(int capacity) {
    if (bytes.length > capacity) {
      bytes = new byte[capacity];
    }
  }

  byte[] copy() {
    return Arrays.copyOf(bytes, length);
  }

  byte[] copyFrom(int start) {
    return Arrays.copyOfRange(bytes, start, length);
  }

  private boolean ensure(int n) {
    if (n > limit - length) {
      return false;
    }
    if (length + n > bytes.length) {
      int grown = (int) Math.min(limit, Math.max((long) bytes.length * 2, length + n));
      bytes = Arrays.copyOf(bytes, grown);
    }
    return true;
  }
}
