package io.mio.camera;

import io.mio.config.Resolution;

/**
 * What a source is asked to produce. Sources that cannot honour a value (a command with a fixed
 * size) produce what they can; the stream reports what it actually gets.
 */
public record CameraSettings(Resolution resolution, int fps, int jpegQuality) {

  public CameraSettings {
    if (fps < 1 || fps > 120) {
      throw new IllegalArgumentException("fps must be 1-120, got " + fps);
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("jpeg quality must be 1-100, got " + jpegQuality);
    }
  }
}
