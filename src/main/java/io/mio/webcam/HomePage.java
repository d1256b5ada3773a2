package io.mio.webcam;

import io.mio.http.Exchange;

/**
 * A minimal page at {@code /}: the live stream and the node's status, polled from
 * {@code /api/status} every two seconds over ordinary requests (no extra long-lived
 * connection). The full UI replaces {@link #serve}.
 */
final class HomePage {

  private static final String TEMPLATE = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>{{name}} - motion-in-ocean</title>
      <style>body{margin:0;font:16px system-ui,sans-serif;background:#111;color:#eee}
      main{max-width:1280px;margin:auto;padding:8px}img{width:100%;height:auto;background:#000}
      #status{font-variant-numeric:tabular-nums}</style></head>
      <body><main><h1>{{name}}</h1>
      <img src="stream.mjpg" alt="Live stream of {{name}}">
      <p id="status" aria-live="polite">loading status...</p></main>
      <script>
      async function poll() {
        const el = document.getElementById('status');
        try {
          const s = await (await fetch('api/status', {cache: 'no-store'})).json();
          el.textContent = s.status + (s.reason ? ' (' + s.reason + ')' : '') + ' | '
            + s.fps + ' fps | ' + (s.resolution || '-') + ' | clients '
            + s.connections.current + '/' + s.connections.max + ' | frame age '
            + (s.frame_age_ms ?? '-') + ' ms | up ' + s.uptime_seconds + ' s';
        } catch (e) {
          el.textContent = 'status unavailable';
        }
      }
      poll();
      setInterval(poll, 2000);
      </script></body></html>
      """;

  private final String html;

  HomePage(String nodeName) {
    this.html = TEMPLATE.replace("{{name}}", escape(nodeName));
  }

  void serve(Exchange ex) {
    ex.setHeader("Cache-Control", "no-store");
    ex.sendText(200, "text/html; charset=utf-8", html);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
