package io.mio.testing;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A simulated home LAN built from Linux network namespaces, for tests where a hub and webcams
 * must sit on different hosts. Each host is a namespace with {@code lo} up and one {@code eth0}
 * at {@code 192.168.<subnet>.100}, {@code .101}, ... ; every {@code eth0} is one end of a veth pair
 * whose other end is plugged into a bridge inside a separate "switch" namespace. Nothing is
 * attached to the test machine's own namespace: a host's {@code 127.0.0.1} is its own loopback,
 * and the test JVM cannot reach the hosts directly (use {@link LanHost#fetch} or {@link
 * LanHost#run}).
 *
 * <p>Names are {@code <prefix>-<4 hex>-<n>} (at most 15 characters, so they also fit interface
 * name rules), unique per run. {@link #close()} kills every process inside the namespaces and
 * deletes them all; a shutdown hook does the same if the JVM exits first. Needs root:
 *
 * <pre>{@code
 * // on the test class: @NeedsLan (tag "lan", skipped with the reason where unavailable)
 * try (Lan lan = Lan.create("hubapi", 3)) {
 *   LanHost hub = lan.host(0);                        // 192.168.x.100
 *   MioProcess p = MioProcess.management().prefix(hub.exec())
 *       .env("MIO_BIND_HOST", hub.address()).noWait().start();
 *   lan.host(1).fetch("GET", "http://" + hub.address() + ":" + p.port() + "/health");
 * }
 * }</pre>
 */
public final class Lan implements AutoCloseable {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,7}");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
  private static final String AVAILABILITY = probe();

  private final String switchNamespace;
  private final List<LanHost> hosts = new ArrayList<>();
  private final Thread cleanupHook = new Thread(this::deleteEverything, "lan-cleanup");
  private boolean closed;

  private Lan(String switchNamespace) {
    this.switchNamespace = switchNamespace;
    Runtime.getRuntime().addShutdownHook(cleanupHook);
  }

  /** True when this process is root and {@code ip netns} can create a namespace. */
  public static boolean available() {
    return AVAILABILITY == null;
  }

  /** Why {@link #available()} is false, as a skip message; {@code "available"} otherwise. */
  public static String unavailableReason() {
    return AVAILABILITY == null ? "available" : "needs root and ip netns: " + AVAILABILITY;
  }

  /**
   * Builds a LAN of {@code hostCount} hosts (1-50) on a random 192.168.x.0/24 subnet.
   *
   * @param prefix 1-8 lower-case letters or digits, e.g. the helper's or test's name
   */
  public static Lan create(String prefix, int hostCount) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must match " + PREFIX + ", got " + prefix);
    }
    if (hostCount < 1 || hostCount > 50) {
      throw new IllegalArgumentException("hostCount must be 1-50, got " + hostCount);
    }
    String base = prefix + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current()
        .nextInt(1 << 16));
    int subnet = ThreadLocalRandom.current().nextInt(200, 250);
    Lan lan = new Lan(base + "-sw");
    try {
      lan.buildSwitch();
      for (int i = 0; i < hostCount; i++) {
        lan.addHost(base + "-" + i, "192.168." + subnet + "." + (100 + i), i);
      }
      return lan;
    } catch (RuntimeException | Error e) {
      lan.close();
      throw e;
    }
  }

  /** Host {@code index}, at address {@code 192.168.x.(100 + index)}. */
  public LanHost host(int index) {
    return hosts.get(index);
  }

  public List<LanHost> hosts() {
    return List.copyOf(hosts);
  }

  /** Kills every process inside the namespaces, then deletes them (and with them the links). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteEverything();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it finds nothing left to delete.
    }
  }

  private void buildSwitch() {
    ip("netns", "add", switchNamespace);
    ip("-n", switchNamespace, "link", "set", "lo", "up");
    ip("-n", switchNamespace, "link", "add", "br0", "type", "bridge");
    ip("-n", switchNamespace, "link", "set", "br0", "up");
  }

  private void addHost(String namespace, String address, int index) {
    ip("netns", "add", namespace);
    hosts.add(new LanHost(namespace, address));
    String port = "p" + index;
    ip("-n", switchNamespace, "link", "add", port, "type", "veth", "peer", "name", "eth0",
        "netns", namespace);
    ip("-n", switchNamespace, "link", "set", port, "master", "br0");
    ip("-n", switchNamespace, "link", "set", port, "up");
    ip("-n", namespace, "link", "set", "lo", "up");
    ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
    ip("-n", namespace, "link", "set", "eth0", "up");
  }

  // Deleting a namespace destroys its interfaces and so both ends of every veth pair; processes
  // are killed first because a namespace with live members outlives `ip netns del`.
  private synchronized void deleteEverything() {
    List<String> namespaces = new ArrayList<>();
    hosts.forEach(h -> namespaces.add(h.namespace()));
    namespaces.add(switchNamespace);
    for (String namespace : namespaces) {
      killMembers(namespace);
      Commands.run(COMMAND_TIMEOUT, "ip", "netns", "del", namespace);
    }
  }

  private static void killMembers(String namespace) {
    Commands.Result pids = Commands.run(COMMAND_TIMEOUT, "ip", "netns", "pids", namespace);
    List<ProcessHandle> members = pids.output().lines().map(String::strip)
        .filter(s -> s.matches("\\d+")).map(Long::parseLong)
        .flatMap(pid -> ProcessHandle.of(pid).stream()).toList();
    members.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle member : members) {
      member.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }

  private static void ip(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "ip";
    System.arraycopy(args, 0, command, 1, args.length);
    Commands.Result result = Commands.run(COMMAND_TIMEOUT, command);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + result.exitCode() + "): " + result.output());
    }
  }

  // Returns null when namespaces work, else what went wrong.
  private static String probe() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "running as " + System.getProperty("user.name") + ", not root";
    }
    String name = "mioprobe-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current()
        .nextInt(1 << 16));
    try {
      Commands.Result add = Commands.run(COMMAND_TIMEOUT, "ip", "netns", "add", name);
      if (add.exitCode() != 0) {
        return "`ip netns add` failed: " + add.output().strip();
      }
      Commands.run(COMMAND_TIMEOUT, "ip", "netns", "del", name);
      return null;
    } catch (UncheckedIOException e) {
      return "cannot run `ip` (install iproute2): " + e.getCause().getMessage();
    }
  }
}
