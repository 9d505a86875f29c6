package dpcsim.cli;

import dpcsim.engine.CancelToken;
import dpcsim.engine.RunCancelled;
import dpcsim.engine.RunFailure;
import dpcsim.report.Units;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a command's runs early and says so in one line: on SIGINT or SIGTERM (exit status 130 or
 * 143), or when {@code --max-wall} runs out (exit status 2). It cancels the runs' {@link
 * CancelToken}; the engine stops with {@link RunCancelled}, the command's clean-up deletes its part
 * files and erases the progress bar, and {@link #failure} is the line the command ends with.
 *
 * <p>Signals are caught with {@link SignalTrap}, not a shutdown hook: the line names the signal,
 * the exit status depends on it, and the JVM must stay up until the run has stopped and a cluster's
 * coordinator has heard of it, which a hook (run while the JVM already exits) cannot promise. They
 * are caught only in a process that exits after the command; a long-running node keeps the JVM's
 * own handling, and a process started with SIGINT ignored (a background job) keeps ignoring it.
 *
 * <p>If the command has not ended {@link #GRACE} after the stop (stuck joining a cluster, say), or
 * on a second Ctrl-C, the stopping thread deletes the open part files, erases the bar, prints the
 * line itself and halts the JVM: a stopped process always ends, and never with a partial result.
 */
final class RunStop implements AutoCloseable {
  /** Why the run stopped, and the exit status that gives. */
  enum Cause {
    SIGINT(130),
    SIGTERM(143),
    MAX_WALL(Main.USER_ERROR);

    final int exitStatus;

    Cause(int exitStatus) {
      this.exitStatus = exitStatus;
    }
  }

  /** How long a stopped command may take to clean up before the process is ended without it. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private final CancelToken token = new CancelToken();
  private final AtomicReference<Cause> cause = new AtomicReference<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final List<SignalTrap> traps = new ArrayList<>();
  private final PrintWriter err;
  private final String maxWall;
  private final boolean exitsAfter;
  private volatile Runnable eraseBar = () -> {};
  private volatile String during = "";
  private volatile String leaves = "no output written";

  private RunStop(PrintWriter err, String maxWall, boolean exitsAfter) {
    this.err = err;
    this.maxWall = maxWall;
    this.exitsAfter = exitsAfter;
  }

  /**
   * Starts watching: the signals (in a process that exits after the command), and the wall-time
   * limit from now.
   *
   * @param maxWall the {@code --max-wall} value as given, or null for none
   * @throws UserError if {@code maxWall} is not a positive wall time
   */
  static RunStop start(PrintWriter err, String maxWall) {
    long limitNs = maxWall == null ? -1 : FlagValues.wallDuration("--max-wall", maxWall);
    RunStop stop = new RunStop(err, maxWall, RunCommand.exitsAfterRun);
    if (stop.exitsAfter) {
      stop.catchSignal("INT", Cause.SIGINT);
      stop.catchSignal("TERM", Cause.SIGTERM);
    }
    if (limitNs > 0) {
      Thread timer = new Thread(() -> stop.stopAfter(limitNs), "dpcsim-max-wall");
      timer.setDaemon(true);
      timer.start();
    }
    return stop;
  }

  /**
   * @return the token the runs must heed
   */
  CancelToken token() {
    return token;
  }

  /** What to call to erase the progress bar when the process ends without the command. */
  void eraseWith(Runnable erase) {
    this.eraseBar = erase;
  }

  /** Which run of several is under way ({@code profile win10, 2 of 3}), for the line. */
  void during(String what) {
    this.during = what;
  }

  /** What a stop leaves behind, for the line (default {@code no output written}; "" for none). */
  void leaves(String what) {
    this.leaves = what;
  }

  /**
   * @return the stop as the failure the command ends with: the line and the exit status
   */
  RunFailure failure(RunCancelled e, long durationNs) {
    Cause c = cause.get();
    return new RunFailure(line(c, e.reachedNs(), durationNs), c == null ? 1 : c.exitStatus);
  }

  /** Stops as on SIGINT: for a terminal that takes Ctrl-C from the JVM (the debugger's). */
  void interrupt() {
    onSignal(Cause.SIGINT);
  }

  /** The command is over: the signals go back to the JVM's handling and no limit applies. */
  @Override
  public void close() {
    ended.countDown();
    traps.forEach(SignalTrap::close);
  }

  /**
   * @param reachedNs the simulated time reached, -1 if the run had not started, -2 if unknown
   */
  private String line(Cause c, long reachedNs, long durationNs) {
    StringBuilder b = new StringBuilder();
    if (c == Cause.MAX_WALL) {
      b.append("stopped after the wall-time limit ").append(maxWall).append(" (--max-wall)");
    } else if (c != null) {
      b.append("interrupted (").append(c).append(')');
    } else {
      b.append("cancelled");
    }
    if (reachedNs == -1) {
      b.append(" before the run started");
    } else if (reachedNs >= 0) {
      b.append(" at simulated ")
          .append(Units.duration(reachedNs))
          .append(" of ")
          .append(Units.duration(durationNs));
    }
    if (!during.isEmpty()) {
      b.append(" (").append(during).append(')');
    }
    if (!leaves.isEmpty()) {
      b.append("; ").append(leaves);
    }
    return b.toString();
  }

  private void catchSignal(String name, Cause c) {
    traps.add(new SignalTrap(name, () -> onSignal(c)));
  }

  /** On the JVM's thread for the signal: a first signal stops the run, a second ends it now. */
  private void onSignal(Cause c) {
    if (stop(c)) {
      awaitEnd();
    } else {
      abandon();
    }
  }

  private void stopAfter(long limitNs) {
    try {
      if (!ended.await(limitNs, TimeUnit.NANOSECONDS) && stop(Cause.MAX_WALL)) {
        awaitEnd();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * @return whether this was the first stop (the run is now being cancelled)
   */
  private boolean stop(Cause c) {
    if (!cause.compareAndSet(null, c)) {
      return false;
    }
    token.cancel();
    return true;
  }

  private void awaitEnd() {
    try {
      if (!ended.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        abandon();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the process without the command's clean-up, doing the part of it that matters. */
  private void abandon() {
    if (!exitsAfter || ended.getCount() == 0) {
      return; // a test's JVM is never halted; an ended command prints its own line
    }
    OutputFile.deleteOpenParts();
    eraseBar.run();
    err.println("dpcsim: " + line(cause.get(), -2, 0));
    err.flush();
    Runtime.getRuntime().halt(cause.get().exitStatus);
  }
}
