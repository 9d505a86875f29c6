package dpcsim.bench;

import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.node.ProcessorActor;
import dpcsim.wire.ProcessorMessage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The retained heap of a processor with empty queues (issue 6: "well under 50 KB"): N idle
 * processors of one machine (no DPCs, no devices, no load), started as the engines start them, as
 * {@link ProcessorWindow}s (what every engine but the sequential one holds per processor) and then
 * as {@link ProcessorActor}s in a local actor system. The figure is the used heap after full
 * collections with the processors alive minus without them, over N; the median of several rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dpcsim.bench.ProcessorFootprint [N]}.
 */
public final class ProcessorFootprint {
  private static final int ROUNDS = 5;

  private ProcessorFootprint() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
    Machine machine =
        new Machine(Scenarios.parse("processors: " + n + "\nduration: 10s\nseed: 1\n"));
    DpcReach reach = new DpcReach(machine);
    long[] windows = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long before = usedAfterGc();
      ProcessorWindow[] cpus = windows(machine, reach, n);
      long after = usedAfterGc();
      windows[r] = (after - before) / n;
      check(cpus);
    }
    System.out.printf("processors: %d%n", n);
    System.out.printf(
        "ProcessorWindow (kernel Processor, KPRCB, lists, event queue): %d bytes/processor"
            + " (median of %d rounds: %s)%n",
        median(windows), ROUNDS, Arrays.toString(windows));

    ActorSystem<Spawn> system =
        ActorSystem.create(
            guardian(),
            "footprint",
            com.typesafe.config.ConfigFactory.parseString(
                    "pekko.actor.provider = local\npekko.loglevel = WARNING")
                .withFallback(com.typesafe.config.ConfigFactory.load()));
    try {
      long[] actors = new long[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        long before = usedAfterGc();
        CompletableFuture<List<ActorRef<ProcessorMessage>>> spawned = new CompletableFuture<>();
        system.tell(new Spawn(windows(machine, reach, n), spawned));
        List<ActorRef<ProcessorMessage>> refs = spawned.get();
        long after = usedAfterGc();
        actors[r] = (after - before) / n;
        CompletableFuture<List<ActorRef<ProcessorMessage>>> stopped = new CompletableFuture<>();
        system.tell(new Spawn(new ProcessorWindow[0], stopped));
        stopped.get();
        if (refs.size() != n) {
          throw new IllegalStateException("spawned " + refs.size() + " of " + n);
        }
      }
      System.out.printf(
          "ProcessorActor (the window plus its actor): %d bytes/processor"
              + " (median of %d rounds: %s)%n",
          median(actors), ROUNDS, Arrays.toString(actors));
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get();
    }
  }

  /** Spawns one actor per window (after stopping the previous ones) and reports the refs. */
  private record Spawn(
      ProcessorWindow[] windows, CompletableFuture<List<ActorRef<ProcessorMessage>>> done) {}

  private static Behavior<Spawn> guardian() {
    return Behaviors.setup(
        context -> {
          List<ActorRef<ProcessorMessage>> live = new ArrayList<>();
          return Behaviors.receiveMessage(
              m -> {
                for (ActorRef<ProcessorMessage> ref : live) {
                  context.stop(ref);
                }
                live.clear();
                for (ProcessorWindow w : m.windows()) {
                  live.add(context.spawnAnonymous(ProcessorActor.create(w)));
                }
                m.done().complete(List.copyOf(live));
                return Behaviors.same();
              });
        });
  }

  private static ProcessorWindow[] windows(Machine machine, DpcReach reach, int n) {
    KdpcTable kdpcs = new KdpcTable(machine);
    ProcessorWindow[] cpus = new ProcessorWindow[n];
    for (int p = 0; p < n; p++) {
      cpus[p] = new ProcessorWindow(p, machine, kdpcs, reach, machine.globalChanges());
    }
    return cpus;
  }

  /** Keeps {@code cpus} reachable up to here and proves they are idle processors. */
  private static void check(ProcessorWindow[] cpus) {
    for (ProcessorWindow w : cpus) {
      if (w.processor().prcb().normal().depth() != 0) {
        throw new IllegalStateException("processor " + w.processor().cpu() + " is not idle");
      }
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
