package dpcsim.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dpcsim.coordinator.ClusterNode;
import dpcsim.engine.RunFailure;
import dpcsim.wire.CoordinatorMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.cluster.typed.SelfRemoved;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * One dpcsim cluster node in this JVM: an actor system named {@code dpcsim} with the given roles
 * ({@code coordinator}, {@code processor}, or {@code client} for a submitting command), joined to
 * the seed nodes (or to itself when it has none). Addresses come from flags here, else from {@code
 * -D} properties, HOCON or {@code CONFIG_FORCE_} environment variables, else from dpcsim.conf
 * (127.0.0.1, a free port).
 */
public final class ClusterMember implements AutoCloseable {
  /**
   * Where and what this node is.
   *
   * @param host the address to bind and advertise, or null for the configured one
   * @param port the port, 0 for a free one, or null for the configured one
   * @param seeds seed node addresses ({@code pekko://dpcsim@host:port}); empty: join itself
   * @param capacity the most processors this node hosts in a run, or null for the configured
   * @param keys the cluster's keys (Artery over TLS with mutual authentication), or null for plain
   *     TCP, which only a loopback address may use
   * @param insecure listen beyond loopback without keys all the same ({@code --insecure})
   */
  public record Settings(
      List<String> roles,
      String host,
      Integer port,
      List<String> seeds,
      Integer capacity,
      ClusterKeys keys,
      boolean insecure) {
    /** Settings without keys. */
    public Settings(
        List<String> roles, String host, Integer port, List<String> seeds, Integer capacity) {
      this(roles, host, port, seeds, capacity, null, false);
    }

    /**
     * @return these settings with {@code keys} (null: none) and {@code insecure}
     */
    public Settings withKeys(ClusterKeys keys, boolean insecure) {
      return new Settings(roles, host, port, seeds, capacity, keys, insecure);
    }
  }

  /** Starts a long-running node: it leaves the cluster when the JVM gets SIGTERM or Ctrl-C. */
  public static ClusterMember startLongRunning(Settings settings, Duration joinTimeout) {
    return startLongRunning(settings, joinTimeout, null);
  }

  /**
   * Starts a long-running node: it leaves the cluster when the JVM gets SIGTERM or Ctrl-C. With a
   * {@code healthPort}, it also serves Pekko Management's health checks ({@code GET /health/alive},
   * {@code /health/ready}) over HTTP on its own address (its {@code --host}), that port.
   *
   * @throws RunFailure (exit 2) if the node cannot start, join, or serve the health checks
   */
  public static ClusterMember startLongRunning(
      Settings settings, Duration joinTimeout, Integer healthPort) {
    Config extra =
        ConfigFactory.parseString(
            "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = on\n"
                + "dpcsim.node.announce = on\n"
                + "dpcsim.node.leave-without-coordinator = on");
    if (healthPort != null) {
      extra =
          extra.withValue("pekko.management.http.port", ConfigValueFactory.fromAnyRef(healthPort));
      if (settings.host() != null) {
        // Artery's "<getHostAddress>" (this machine's address, as in a container) is Pekko
        // Management's "<hostname>".
        String h = settings.host().equals("<getHostAddress>") ? "<hostname>" : settings.host();
        extra = extra.withValue("pekko.management.http.hostname", ConfigValueFactory.fromAnyRef(h));
      } else {
        extra =
            extra.withValue(
                "pekko.management.http.hostname",
                ConfigValueFactory.fromAnyRef(
                    ActorEngine.embeddedConfig()
                        .getString("pekko.remote.artery.canonical.hostname")));
      }
    }
    ClusterMember m = start(settings, joinTimeout, extra);
    if (healthPort != null) {
      m.serveHealthChecks();
    }
    return m;
  }

