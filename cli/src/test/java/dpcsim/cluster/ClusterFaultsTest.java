package dpcsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.cli.Main;
import dpcsim.engine.SequentialEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite: a coordinator and two processor nodes, each a JVM of its own holding the
 * cluster's keys (TLS with mutual authentication), in a network namespace of their own where one
 * can be made. Each case injects one fault into a run in progress: a rogue node, two clients at
 * once, a client killed, a node killed, a node paused, the coordinator killed, traffic dropped or
 * delayed. After each it checks the client's exit status and its one line, that no output file was
 * left half-written, that the cluster takes the next run by itself, and that that run's trace is
 * the sequential engine's, byte for byte. Detection and recovery times are printed at the end (the
 * note's table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
@Tag("faults")
class ClusterFaultsTest {
  static final Path SCENARIO = ExampleScenarios.repoRoot().resolve("scenarios/server-64.yaml");
  static final Duration CLIENT_MAX = Duration.ofSeconds(120);

  ClusterJvms jvms;
  Path keys;
  int port;
  String seed;
  String expectedHash;
  Process coordinator;
  final Process[] nodes = new Process[2];
  final List<String> times = new ArrayList<>();
  int runs;

  @BeforeAll
  void startCluster() throws Exception {
    jvms = new ClusterJvms();
    keys = jvms.dir.resolve("keys");
    assertEquals(0, dpcsim("keys", "init", keys.toString()));
    port = SeparateJvmClusterTest.freePort();
    seed = "pekko://dpcsim@127.0.0.1:" + port;
    coordinator = jvms.launch("coordinator", coordinatorArgs());
    for (int i = 0; i < 2; i++) {
      nodes[i] = jvms.launch("node" + (i + 1), nodeArgs());
    }
    expectedHash =
        SequentialEngine.run(ExampleScenarios.load(SCENARIO).withDuration(20_000_000), null, false)
            .traceSha256();
  }

  @AfterAll
  void stopCluster() {
    System.out.println("fault suite (" + where() + "):");
    System.out.println("| fault | outcome | detected after | cluster takes the next run after |");
    System.out.println("|---|---|---|---|");
    times.forEach(System.out::println);
    jvms.close();
  }

  private String where() {
    return jvms.netnsMissing == null
        ? "in a network namespace of its own"
        : "on this machine's 127.0.0.1: " + jvms.netnsMissing;
  }

  private String[] coordinatorArgs() {
    return new String[] {
      "coordinator", "--port", Integer.toString(port), "--keys", keys.toString()
    };
  }

  private String[] nodeArgs() {
    return new String[] {"node", "--port", "0", "--seed-nodes", seed, "--keys", keys.toString()};
  }

