package dpcsim.invariant;

import dpcsim.kernel.Kdpc;
import java.util.List;

/**
 * A run's state as the invariants see it after one event: every processor, every KDPC, and which
 * event was just processed (time, processor, kind), so that a violation can say where it happened.
 */
public final class RunState {
  private final List<CpuState> cpus;
  private final List<Kdpc> kdpcs;
  private long time;
  private int eventCpu;
  private String event = "";

  /**
   * @param cpus the processors, indexed by number
   * @param kdpcs every KDPC of the run, indexed by id
   */
  public RunState(List<CpuState> cpus, List<Kdpc> kdpcs) {
    this.cpus = List.copyOf(cpus);
    this.kdpcs = List.copyOf(kdpcs);
  }

  /** Records the event just processed: at {@code time} on {@code cpu}, of kind {@code event}. */
  public RunState after(long time, int cpu, String event) {
    this.time = time;
    this.eventCpu = cpu;
    this.event = event;
    return this;
  }

  public List<CpuState> cpus() {
    return cpus;
  }

  public List<Kdpc> kdpcs() {
    return kdpcs;
  }

  /**
   * @return the simulated time of the event just processed
   */
  public long time() {
    return time;
  }

  /**
   * @return the processor that processed the event
   */
  public int eventCpu() {
    return eventCpu;
  }

  /**
   * @return the kind of the event just processed (e.g. "device", "milestone")
   */
  public String event() {
    return event;
  }

  /**
   * Reports that {@code invariant} does not hold on processor {@code cpu}.
   *
   * @throws InvariantViolation always
   */
  public void fail(Invariant invariant, int cpu, String detail) {
    throw new InvariantViolation(invariant.name(), cpu, time, eventCpu, event, detail);
  }
}
