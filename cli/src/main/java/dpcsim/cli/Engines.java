package dpcsim.cli;

import dpcsim.actors.ActorEngine;
import dpcsim.actors.ClusterKeys;
import dpcsim.actors.ClusterMember;
import dpcsim.actors.ClusterRun;
import dpcsim.actors.EmbeddedCluster;
import dpcsim.actors.Engine;
import dpcsim.actors.LocalCluster;
import dpcsim.actors.Pauses;
import dpcsim.engine.RunFailure;
import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.engine.TraceOutputs;
import dpcsim.invariant.InvariantViolation;
import dpcsim.scenario.Scenario;
import dpcsim.wire.ScenarioSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engines by name (as the Caffeine simulator's {@code Registry} maps policy names to
 * factories): {@code run}, {@code compare}, {@code bench} and {@code debug} look an engine up here
 * and never branch on its name. {@code local-nodes-N} is {@code local-nodes} with N nodes.
 */
final class Engines {
  /** The cluster engine's name: a client joins a running cluster (--cluster) and submits to it. */
  static final String CLUSTER = "cluster";

  /**
   * What an engine may need to start.
   *
   * @param localNodes processor nodes for {@code local-nodes}, or null
   * @param cluster a node of a running cluster for {@code cluster}, or null
   * @param nodes processor nodes a {@code cluster} run uses
   * @param waitForNodesMs how long a {@code cluster} run waits for them
   * @param checkInvariants check every invariant after each event (sequential only)
   * @param keys the {@code --keys} folder for {@code cluster}, or null for {@code DPCSIM_KEYS} or
   *     none
   */
  record Settings(
      Integer localNodes,
      String cluster,
      int nodes,
      long waitForNodesMs,
      boolean checkInvariants,
      String keys) {
    static final Settings DEFAULT = new Settings(null, null, 1, 30_000, false, null);
  }

  /** Starts an engine; {@code flag} names the option a user error is about. */
  @FunctionalInterface
  private interface Factory {
    Engine start(String flag, Settings settings);
  }

  private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put(SequentialEngine.NAME, (flag, s) -> new Sequential(s.checkInvariants()));
    FACTORIES.put(ActorEngine.NAME, (flag, s) -> EmbeddedCluster.start());
    FACTORIES.put(
        LocalCluster.NAME,
        (flag, s) -> {
          if (s.localNodes() == null) {
            throw new UserError(flag + " local-nodes needs a node count: local-nodes-N");
          }
          return LocalCluster.start(s.localNodes());
        });
    FACTORIES.put(
        CLUSTER,
        (flag, s) -> {
          if (s.cluster() == null) {
            throw new UserError(flag + " cluster needs --cluster pekko://dpcsim@H:P");
          }
          return new Cluster(
              ClusterClient.join(s.cluster(), ClusterKeys.named(s.keys())),
              s.nodes(),
              s.waitForNodesMs());
        });
  }

  private static final Pattern WITH_COUNT = Pattern.compile("(.+)-([1-9][0-9]{0,5})");

  private Engines() {}

  /**
   * @return the registered names, in the order errors list them
   */
  static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * @return the registry name of {@code name} ({@code local-nodes-2} is {@code local-nodes})
   * @throws UserError naming {@code flag} and every registered engine if there is no such engine
   */
  static String check(String flag, String name) {
    String key = FACTORIES.containsKey(name) ? name : countless(name);
    if (key == null) {
      throw new UserError(
          flag
              + ": unknown engine '"
              + name
              + "' (expected one of "
              + String.join(", ", names())
              + ")");
    }
    return key;
  }

  /**
   * Starts the engine {@code name}; close it when done.
   *
   * @throws UserError if there is no such engine or {@code settings} lack what it needs
   */
  static Engine start(String flag, String name, Settings settings) {
    String key = check(flag, name);
    if (!key.equals(name)) {
      Matcher m = WITH_COUNT.matcher(name);
      m.matches();
      settings =
          new Settings(
              Integer.parseInt(m.group(2)),
              settings.cluster(),
              settings.nodes(),
              settings.waitForNodesMs(),
              settings.checkInvariants(),
              settings.keys());
    }
    return FACTORIES.get(key).start(flag, settings);
  }

  /** The registry key of a name with a node count ({@code local-nodes-3}), or null. */
  private static String countless(String name) {
    Matcher m = WITH_COUNT.matcher(name);
    return m.matches() && m.group(1).equals(LocalCluster.NAME) ? LocalCluster.NAME : null;
  }

  /** The sequential engine: nothing to start; its runs can check every invariant. */
  private record Sequential(boolean checkInvariants) implements Engine {
    @Override
    public String name() {
      return SequentialEngine.NAME;
    }

    @Override
    public boolean runsOnCallingThread() {
      return true;
    }

    @Override
    public RunResult run(
        Scenario scenario,
        ScenarioSource source,
        TraceOutputs outputs,
        ActorEngine.Options options,
        Pauses pauses) {
      if (pauses != Pauses.NEVER) {
        throw new IllegalArgumentException("the debugger steps a sequential run itself");
      }
      try {
        return SequentialEngine.run(scenario, outputs, options.cancel(), checkInvariants);
      } catch (InvariantViolation v) {
        throw new RunFailure(v.getMessage(), Main.INTERNAL_ERROR);
      }
    }

    @Override
    public void close() {}
  }

  /** A client of a running cluster: joined once, leaves on close. */
  private static final class Cluster implements Engine {
    private final ClusterMember client;
    private final int nodes;
    private final long waitForNodesMs;
    private boolean completed = true;

    Cluster(ClusterMember client, int nodes, long waitForNodesMs) {
      this.client = client;
      this.nodes = nodes;
      this.waitForNodesMs = waitForNodesMs;
    }

    @Override
    public String name() {
      return CLUSTER;
    }

    @Override
    public RunResult run(
        Scenario scenario,
        ScenarioSource source,
        TraceOutputs outputs,
        ActorEngine.Options options,
        Pauses pauses) {
      completed = false;
      RunResult r =
          ClusterRun.submit(
              client.system(),
              client.coordinator(),
              scenario,
              source,
              outputs,
              nodes,
              waitForNodesMs,
              options,
              pauses);
      completed = true;
      return r;
    }

    @Override
    public void close() {
      ClusterClient.leave(client, completed);
    }
  }
}
