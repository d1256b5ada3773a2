package io.mio.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Dockerfile read into stages and instructions, enough for tests to check what
 * an image target will do without a Docker engine: which user it runs as, which health check
 * and ports it declares, what its build arguments default to.
 */
final class Dockerfile {

  static final Path PATH = Path.of("Dockerfile");

  private static final Pattern FROM = Pattern.compile(
      "(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");

  /** One instruction: its upper-case keyword and the rest of the (joined) line. */
  record Instruction(String keyword, String args) {}

  /** One build stage: its name, what it starts from, and its instructions after FROM. */
  record Stage(String name, String base, List<Instruction> instructions) {}

  private final Map<String, Stage> stages;
  private final List<Instruction> global;

  private Dockerfile(Map<String, Stage> stages, List<Instruction> global) {
    this.stages = stages;
    this.global = global;
  }

  static Dockerfile read() throws IOException {
    return parse(Files.readString(PATH));
  }

  static Dockerfile parse(String text) {
    Map<String, Stage> stages = new LinkedHashMap<>();
    List<Instruction> global = new ArrayList<>();
    List<Instruction> current = global;
    for (String line : logicalLines(text)) {
      String[] parts = line.split("\\s+", 2);
      Instruction i = new Instruction(parts[0].toUpperCase(Locale.ROOT),
          parts.length > 1 ? parts[1] : "");
      if (i.keyword().equals("FROM")) {
        Matcher m = FROM.matcher(i.args());
        if (!m.matches()) {
          throw new IllegalArgumentException("unreadable FROM: " + i.args());
        }
        String name = m.group(2) != null ? m.group(2) : "stage" + stages.size();
        current = new ArrayList<>();
        stages.put(name, new Stage(name, m.group(1), current));
      } else {
        current.add(i);
      }
    }
    return new Dockerfile(stages, global);
  }

  /** Joins backslash continuations and drops comments and blank lines. */
  private static List<String> logicalLines(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
        continue;
      }
      // Like Docker: the backslash and newline go, the next line's text follows as it is.
      boolean continues = line.endsWith("\\");
      String kept = raw.stripTrailing();
      pending.append(continues ? kept.substring(0, kept.length() - 1) : kept);
      if (!continues) {
        lines.add(pending.toString().strip());
        pending.setLength(0);
      }
    }
    return lines;
  }

  List<Stage> stages() {
    return List.copyOf(stages.values());
  }

  Stage stage(String name) {
    Stage s = stages.get(name);
    if (s == null) {
      throw new AssertionError("Dockerfile has no stage '" + name + "'; it has " + stages.keySet());
    }
    return s;
  }

  /** The default of a build argument, from its ARG line at the top or in any stage. */
  Optional<String> argDefault(String name) {
    List<Instruction> all = new ArrayList<>(global);
    stages.values().forEach(s -> all.addAll(s.instructions()));
    return all.stream().filter(i -> i.keyword().equals("ARG"))
        .map(Instruction::args).filter(a -> a.startsWith(name + "="))
        .map(a -> a.substring(name.length() + 1).replaceAll("^\"|\"$", "")).findFirst();
  }

  /**
   * The last value an instruction keyword takes for an image built from {@code target},
   * following FROM back through earlier stages (USER, CMD, HEALTHCHECK and ENTRYPOINT carry over).
   */
  Optional<String> effective(String target, String keyword) {
    for (Stage s = stages.get(target); s != null; s = stages.get(s.base())) {
      List<Instruction> is = s.instructions();
      for (int k = is.size() - 1; k >= 0; k--) {
        if (is.get(k).keyword().equals(keyword)) {
          return Optional.of(is.get(k).args());
        }
      }
    }
    return Optional.empty();
  }

  /** The value an environment variable has in an image built from {@code target}. */
  Optional<String> env(String target, String name) {
    for (Stage s = stages.get(target); s != null; s = stages.get(s.base())) {
      Optional<String> value = Optional.empty();
      for (Instruction i : s.instructions()) {
        Matcher m = ENV_PAIR.matcher(i.keyword().equals("ENV") ? i.args() : "");
        while (m.find()) {
          if (m.group(1).equals(name)) {
            value = Optional.of(m.group(2));
          }
        }
      }
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** Every instruction with this keyword an image built from {@code target} goes through. */
  List<String> all(String target, String keyword) {
    List<String> found = new ArrayList<>();
    for (Stage s = stages.get(target); s != null; s = stages.get(s.base())) {
      s.instructions().stream().filter(i -> i.keyword().equals(keyword))
          .forEach(i -> found.add(i.args()));
    }
    return found;
  }
}
