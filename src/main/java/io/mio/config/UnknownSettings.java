package io.mio.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the {@code MIO_*} environment variables that no mode reads, so that a misspelt setting
 * ({@code MIO_FSP=10}) is reported at start instead of silently having no effect. A name close to
 * a real one gets a "did you mean".
 */
public final class UnknownSettings {

  private static final int MAX_TYPO_DISTANCE = 3;

  private UnknownSettings() {}

  /** One sentence per unknown name, sorted by name; empty when every name is known. */
  public static List<String> warnings(Map<String, String> env) {
    Set<String> known = new LinkedHashSet<>();
    for (List<ConfigKey> keys : List.of(ConfigKeys.COMMON, ConfigKeys.WEBCAM,
        ConfigKeys.MANAGEMENT)) {
      keys.forEach(k -> known.add(k.env()));
    }
    List<String> out = new ArrayList<>();
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith("MIO_") && !known.contains(name)) {
        out.add(name + " is not a motion-in-ocean setting and is ignored" + hint(name, known));
      }
    }
    return out;
  }

  private static String hint(String name, Set<String> known) {
    String best = null;
    int bestDistance = MAX_TYPO_DISTANCE + 1;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null ? "; did you mean " + best + "?"
        : "; 'mio webcam --help' and 'mio management --help' list the settings (renamed ones"
            + " from the Python version are in docs/DEPLOYMENT.md)";
  }

  /** Levenshtein distance: the fewest single-character edits that turn one into the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
