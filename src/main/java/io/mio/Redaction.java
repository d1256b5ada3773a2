package io.mio;

import io.mio.config.UrlCredentials;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Optional;

/** Prints configuration records for people, with every secret replaced by "(set)". */
final class Redaction {

  private Redaction() {}

  static String describe(Object record) {
    StringBuilder sb = new StringBuilder();
    append(sb, record, "  ");
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object value, String indent) {
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        v = "?";
      }
      if (v != null && v.getClass().isRecord() && v.getClass().getPackageName().startsWith("io.mio")
          && v.getClass().getRecordComponents().length > 2) {
        sb.append(indent).append(c.getName()).append(":\n");
        append(sb, v, indent + "  ");
      } else {
        sb.append(indent).append(c.getName()).append(" = ").append(show(c.getName(), v))
            .append('\n');
      }
    }
  }

  static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("token") || n.contains("secret") || n.contains("password");
  }

  private static String show(String name, Object v) {
    if (isSecret(name)) {
      boolean set = v instanceof Optional<?> o ? o.isPresent()
          : v != null && !String.valueOf(v).isEmpty();
      return set ? "(set)" : "(not set)";
    }
    return UrlCredentials.mask(String.valueOf(v));
  }
}
