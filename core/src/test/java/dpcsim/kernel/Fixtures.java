package dpcsim.kernel;

import dpcsim.scenario.Importance;

/** Kernel objects for direct rule tests: a KPRCB with the default globals, KDPCs, queued work. */
final class Fixtures {
  private Fixtures() {}

  /**
   * @return the default R-10 globals: 4, 3, 20, 20
   */
  static GlobalTunables globals() {
    return new GlobalTunables(4, 3, 20, 20);
  }

  /**
   * @return processor {@code cpu}'s KPRCB as it starts, ThreadDpcEnable clear
   */
  static Kprcb prcb(int cpu) {
    return new Kprcb(cpu, globals(), false);
  }

  /**
   * @return processor {@code cpu}'s KPRCB as it starts, ThreadDpcEnable set
   */
  static Kprcb threadedPrcb(int cpu) {
    return new Kprcb(cpu, globals(), true);
  }

  /**
   * @return a fresh normal KDPC of {@code importance}, untargeted
   */
  static Kdpc dpc(int id, Importance importance) {
    Kdpc d = new Kdpc(id, "d" + id, false, 0x13, null, id + 1);
    d.importance = importance;
    return d;
  }

  /**
   * @return a fresh threaded KDPC (Medium), untargeted
   */
  static Kdpc threadedDpc(int id) {
    return new Kdpc(id, "t" + id, true, 0x18, null, id + 1);
  }

  /** Links {@code n} Medium KDPCs at the tail of {@code queue}, numbered from 100. */
  static void fill(DpcQueue queue, int n) {
    for (int i = 0; i < n; i++) {
      queue.insert(dpc(100 + i, Importance.MEDIUM), false);
    }
  }
}
