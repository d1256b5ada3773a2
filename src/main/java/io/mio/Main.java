package io.mio;

import io.mio.config.ConfigException;
import io.mio.config.ConfigKey;
import io.mio.config.ConfigKeys;
import io.mio.config.ConfigReader;
import io.mio.http.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one entry point: {@code webcam}, {@code management}, {@code demo}, {@code healthcheck}
 * and {@code config check}. Every setting is an {@code MIO_*} environment variable and the
 * matching flag; flags win.
 */
public final class Main {

  private Main() {}

  private static final Set<String> SUBCOMMANDS =
      Set.of("webcam", "management", "demo", "healthcheck", "aot-train", "config");
  private static final Set<String> SERVERS = Set.of("webcam", "management", "demo");
  private static final String JETTY_REFS_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  public static void main(String[] args) {
    // Jetty otherwise asks the platform MBean server whether oops are compressed, which starts
    // every management bean (JFR's included): 0.2 s and 190 classes. 16 references of 4 bytes
    // fill a 64-byte cache line; the figure only sizes padding in Jetty's queues.
    if (System.getProperty(JETTY_REFS_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFS_PER_CACHE_LINE, "16");
    }
    if (args.length > 0 && SERVERS.contains(args[0])) {
      Json.warmUpInBackground(); // alongside parsing and logging set-up, off the main thread
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns the process exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(root(args.length > 0 ? args[0] : null));
    cli.setOut(out);
    cli.setErr(err);
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return 0;
    }
    ParseResult leaf = parsed;
    List<String> names = new ArrayList<>();
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
      names.add(leaf.commandSpec().name());
    }
    String command = String.join(" ", names);
    try {
      return dispatch(command, leaf, out, err);
    } catch (ConfigException e) {
      err.println("mio: " + e.getMessage());
      err.println("Fix the values above (see 'mio " + command + " --help') and start again.");
      return 1;
    }
  }

  private static int dispatch(String command, ParseResult leaf, PrintWriter out, PrintWriter err)
      throws ConfigException {
    Map<String, String> flags = flags(leaf);
    Map<String, String> env = System.getenv();
    return switch (command) {
      case "webcam" -> Launcher.webcam(ConfigReader.of(env, flags));
      case "management" -> Launcher.management(ConfigReader.of(env, flags));
      case "demo" -> Launcher.demo(ConfigReader.of(env, flags), out);
      case "healthcheck" -> HealthCheck.run(leaf, ConfigReader.of(env, flags), out, err);
      case "config check" -> Launcher.check(ConfigReader.of(env, flags), leaf, out);
      case "aot-train" -> AotTraining.run(leaf.matchedOptionValue("--mode", "webcam"), out,
          err);
      default -> {
        new CommandLine(root()).usage(err);
        yield 2;
      }
    };
  }

  /** Collects the config flags given on the command line, keyed by environment name. */
  private static Map<String, String> flags(ParseResult leaf) {
    Map<String, String> flags = new HashMap<>();
    for (OptionSpec o : leaf.matchedOptions()) {
      Object key = o.userObject();
      if (key instanceof ConfigKey k) {
        flags.put(k.env(), String.valueOf((Object) o.getValue()));
      }
    }
    return flags;
  }

  static CommandSpec root() {
    return root(null);
  }

  /**
   * The command tree; when {@code first} names a subcommand, only that one is built, because
   * building every option of every mode is a tenth of a second of a cold start. Help and usage
   * errors at the top level still see all of them.
   */
  static CommandSpec root(String first) {
    String only = first != null && SUBCOMMANDS.contains(first) ? first : null;
    CommandSpec root = CommandSpec.create().name("mio").mixinStandardHelpOptions(true)
        .version(versionLine());
    root.usageMessage().description("Self-hosted camera streaming: webcam nodes and a hub.");
    if (wanted(only, "webcam")) {
      root.addSubcommand("webcam", command("Serve a camera as a live MJPEG stream (port 8000).",
          ConfigKeys.COMMON, ConfigKeys.WEBCAM));
    }
    if (wanted(only, "management")) {
      root.addSubcommand("management", command(
          "Run the management hub: node registry, fleet overview, dashboard (port 8001).",
          ConfigKeys.COMMON, ConfigKeys.MANAGEMENT));
    }
    if (wanted(only, "demo")) {
      root.addSubcommand("demo", command(
          "Start a hub and two mock webcams on loopback for a first look.", ConfigKeys.COMMON));
    }
    if (wanted(only, "healthcheck")) {
      root.addSubcommand("healthcheck", healthcheck());
    }
    if (wanted(only, "aot-train")) {
      root.addSubcommand("aot-train", aotTrain());
    }
    if (wanted(only, "config")) {
      root.addSubcommand("config", config());
    }
    return root;
  }

  private static String versionLine() {
    return "motion-in-ocean " + Version.current();
  }

  private static boolean wanted(String only, String name) {
    return only == null || only.equals(name);
  }

  private static CommandSpec healthcheck() {
    CommandSpec health = command("Exit 0 if the local node answers, 1 otherwise (for containers).",
        List.of(ConfigKeys.PORT, ConfigKeys.BIND_HOST));
    health.addOption(OptionSpec.builder("--url").paramLabel("URL").type(String.class)
        .description("Base URL of the node; /health or /ready is appended (default"
            + " http://<bind host, or 127.0.0.1 for a wildcard>:<port>)").build());
    health.addOption(OptionSpec.builder("--mode").paramLabel("MODE").type(String.class)
        .defaultValue("webcam").description("webcam or management: picks the default port"
            + " when MIO_PORT is unset (8000 or 8001; default webcam)").build());
    health.addOption(OptionSpec.builder("--ready").type(boolean.class)
        .description("Check /ready (a fresh frame exists) instead of /health").build());
    health.addOption(OptionSpec.builder("--timeout").paramLabel("SECONDS").type(double.class)
        .defaultValue("3").description("Give up after this many seconds (default 3)").build());
    return health;
  }

  private static CommandSpec aotTrain() {
    CommandSpec train = CommandSpec.create().name("aot-train").mixinStandardHelpOptions(true)
        .version(versionLine());
    train.usageMessage().description("Run a mock webcam (and for --mode management a hub)"
        + " on loopback briefly, then exit: the training run for a JDK AOT cache (java"
        + " -XX:AOTCacheOutput=mio.aot -jar mio.jar aot-train; later starts add"
        + " -XX:AOTCache=mio.aot).");
    train.addOption(OptionSpec.builder("--mode").paramLabel("MODE").type(String.class)
        .defaultValue("webcam").description("webcam or management: the mode the cache is"
            + " for (default webcam)").build());
    return train;
  }

  private static CommandSpec config() {
    CommandSpec config = CommandSpec.create().name("config").mixinStandardHelpOptions(true)
        .version(versionLine());
    config.usageMessage().description("Configuration tools.");
    List<ConfigKey> all = new ArrayList<>(new LinkedHashSet<ConfigKey>() {
      {
        addAll(ConfigKeys.WEBCAM);
        addAll(ConfigKeys.MANAGEMENT);
      }
    });
    CommandSpec check = command(
        "Validate the configuration for a mode and print the effective values.",
        ConfigKeys.COMMON, all);
    check.addOption(OptionSpec.builder("--mode").paramLabel("MODE").type(String.class)
        .defaultValue("webcam").description("webcam or management (default webcam)").build());
    config.addSubcommand("check", check);
    return config;
  }

  @SafeVarargs
  private static CommandSpec command(String description, List<ConfigKey>... keyLists) {
    CommandSpec spec = CommandSpec.create().mixinStandardHelpOptions(true).version(versionLine());
    spec.usageMessage().description(description);
    LinkedHashSet<ConfigKey> keys = new LinkedHashSet<>();
    for (List<ConfigKey> list : keyLists) {
      keys.addAll(list);
    }
    for (ConfigKey k : keys) {
      String def = k.defaultText().isEmpty() ? "" : " (default " + k.defaultText() + ")";
      spec.addOption(OptionSpec.builder(k.flag()).paramLabel("VALUE").type(String.class)
          .userObject(k).description(k.description() + def + "; env " + k.env()).build());
    }
    return spec;
  }
}
