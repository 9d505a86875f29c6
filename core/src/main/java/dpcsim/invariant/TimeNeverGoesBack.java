package dpcsim.invariant;

/**
 * Events run in time order: each event's time is at least the previous event's, and no processor's
 * clock moves backwards. Keeps the last times seen, so use one instance per run.
 */
public final class TimeNeverGoesBack implements Invariant {
  private long lastEvent = Long.MIN_VALUE;
  private long[] clocks = new long[0];

  @Override
  public String name() {
    return "time never goes back";
  }

  @Override
  public void check(RunState state) {
    if (state.time() < lastEvent) {
      state.fail(
          this,
          state.eventCpu(),
          "event at " + state.time() + "ns after one at " + lastEvent + "ns");
    }
    lastEvent = state.time();
    if (clocks.length != state.cpus().size()) {
      clocks = new long[state.cpus().size()];
      java.util.Arrays.fill(clocks, Long.MIN_VALUE);
    }
    for (CpuState c : state.cpus()) {
      long now = c.now();
      if (now < clocks[c.cpu()]) {
        state.fail(this, c.cpu(), "clock went from " + clocks[c.cpu()] + "ns to " + now + "ns");
      }
      clocks[c.cpu()] = now;
    }
  }
}
