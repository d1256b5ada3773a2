package io.mio.scratch;

import io.mio.testing.Browser;
import org.junit.jupiter.api.Test;

class ScratchIT {
  @Test
  void look() throws Exception {
    try (Browser b = Browser.start(Browser.DESKTOP)) {
      b.open("http://127.0.0.1:18092/");
      for (int i = 0; i < 5; i++) {
        Thread.sleep(2000);
        System.out.println("CLIENTS " + b.text("#stat-clients") + " state=" + b.js("return document.getElementById('video-box').dataset.stream + ' src=' + document.getElementById('stream').src"));
      }
      System.out.println("CONSOLE " + b.consoleErrors());
    }
  }
}
