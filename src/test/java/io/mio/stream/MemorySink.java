package io.mio.stream;

import io.mio.testing.MjpegParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A sink that keeps everything in memory and can hold writes back to play a slow client. */
final class MemorySink implements StreamSink {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile IOException failure;
  private int writes;

  @Override
  public void write(ByteBuffer buffer) throws IOException {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IOException("test gate never opened");
      }
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    if (failure != null) {
      throw failure;
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(copy);
    synchronized (this) {
      bytes.writeBytes(copy);
      writes++;
    }
  }

  /** Holds every later write until {@link #open()}. */
  void close() {
    gate = new CountDownLatch(1);
  }

  void open() {
    gate.countDown();
  }

  void failWith(IOException e) {
    failure = e;
  }

  synchronized byte[] bytes() {
    return bytes.toByteArray();
  }

  synchronized int writes() {
    return writes;
  }

  /** Every complete part written so far, checked strictly. */
  List<MjpegParser.Part> parts() throws IOException {
    byte[] all = bytes();
    MjpegParser parser = new MjpegParser(new ByteArrayInputStream(all), MjpegWriter.BOUNDARY);
    List<MjpegParser.Part> parts = new ArrayList<>();
    try {
      while (true) {
        parts.add(parser.next());
      }
    } catch (java.io.EOFException end) {
      return parts;
    }
  }
}
