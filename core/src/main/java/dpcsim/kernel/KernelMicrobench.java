package dpcsim.kernel;

/**
 * The two kernel operations the JMH benchmarks (module {@code benchmarks}) time, and nothing more.
 * The kernel keeps its lists and KPRCB fields package-private so that no engine can break R-2
 * (DpcData set iff queued); these loops let a benchmark in its own package drive exactly the code a
 * run executes, with the list always well-formed.
 */
public final class KernelMicrobench {
  private KernelMicrobench() {}

  /**
   * A normal DPC list holding {@code depth} KDPCs, and one spare KDPC that each step inserts
   * and the retire loop's head removal takes out again.
   */
  public static final class QueueLoop {
    private final DpcQueue queue = new DpcQueue(0, DpcQueue.Kind.NORMAL);
    private Kdpc spare;

    /**
     * @param machine a machine with at least {@code depth + 1} KDPCs
     * @param depth how many KDPCs stay queued
     */
    public QueueLoop(Machine machine, int depth) {
      KdpcTable kdpcs = new KdpcTable(machine);
      for (int i = 0; i < depth; i++) {
        queue.insert(kdpcs.get(i), false);
      }
      spare = kdpcs.get(depth);
    }

    /**
     * A Medium/Low insertion at the tail, then the removal of the head.
     *
     * @return the KDPC removed, the next step's spare
     */
    public Kdpc insertTailRemoveHead() {
      queue.insert(spare, false);
      spare = queue.removeHead();
      return spare;
    }

    /**
     * A High insertion at the head, then the removal of the head.
     *
     * @return the KDPC removed, the next step's spare
     */
    public Kdpc insertHeadRemoveHead() {
      queue.insert(spare, true);
      spare = queue.removeHead();
      return spare;
    }

    /**
     * @return the list, for checks
     */
    public DpcQueue queue() {
      return queue;
    }
  }

  /** One KPRCB with an empty normal list and one with a queued DPC, ticked by the clock. */
  public static final class TickLoop {
    private final Kprcb idle;
    private final Kprcb queued;
    private final GlobalTunables globals;
    private final Profile profile;
    private long tick;

    /**
     * @param machine a machine with at least one KDPC
     */
    public TickLoop(Machine machine) {
      globals = machine.initialGlobals();
      profile = machine.profile();
      idle = new Kprcb(0, globals, machine.threadDpcEnable());
      queued = new Kprcb(0, globals, machine.threadDpcEnable());
      queued.normal.insert(new KdpcTable(machine).get(0), false);
    }

    /**
     * @return whether the tick on the empty list requests DISPATCH (R-26's path: it never does)
     */
    public boolean emptyQueue() {
      return ClockTick.apply(idle, globals, profile, ++tick);
    }

    /**
     * @return whether the tick on the queued DPC requests DISPATCH (R-25's path)
     */
    public boolean queuedDpc() {
      return ClockTick.apply(queued, globals, profile, ++tick);
    }
  }
}