  private static int dpcsim(String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(System.err));
  }

  /** Starts a long run on both nodes (60 simulated seconds: minutes of work) and waits for it. */
  private Process startLongRun(String name) throws Exception {
    int[] before = {hosted("node1"), hosted("node2")};
    Process p =
        jvms.startClient(
            name,
            runArgs(
                "--nodes", "2", "--duration", "60s", "--json", "--trace", trace(name).toString()));
    jvms.await(
        Duration.ofSeconds(90),
        () -> {
          assertTrue(p.isAlive(), "the client ended early: " + Files.readString(err(name)));
          assertTrue(hosted("node1") > before[0] && hosted("node2") > before[1]);
        });
    return p;
  }

  /**
   * {@code dpcsim run} of the suite's scenario on its cluster, with its keys, then {@code more}.
   */
  private String[] runArgs(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("run", SCENARIO.toString(), "--cluster", seed, "--keys", keys.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private int hosted(String node) throws Exception {
    return ClusterJvms.count(jvms.log(node), "hosting processors");
  }

  private Path trace(String name) {
    return jvms.dir.resolve(name + ".trace");
  }

  private Path err(String name) {
    return jvms.dir.resolve(name + ".err");
  }

  /** The failed client's one line, after checking it printed nothing else and wrote nothing. */
  private String failedLine(String name, ClusterJvms.Result r, int status) throws Exception {
    assertEquals(status, r.status(), r.err());
    assertEquals("", r.out(), "nothing reported as complete");
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.err());
    assertFalse(Files.exists(trace(name)), "no trace file left half-written");
    return lines.get(0);
  }

  /**
   * Runs a short run on {@code nodes} nodes, waiting up to 90 s for them (they may be rejoining):
   * it must complete with the sequential engine's trace.
   *
   * @return seconds from {@code since} (System.nanoTime) to the run's end
   */
  private double nextRunOk(int nodes, long since) throws Exception {
    String name = "run-" + (++runs);
    ClusterJvms.Result r =
        jvms.client(
            name,
            CLIENT_MAX,
            runArgs(
                "--nodes",
                Integer.toString(nodes),
                "--wait-for-nodes",
                "90s",
                "--duration",
                "20ms",
                "--json",
                "--trace",
                trace(name).toString()));
    double seconds = (System.nanoTime() - since) / 1e9;
    assertEquals(0, r.status(), r.err());
    assertEquals(expectedHash, hashOf(r.out()));
    // The trace file is whole: its bytes hash to the reported traceSha256.
    assertEquals(
        expectedHash,
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(trace(name)))));
    return seconds;
  }

  static String hashOf(String out) {
    return SeparateJvmClusterTest.hashOf(out);
  }

  private void record(String fault, String outcome, double detected, double recovered) {
    times.add(
        String.format(
            "| %s | %s | %s | %.1f s |",
            fault, outcome, detected < 0 ? "-" : String.format("%.1f s", detected), recovered));
  }

  /**
   * Waits until the cluster has downed {@code address}: a {@code status} client joins only once no
   * member is unreachable but downed ones (Pekko's convergence), whichever member leads. A client
   * that joins while the leader decides may be downed with the unreachable side: then it asks
   * again.
   */
  private void awaitDowned(String address) {
    jvms.await(
        Duration.ofSeconds(120),
        () -> {
          ClusterJvms.Result st =
              jvms.client(
                  "status-" + (++runs),
                  CLIENT_MAX,
                  "status",
                  "--cluster",
                  seed,
                  "--keys",
                  keys.toString(),
                  "--timeout",
                  "30s");
          assertEquals(0, st.status(), st.err());
          assertFalse(
              st.out().lines().anyMatch(l -> l.startsWith(address + " ") && l.contains(" Up ")),
              st.out());
        });
  }

  /** The member's latest address, from its "up at" or "rejoined at" lines. */
  private String address(String name) throws Exception {
    Matcher m = Pattern.compile("(?:up|rejoined) at (pekko://\\S+)").matcher(jvms.log(name));
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  @Test
  @Order(1)
  @DisplayName(
      "a rogue node, without the cluster's keys or with other keys, cannot join and gets nothing")
  void rogueNodes() throws Exception {
    Path otherKeys = jvms.dir.resolve("other-keys");
    assertEquals(0, dpcsim("keys", "init", otherKeys.toString()));
    long t0 = System.nanoTime();
    String[] join = {"node", "--port", "0", "--seed-nodes", seed, "--join-timeout", "8s"};
    Process plain = jvms.startClient("rogue-plain", join);
    List<String> withKeys = new ArrayList<>(List.of(join));
    withKeys.addAll(List.of("--keys", otherKeys.toString()));
    Process keyed = jvms.startClient("rogue-keys", withKeys.toArray(String[]::new));
    for (var rogue : List.of(List.of("rogue-plain", plain), List.of("rogue-keys", keyed))) {
      String name = (String) rogue.get(0);
      ClusterJvms.Result r = jvms.finished(name, (Process) rogue.get(1), CLIENT_MAX);
      assertEquals(2, r.status(), r.out() + r.err());
      assertTrue(r.err().contains("cannot join the cluster through " + seed), r.err());
    }
    double refused = (System.nanoTime() - t0) / 1e9;
    ClusterJvms.Result status =
        jvms.client("status", CLIENT_MAX, "status", "--cluster", seed, "--keys", keys.toString());
    assertEquals(0, status.status(), status.err());
    assertTrue(status.out().contains("processor hosts known to the coordinator: 2"), status.out());
    assertEquals(3, status.out().lines().filter(l -> l.startsWith("pekko://")).count());
    // A run on two nodes is placed on the two that hold the key, and nowhere else.
    ClusterJvms.Result r =
        jvms.client("placed", CLIENT_MAX, runArgs("--nodes", "2", "--duration", "20ms", "--json"));
    assertEquals(0, r.status(), r.err());
    Set<String> placed = new TreeSet<>();
    Matcher m = Pattern.compile("\"node\":\"(pekko://[^\"]+)\"").matcher(r.out());
    while (m.find()) {
      placed.add(m.group(1));
    }
    assertEquals(new TreeSet<>(Set.of(address("node1"), address("node2"))), placed, r.out());
    assertEquals(expectedHash, hashOf(r.out()));
    record("rogue node (no keys; other keys)", "exit 2, not a member", -1, refused);
  }

  @Test
  @Order(2)
  @DisplayName("two clients at once: both complete, one after the other, with the same trace")
  void twoClients() throws Exception {
    long t0 = System.nanoTime();
    List<Process> clients = new ArrayList<>();
    for (String name : List.of("twin-a", "twin-b")) {
      clients.add(
          jvms.startClient(
              name,
              runArgs(
                  "--nodes",
                  name.endsWith("a") ? "2" : "1",
                  "--duration",
                  "20ms",
                  "--json",
                  "--trace",
                  trace(name).toString())));
    }
    for (int i = 0; i < 2; i++) {
      String name = i == 0 ? "twin-a" : "twin-b";
      ClusterJvms.Result r = jvms.finished(name, clients.get(i), CLIENT_MAX);
      assertEquals(0, r.status(), r.err());
      assertEquals(expectedHash, hashOf(r.out()));
      assertTrue(Files.size(trace(name)) > 0);
    }
    record("two clients at once", "both exit 0, same trace", -1, (System.nanoTime() - t0) / 1e9);
  }

  @Test
  @Order(3)
  @DisplayName("a client killed mid-run: the coordinator ends its run and takes the next")
  void clientKilled() throws Exception {
    Process client = startLongRun("doomed-client");
    long killed = System.nanoTime();
    ClusterJvms.signal(client, "KILL");
    assertTrue(client.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    assertFalse(Files.exists(trace("doomed-client")), "no trace file under its name");
    record("client killed (SIGKILL)", "run ended; next run ok", -1, nextRunOk(2, killed));
  }

  @Test
  @Order(4)
  @DisplayName("a processor node killed mid-run: exit 3, one line; it comes back, the next run ok")
  void nodeKilled() throws Exception {
    Process client = startLongRun("node-killed");
    String lost = address("node2");
    long killed = System.nanoTime();
    ClusterJvms.signal(nodes[1], "KILL");
    ClusterJvms.Result r = jvms.finished("node-killed", client, CLIENT_MAX);
    double detected = (System.nanoTime() - killed) / 1e9;
    String line = failedLine("node-killed", r, 3);
    assertTrue(line.contains("node " + lost + " became unreachable during the run"), line);
    assertTrue(line.contains("lost; simulated time reached "), line);
    long restarted = System.nanoTime();
    nodes[1] = jvms.start("node2", nodeArgs());
    jvms.awaitLog("node2", "up at", 2, Duration.ofSeconds(60));
    record(
        "processor node killed (SIGKILL), restarted", "exit 3", detected, nextRunOk(2, restarted));
  }

  @Test
  @Order(5)
  @DisplayName(
      "a processor node paused (SIGSTOP): exit 3 'unreachable'; after SIGCONT it rejoins by itself")
  void nodePaused() throws Exception {
    Process client = startLongRun("node-paused");
    String paused = address("node1");
    long stopped = System.nanoTime();
    ClusterJvms.signal(nodes[0], "STOP");
    ClusterJvms.Result r;
    double detected;
    try {
      r = jvms.finished("node-paused", client, CLIENT_MAX);
      detected = (System.nanoTime() - stopped) / 1e9;
      // Resumed only once the others have downed it: the node must find itself removed.
      awaitDowned(paused);
    } finally {
      ClusterJvms.signal(nodes[0], "CONT");
    }
    String line = failedLine("node-paused", r, 3);
    assertTrue(line.contains("node " + paused + " became unreachable during the run"), line);
    assertFalse(line.contains("left"), line);
    long resumed = System.nanoTime();
    jvms.awaitLog("node1", "rejoined at", Duration.ofSeconds(90));
    assertTrue(nodes[0].isAlive(), "the paused node's process stays up");
    record(
        "processor node paused (SIGSTOP, then SIGCONT)", "exit 3", detected, nextRunOk(2, resumed));
  }

  @Test
  @Order(6)
  @DisplayName(
      "the coordinator killed mid-run: exit 3 naming it; the nodes stay up and join its restart")
  void coordinatorKilled() throws Exception {
    Process client = startLongRun("coordinator-killed");
    int[] rejoined = {
      ClusterJvms.count(jvms.log("node1"), "rejoined at"),
      ClusterJvms.count(jvms.log("node2"), "rejoined at")
    };
    long killed = System.nanoTime();
    ClusterJvms.signal(coordinator, "KILL");
    ClusterJvms.Result r = jvms.finished("coordinator-killed", client, CLIENT_MAX);
    double detected = (System.nanoTime() - killed) / 1e9;
    String line = failedLine("coordinator-killed", r, 3);
    assertTrue(line.startsWith("dpcsim: the coordinator " + seed + " became unreachable"), line);
    assertTrue(line.contains("simulated time reached "), line);
    // The nodes, downed with the cluster they were in, start fresh members that wait to rejoin.
    for (String node : List.of("node1", "node2")) {
      jvms.awaitLog(node, "starting a fresh member", Duration.ofSeconds(60));
    }
    long restarted = System.nanoTime();
    coordinator = jvms.start("coordinator", coordinatorArgs());
    jvms.awaitLog("node1", "rejoined at", rejoined[0] + 1, Duration.ofSeconds(90));
    jvms.awaitLog("node2", "rejoined at", rejoined[1] + 1, Duration.ofSeconds(90));
    assertTrue(nodes[0].isAlive() && nodes[1].isAlive(), "the node processes stayed up");
    record("coordinator killed (SIGKILL), restarted", "exit 3", detected, nextRunOk(2, restarted));
  }

  @Test
  @Order(7)
  @DisplayName("traffic to a node dropped (iptables, in the namespace): exit 3; healed, it rejoins")
  void trafficDropped() throws Exception {
    if (jvms.netnsMissing != null) {
      times.add("| traffic to a node dropped | skipped: " + jvms.netnsMissing + " | - | - |");
    }
    Assumptions.assumeTrue(
        jvms.netnsMissing == null, "skipped: no network namespace: " + jvms.netnsMissing);
    Process client = startLongRun("dropped");
    String cut = address("node2");
    String nodePort = cut.substring(cut.lastIndexOf(':') + 1);
    int rejoined = ClusterJvms.count(jvms.log("node2"), "rejoined at");
    int fresh = ClusterJvms.count(jvms.log("node2"), "starting a fresh member");
    String[][] rules = {
      {"INPUT", "-p", "tcp", "--dport", nodePort, "-j", "DROP"},
      {"INPUT", "-p", "tcp", "--sport", nodePort, "-j", "DROP"}
    };
    long dropped = System.nanoTime();
    for (String[] rule : rules) {
      jvms.iptables(concat("-A", rule));
    }
    ClusterJvms.Result r;
    double detected;
    try {
      r = jvms.finished("dropped", client, CLIENT_MAX);
      detected = (System.nanoTime() - dropped) / 1e9;
      // Cut off from the oldest coordinator, the node downs itself and starts a fresh member.
      jvms.awaitLog("node2", "starting a fresh member", fresh + 1, Duration.ofSeconds(60));
    } finally {
      for (String[] rule : rules) {
        jvms.iptables(concat("-D", rule));
      }
    }
    String line = failedLine("dropped", r, 3);
    assertTrue(line.contains("node " + cut + " became unreachable during the run"), line);
    long healed = System.nanoTime();
    jvms.awaitLog("node2", "rejoined at", rejoined + 1, Duration.ofSeconds(90));
    record("traffic to a node dropped, then let through", "exit 3", detected, nextRunOk(2, healed));
  }

  @Test
  @Order(8)
  @DisplayName("traffic delayed 50 ms each way (netem, in the namespace): the run completes alike")
  void trafficDelayed() throws Exception {
    String missing = jvms.delayMissing();
    if (missing != null) {
      times.add("| traffic delayed 50 ms | skipped: " + missing + " | - | - |");
    }
    Assumptions.assumeTrue(missing == null, "skipped: " + missing);
    jvms.tc("qdisc", "change", "dev", "lo", "root", "netem", "delay", "50ms");
    try {
      long t0 = System.nanoTime();
      record("traffic delayed 50 ms", "exit 0, same trace", -1, nextRunOk(2, t0));
    } finally {
      jvms.tc("qdisc", "del", "dev", "lo", "root");
    }
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
