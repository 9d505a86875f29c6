package dpcsim.cli;

import dpcsim.actors.ClusterMember;
import dpcsim.engine.RunFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long-running member ({@code dpcsim coordinator}, {@code dpcsim node}) that outlives its
 * membership: when the cluster removes it (downed after a pause or a lost coordinator) or it leaves
 * a cluster with no coordinator left, the process starts a fresh member and joins again through the
 * seed nodes, instead of exiting. Only SIGTERM or Ctrl-C end it. The first join must succeed within
 * {@code --join-timeout}; a rejoin tries for as long, again and again, until the cluster is back.
 */
final class StandingMember {
  /** Between attempts that failed at once (the port still held by the stopped member). */
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private StandingMember() {}

  /**
   * Starts the member, then keeps it in the cluster until the JVM is told to exit.
   *
   * @param what "coordinator" or "processor node", for the lines printed
   * @return the exit status, 0
   */
  static int serve(
      ClusterMember.Settings settings,
      NodeOptions node,
      String what,
      PrintWriter out,
      PrintWriter err) {
    AtomicBoolean exiting = new AtomicBoolean();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> exiting.set(true), "dpcsim-exiting"));
    ClusterMember m = ClusterMember.startLongRunning(settings, node.joinTimeout(), node.healthPort);
    out.println("dpcsim " + what + " up at " + m.address() + " (Ctrl-C to leave the cluster)");
    out.flush();
    while (true) {
      String address = m.address();
      String why = m.awaitTermination();
      if (why == null || exiting.get()) {
        return 0;
      }
      err.println(
          "dpcsim: "
              + what
              + " "
              + address
              + " "
              + why
              + "; starting a fresh member that joins "
              + (settings.seeds().isEmpty() ? "itself" : String.join(", ", settings.seeds())));
      err.flush();
      m = rejoin(settings, node, exiting, err);
      if (m == null) {
        return 0;
      }
      out.println("dpcsim " + what + " rejoined at " + m.address());
      out.flush();
    }
  }

  /**
   * @return a fresh member, Up in the cluster, or null if the JVM began to exit first
   */
  private static ClusterMember rejoin(
      ClusterMember.Settings settings, NodeOptions node, AtomicBoolean exiting, PrintWriter err) {
    while (!exiting.get()) {
      long began = System.nanoTime();
      try {
        return ClusterMember.startLongRunning(settings, node.joinTimeout(), node.healthPort);
      } catch (RunFailure f) {
        if (exiting.get()) {
          return null;
        }
        err.println("dpcsim: " + f.getMessage() + "; trying again");
        err.flush();
        long spentMs = (System.nanoTime() - began) / 1_000_000;
        if (spentMs < RETRY_PAUSE.toMillis()) {
          try {
            Thread.sleep(RETRY_PAUSE.toMillis() - spentMs);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
          }
        }
      }
    }
    return null;
  }
}
