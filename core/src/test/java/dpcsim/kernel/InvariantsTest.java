package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.invariant.AtMostOneQueue;
import dpcsim.invariant.CpuState;
import dpcsim.invariant.DepthMatchesList;
import dpcsim.invariant.DpcDataIffQueued;
import dpcsim.invariant.Invariant;
import dpcsim.invariant.InvariantViolation;
import dpcsim.invariant.IrqlOrdering;
import dpcsim.invariant.RunState;
import dpcsim.invariant.TimeNeverGoesBack;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Irql;
import dpcsim.scenario.Op;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each invariant holds on a sound state and fails, naming itself, on a deliberately broken one. */
class InvariantsTest {
  private record Cpu(
      int cpu,
      Kprcb prcb,
      long now,
      Irql irql,
      RunningWork isr,
      RunningWork dpcRoutine,
      RunningWork threadedRoutine)
      implements CpuState {
    Cpu(int cpu, Kprcb prcb) {
      this(cpu, prcb, 0, Irql.PASSIVE, null, null, null);
    }

    @Override
    public DpcQueue normal() {
      return prcb.normal();
    }

    @Override
    public DpcQueue threaded() {
      return prcb.threaded();
    }
  }

  private record Work(boolean running) implements RunningWork {
    @Override
    public long duration() {
      return 10;
    }

    @Override
    public long progress(long now) {
      return 0;
    }

    @Override
    public long nextStepAt(Predicate<Op> test) {
      return Long.MAX_VALUE;
    }
  }

  private static RunState state(List<Kdpc> kdpcs, CpuState... cpus) {
    return new RunState(List.of(cpus), kdpcs).after(1_000, 0, "device");
  }

  private static InvariantViolation fails(Invariant invariant, RunState state) {
    InvariantViolation v = assertThrows(InvariantViolation.class, () -> invariant.check(state));
    assertEquals(invariant.name(), v.invariant());
    assertTrue(v.getMessage().contains(invariant.name()), v.getMessage());
    assertTrue(v.getMessage().contains("after event device"), v.getMessage());
    return v;
  }

  @Test
  @DisplayName("a sound state passes every invariant")
  void soundStatePasses() {
    Kprcb p0 = Fixtures.prcb(0);
    Kdpc d = Fixtures.dpc(0, Importance.MEDIUM);
    p0.normal().insert(d, false);
    RunState s = state(List.of(d), new Cpu(0, p0));
    for (Invariant i : dpcsim.invariant.Invariants.all()) {
      assertDoesNotThrow(() -> i.check(s), i.name());
    }
  }

  @Test
  @DisplayName("a KDPC is in at most one queue: fails for one linked on two processors")
  void twoQueues() {
    Kprcb p0 = Fixtures.prcb(0);
    Kprcb p1 = Fixtures.prcb(1);
    Kdpc d = Fixtures.dpc(0, Importance.MEDIUM);
    p0.normal().insert(d, false);
    Kdpc other = Fixtures.dpc(1, Importance.MEDIUM);
    p1.normal().insert(other, false);
    p1.normal().insert(d, false); // d is now in both lists
    InvariantViolation v =
        fails(new AtMostOneQueue(), state(List.of(d, other), new Cpu(0, p0), new Cpu(1, p1)));
    assertEquals(1, v.cpu());
    assertEquals(1_000, v.timeNs());
  }

  @Test
  @DisplayName("DpcData set iff queued: fails for DpcData naming a queue the KDPC is not in")
  void dpcDataWithoutQueue() {
    Kprcb p0 = Fixtures.prcb(0);
    Kdpc d = Fixtures.dpc(0, Importance.MEDIUM);
    d.dpcData = p0.normal();
    fails(new DpcDataIffQueued(), state(List.of(d), new Cpu(0, p0)));
  }