  private void serveHealthChecks() {
    Config c = system.settings().config();
    String where =
        c.getString("pekko.management.http.hostname")
            + ":"
            + c.getInt("pekko.management.http.port");
    try {
      PekkoManagement.get(Adapter.toClassic(system))
          .start()
          .toCompletableFuture()
          .get(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeWithin(Duration.ZERO);
      throw new RunFailure("interrupted while starting the health checks", 1);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      closeWithin(Duration.ZERO);
      throw new RunFailure("cannot serve health checks on " + where + ": " + rootMessage(e), 2);
    }
  }

  /** How long a member whose shutdown has run may take to terminate before a rejoin goes on. */
  private static final Duration TERMINATION_GRACE = Duration.ofSeconds(5);

  private final ActorSystem<ClusterNode.GetCoordinator> system;
  private final ActorRef<CoordinatorMessage> coordinator;

  /** Completed by the first phase of the member's coordinated shutdown. */
  private final CompletableFuture<Done> shutdownBegan = new CompletableFuture<>();

  private ClusterMember(ActorSystem<ClusterNode.GetCoordinator> system) {
    this.system = system;
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "dpcsim-shutdown-began",
            () -> {
              shutdownBegan.complete(Done.getInstance());
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    this.coordinator =
        AskPattern.<ClusterNode.GetCoordinator, ActorRef<CoordinatorMessage>>ask(
                system, ClusterNode.GetCoordinator::new, Duration.ofSeconds(10), system.scheduler())
            .toCompletableFuture()
            .join();
  }

  /**
   * @return the configuration of a node with {@code s}'s settings
   */
  public static Config config(Settings s) {
    return config(s, ConfigFactory.empty());
  }

  private static Config config(Settings s, Config extra) {
    Config c = extra;
    c = c.withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(s.roles()));
    if (s.host() != null) {
      c =
          c.withValue(
              "pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(s.host()));
    }
    if (s.port() != null) {
      c =
          c.withValue(
              "pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(s.port()));
    }
    if (!s.seeds().isEmpty()) {
      c = c.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(s.seeds()));
    }
    if (s.capacity() != null) {
      c = c.withValue("dpcsim.node.capacity", ConfigValueFactory.fromAnyRef(s.capacity()));
    }
    if (s.keys() != null) {
      c = c.withFallback(s.keys().config());
    }
    return c.withFallback(ActorEngine.embeddedConfig()).resolve();
  }

  /**
   * @return the address a node with {@code s}'s settings would listen on beyond loopback (its
   *     canonical or bind hostname), or null if it listens on loopback only
   */
  public static String exposedHost(Settings s) {
    Config c = config(s);
    for (String key :
        List.of("pekko.remote.artery.canonical.hostname", "pekko.remote.artery.bind.hostname")) {
      String h = c.getString(key);
      if (!h.isEmpty() && !isLoopback(h)) {
        return h;
      }
    }
    return null;
  }

  private static boolean isLoopback(String host) {
    if (host.startsWith("<")) {
      return false; // <getHostAddress>, <getHostName>: this machine's own, outward address
    }
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * Refuses to listen beyond loopback without the cluster's keys, unless told to: anyone who
   * reaches a plain-TCP port can join and be given processors (docs/security.md).
   */
  private static void checkExposure(Settings s) {
    if (s.keys() != null || s.insecure()) {
      return;
    }
    String h = exposedHost(s);
    if (h != null) {
      throw new RunFailure(
          (h.equals(s.host()) ? "--host " : "pekko.remote.artery.canonical.hostname ")
              + h
              + ": listening beyond 127.0.0.1 needs the cluster's keys: make them once with"
              + " 'dpcsim keys init DIR', copy DIR to every member and pass --keys DIR (or"
              + " DPCSIM_KEYS=DIR); --insecure listens without them",
          2);
    }
  }

  /**
   * Starts the node and waits until it is Up in the cluster.
   *
   * @throws RunFailure (exit 2) if the port cannot be bound or the cluster cannot be joined in time
   */
  public static ClusterMember start(Settings settings, Duration joinTimeout) {
    return start(settings, joinTimeout, ConfigFactory.empty());
  }

  private static ClusterMember start(Settings settings, Duration joinTimeout, Config extra) {
    // The join timeout counts from here: starting the actor system is part of joining.
    long deadline = System.nanoTime() + joinTimeout.toNanos();
    checkExposure(settings);
    // Initialise logging before Pekko's threads log, so nothing is intercepted and replayed.
    org.slf4j.LoggerFactory.getILoggerFactory();
    // Pekko gives up on its seed nodes after this long, not a fixed 30 s of its own.
    Config config =
        config(
            settings,
            extra.withValue(
                "pekko.cluster.shutdown-after-unsuccessful-join-seed-nodes",
                ConfigValueFactory.fromAnyRef(joinTimeout.toMillis() + "ms")));
    while (true) {
      ActorSystem<ClusterNode.GetCoordinator> system = attempt(settings, config, deadline);
      if (system != null) {
        return new ClusterMember(system);
      }
      // Removed while joining: a member that joins while the cluster downs an unreachable one
      // may be downed with it. A fresh actor system tries again, within the same deadline.
      if (deadline - System.nanoTime() < TimeUnit.SECONDS.toNanos(2)) {
        throw new RunFailure(
            "cannot join the cluster through "
                + String.join(", ", settings.seeds())
                + " within "
                + seconds(joinTimeout)
                + " (is a dpcsim coordinator running there"
                + (settings.keys() == null
                    ? ", and without keys? A cluster with keys admits only their holders: --keys"
                        + " DIR)"
                    : ", with the keys in " + settings.keys().dir() + "?)"),
            2);
      }
    }
  }

  /**
   * One try at joining: an actor system that binds its port and joins the seed nodes (or itself).
   *
   * @return the system, an Up member; or null if it stopped before (it was removed, or gave up on
   *     its seed nodes)
   * @throws RunFailure if it cannot bind, is interrupted, or the deadline passes
   */
  private static ActorSystem<ClusterNode.GetCoordinator> attempt(
      Settings settings, Config config, long deadline) {
    ActorSystem<ClusterNode.GetCoordinator> system;
    try {
      system = ActorSystem.create(ClusterNode.create(), "dpcsim", config);
    } catch (RuntimeException e) {
      String where =
          config.getString("pekko.remote.artery.canonical.hostname")
              + ":"
              + config.getInt("pekko.remote.artery.canonical.port");
      throw new RunFailure("cannot listen on " + where + ": " + rootMessage(e), 2);
    }
    Cluster cluster = Cluster.get(system);
    if (settings.seeds().isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    CompletableFuture<Void> up = new CompletableFuture<>();
    system.systemActorOf(
        Behaviors.<SelfUp>setup(
            ctx -> {
              Cluster.get(ctx.getSystem())
                  .subscriptions()
                  .tell(Subscribe.create(ctx.getSelf(), SelfUp.class));
              return Behaviors.receiveMessage(
                  m -> {
                    up.complete(null);
                    return Behaviors.stopped();
                  });
            }),
        "await-self-up",
        Props.empty());
    system.getWhenTerminated().thenRun(() -> up.completeExceptionally(new IllegalStateException()));
    try {
      up.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return system;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
      throw new RunFailure("interrupted while joining the cluster", 1);
    } catch (ExecutionException e) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
      return null;
    } catch (TimeoutException e) {
      system.terminate();
      return null;
    }
  }

  /**
   * @return {@code d} for a message: "20 s", "2.5 s"
   */
  public static String seconds(Duration d) {
    return (d.toMillis() % 1000 == 0
            ? Long.toString(d.toSeconds())
            : Double.toString(d.toMillis() / 1000.0))
        + " s";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    return m.contains("Address already in use") ? "the address is already in use" : m;
  }

  /**
   * @return this node's address, {@code pekko://dpcsim@host:port}
   */
  public String address() {
    return Cluster.get(system).selfMember().address().toString();
  }

  /**
   * @return the actor system
   */
  public ActorSystem<ClusterNode.GetCoordinator> system() {
    return system;
  }

  /**
   * @return the coordinator singleton's proxy
   */
  public ActorRef<CoordinatorMessage> coordinator() {
    return coordinator;
  }

  /**
   * Blocks until the node's actor system stops (a long-running node).
   *
   * @return why it stopped, for a node that should start afresh and rejoin ("was removed from the
   *     cluster (downed)"), or null if this JVM is exiting (SIGTERM, Ctrl-C)
   */
  public String awaitTermination() {
    CompletableFuture<?> terminated = system.getWhenTerminated().toCompletableFuture();
    CompletableFuture.anyOf(terminated, shutdownBegan).join();
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    Optional<CoordinatedShutdown.Reason> reason = shutdown.getShutdownReason();
    if (!terminated.isDone() && reason.isPresent()) {
      // The shutdown's phases each have a timeout, so this ends; the actor system itself may not:
      // a member cut off by a firewall (packets dropped, not refused) can hang in Artery's
      // shutdown well past actor-system-terminate's timeout. The fresh member does not need the
      // old one gone (a new port unless --port is fixed, and then binding is retried), so
      // termination gets a bounded grace and no more.
      shutdown
          .runAll(reason.get())
          .toCompletableFuture()
          .exceptionally(e -> Done.getInstance())
          .join();
      try {
        terminated.get(TERMINATION_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // Go on with the reason already known.
      }
    }
    if (reason.isPresent() && reason.get() == CoordinatedShutdown.jvmExitReason()) {
      return null;
    }
    if (reason.isPresent() && reason.get() == CoordinatedShutdown.clusterDowningReason()) {
      return "was removed from the cluster (downed: unreachable too long, or cut off from the"
          + " coordinator)";
    }
    if (reason.isPresent() && reason.get() == CoordinatedShutdown.clusterLeavingReason()) {
      return "left the cluster (no coordinator was left in it)";
    }
    return "stopped ("
        + reason.map(r -> r.getClass().getSimpleName().replace("$", "")).orElse("no reason given")
        + ")";
  }

  /** Leaves the cluster and stops, waiting up to 20 s. */
  @Override
  public void close() {
    closeWithin(Duration.ofSeconds(20));
  }

  /**
   * Leaves the cluster and stops, waiting up to {@code wait} (zero: do not wait). The actor
   * system's coordinated shutdown leaves first: the other members see this one leave and be
   * removed, not become unreachable.
   */
  public void closeWithin(Duration wait) {
    system.terminate();
    if (wait.isZero()) {
      return;
    }
    try {
      system.getWhenTerminated().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Results already delivered do not depend on a clean shutdown.
    }
  }

  /**
   * For a short-lived member (a {@code client} of run or status): leaves the cluster, waits until
   * the cluster has removed it (at most {@code wait}), then stops the actor system. A process that
   * exits right after this has left as a member leaves normally, so the long-running nodes log no
   * unreachable member.
   *
   * @return whether the cluster removed this member within {@code wait}
   */
  public boolean leaveWithin(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    CompletableFuture<Boolean> removed = new CompletableFuture<>();
    Cluster cluster = Cluster.get(system);
    system.systemActorOf(
        Behaviors.<SelfRemoved>setup(
            ctx -> {
              cluster.subscriptions().tell(Subscribe.create(ctx.getSelf(), SelfRemoved.class));
              return Behaviors.receiveMessage(
                  m -> {
                    removed.complete(true);
                    return Behaviors.stopped();
                  });
            }),
        "await-self-removed",
        Props.empty());
    system.getWhenTerminated().thenRun(() -> removed.complete(false));
    cluster.manager().tell(Leave.create(cluster.selfMember().address()));
    boolean left = false;
    try {
      left = removed.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Not removed in time: stop all the same.
    }
    closeWithin(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
    return left;
  }
}
