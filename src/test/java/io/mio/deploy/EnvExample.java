package io.mio.deploy;

import io.mio.config.ConfigKey;
import io.mio.config.ConfigKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment file example under deploy/compose: which {@code MIO_*} variables it shows
 * (commented out, with their default) and which it sets. Also the catalogue side: every key
 * {@link ConfigKeys} declares.
 */
record EnvExample(Path path, Map<String, String> shown, Map<String, String> set) {

  static final Path DIR = Path.of("deploy/compose");

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(#\\s*)?(MIO_[A-Z0-9_]+)=(.*)$");

  static EnvExample read(String fileName) throws IOException {
    Path path = DIR.resolve(fileName);
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, String> set = new LinkedHashMap<>();
    for (String line : Files.readAllLines(path)) {
      Matcher m = ASSIGNMENT.matcher(line.strip());
      if (m.matches()) {
        (m.group(1) == null ? set : shown).putIfAbsent(m.group(2), m.group(3));
      }
    }
    return new EnvExample(path, shown, set);
  }

  /** Every variable the file mentions, commented or not. */
  Set<String> variables() {
    Set<String> all = new LinkedHashSet<>(shown.keySet());
    all.addAll(set.keySet());
    return all;
  }

  /** Every key declared in {@link ConfigKeys}, found by reflection so none can be missed. */
  static List<ConfigKey> catalogue() {
    List<ConfigKey> keys = new ArrayList<>();
    for (Field f : ConfigKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigKey.class) {
        try {
          keys.add((ConfigKey) f.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return keys;
  }

  static Set<String> catalogueNames() {
    Set<String> names = new LinkedHashSet<>();
    catalogue().forEach(k -> names.add(k.env()));
    return names;
  }

  /** The variables a mode reads: the common ones plus its own. */
  static Set<String> namesOf(List<ConfigKey> mode) {
    Set<String> names = new LinkedHashSet<>();
    ConfigKeys.COMMON.forEach(k -> names.add(k.env()));
    mode.forEach(k -> names.add(k.env()));
    return names;
  }
}