  @Test
  @DisplayName("DpcData set iff queued: fails for a queued KDPC whose DpcData names another list")
  void dpcDataOtherQueue() {
    Kprcb p0 = Fixtures.threadedPrcb(0);
    Kdpc d = Fixtures.dpc(0, Importance.MEDIUM);
    p0.normal().insert(d, false);
    d.dpcData = p0.threaded();
    fails(new DpcDataIffQueued(), state(List.of(d), new Cpu(0, p0)));
  }

  @Test
  @DisplayName("depth = list length: fails for the normal list when the depth is off")
  void normalDepth() {
    Kprcb p0 = Fixtures.prcb(0);
    Fixtures.fill(p0.normal(), 2);
    p0.normal()
        .unlink(Fixtures.dpc(7, Importance.MEDIUM)); // never linked: depth drops, list empties
    Invariant i = new DepthMatchesList(DpcQueue.Kind.NORMAL);
    fails(i, state(List.of(), new Cpu(0, p0)));
    assertDoesNotThrow(
        () -> new DepthMatchesList(DpcQueue.Kind.THREADED).check(state(List.of(), new Cpu(0, p0))));
  }

  @Test
  @DisplayName("depth = list length: fails for the threaded list when the depth is off")
  void threadedDepth() {
    Kprcb p0 = Fixtures.threadedPrcb(0);
    p0.threaded().insert(Fixtures.threadedDpc(100), false);
    p0.threaded().insert(Fixtures.threadedDpc(101), false);
    p0.threaded().unlink(Fixtures.threadedDpc(102)); // never linked: depth 1, list empty
    fails(new DepthMatchesList(DpcQueue.Kind.THREADED), state(List.of(), new Cpu(0, p0)));
  }

  @Test
  @DisplayName("time never goes back: fails for an event earlier than the one before")
  void eventTimeGoesBack() {
    TimeNeverGoesBack i = new TimeNeverGoesBack();
    Kprcb p0 = Fixtures.prcb(0);
    RunState s = new RunState(List.of(new Cpu(0, p0)), List.of());
    i.check(s.after(5_000, 0, "tick"));
    s.after(3_000, 0, "device");
    InvariantViolation v = assertThrows(InvariantViolation.class, () -> i.check(s));
    assertEquals("time never goes back", v.invariant());
  }

  @Test
  @DisplayName("time never goes back: fails for a processor clock that moves backwards")
  void clockGoesBack() {
    TimeNeverGoesBack i = new TimeNeverGoesBack();
    Kprcb p0 = Fixtures.prcb(0);
    i.check(
        new RunState(List.of(new Cpu(0, p0, 5_000, Irql.PASSIVE, null, null, null)), List.of())
            .after(5_000, 0, "tick"));
    RunState later =
        new RunState(List.of(new Cpu(0, p0, 4_000, Irql.PASSIVE, null, null, null)), List.of())
            .after(6_000, 0, "device");
    fails(i, later);
  }

  @Test
  @DisplayName("IRQL ordering: fails for an ISR below DIRQL")
  void isrBelowDevice() {
    Cpu c = new Cpu(0, Fixtures.prcb(0), 0, Irql.DISPATCH, new Work(true), null, null);
    fails(new IrqlOrdering(), state(List.of(), c));
  }

  @Test
  @DisplayName("IRQL ordering: fails for a DPC routine below DISPATCH_LEVEL")
  void dpcRoutineAtPassive() {
    Cpu c = new Cpu(0, Fixtures.prcb(0), 0, Irql.PASSIVE, null, new Work(true), null);
    fails(new IrqlOrdering(), state(List.of(), c));
  }

  @Test
  @DisplayName("IRQL ordering: fails for two pieces of work progressing at once")
  void twoRunning() {
    Cpu c = new Cpu(0, Fixtures.prcb(0), 0, Irql.DEVICE, new Work(true), new Work(true), null);
    fails(new IrqlOrdering(), state(List.of(), c));
    Cpu ok = new Cpu(0, Fixtures.prcb(0), 0, Irql.DEVICE, new Work(true), new Work(false), null);
    assertDoesNotThrow(() -> new IrqlOrdering().check(state(List.of(), ok)));
  }
}
