package dpcsim.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.breakpoint.Breakpoint;
import dpcsim.kernel.Profiles;
import dpcsim.kernel.debug.KdpcSnapshot;
import dpcsim.kernel.debug.PrcbDpcFields;
import dpcsim.kernel.debug.ProcessorSnapshot;
import dpcsim.kernel.layout.Arch;
import dpcsim.kernel.layout.KdpcLayout;
import dpcsim.scenario.Importance;
import dpcsim.scenario.Irql;
import dpcsim.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The renderers as pure functions of hand-made snapshots. */
@DisplayName("debugger views")
class DebugViewsTest {
  private static final PrcbDpcFields PRCB =
      new PrcbDpcFields(
          1, 7, 1, 2, 3, 3, 5, 6, 19, true, false, true, true, true, false, 0x12, 0x3, 0x40, 0, 0);

  private static KdpcSnapshot kdpc(int id, String name, Importance i, int number, boolean thr) {
    return new KdpcSnapshot(id, name, thr, thr ? 0x1a : 0x13, i, number, id + 1, 0, 0, 2, thr);
  }

  private static ProcessorSnapshot cpu2() {
    return new ProcessorSnapshot(
        2,
        Irql.DEVICE,
        false,
        false,
        List.of(kdpc(0, "a", Importance.MEDIUM_HIGH, 0, false)),
        List.of(kdpc(3, "t", Importance.LOW, 0x502, true)),
        PRCB);
  }

  @Test
  @DisplayName("!dpcs lists the normal then the threaded list, with importance and target")
  void dpcs() {
    assertEquals(
        List.of(
            DpcsView.HEADER,
            " 2: Normal  : 0xffffe00000100000 0xfffff80001000000 dpcsim!a  (MediumHighImportance,"
                + " untargeted)",
            " 2: Threaded: 0xffffe000001000c0 0xfffff80001000300 dpcsim!t  (LowImportance, target"
                + " 2)"),
        DpcsView.render(List.of(cpu2()), 0x500));
  }

  @Test
  @DisplayName("!irql names DIRQL for an ISR's level")
  void irql() {
    assertEquals(
        List.of("Debugger saved IRQL for processor 0x2 -- 5 (DIRQL)"), IrqlView.render(cpu2()));
  }

  @Test
  @DisplayName("!prcb prints the flags as 0/1 and the tick times in hex")
  void prcb() {
    List<String> out = PrcbView.render(cpu2());
    assertTrue(out.contains("DpcData[1] Threaded -- DpcQueueDepth 1  DpcCount 2"), out::toString);
    assertTrue(out.contains("DpcRoutineActive      1"), out::toString);
    assertTrue(out.contains("DpcInterruptRequested 0"), out::toString);
    assertEquals(
        "Times -- Dpc    00000012 Interrupt 00000003 Thread 00000040 (ticks)",
        out.get(out.size() - 1));
  }

  @Test
  @DisplayName("dt _KDPC on the 6.3 layout packs Type, Importance and Number in TargetInfoAsUlong")
  void dtModern() {
    KdpcLayout layout = KdpcLayout.of(Profiles.byName("win10").kdpcLayout(), Arch.X64);
    List<String> out = KdpcView.render(kdpc(3, "t", Importance.LOW, 0x502, true), layout);
    assertEquals("   +0x000 TargetInfoAsUlong : 0x502001a", out.get(1));
    assertEquals("   +0x002 Number           : 0x502", out.get(4));
    assertTrue(out.contains("   +0x038 DpcData          : 0xfffff800`020221a0"), out::toString);
  }

  @Test
  @DisplayName("the IPI ledger counts sends, services and what is still in flight")
  void ipiLedger() {
    IpiLedger l = new IpiLedger(3);
    l.accept(new TraceEvent.IpiSend(10, 0, 2, "DPC"));
    l.accept(new TraceEvent.IpiSend(10, 1, 2, "DPC"));
    l.accept(new TraceEvent.IpiReceive(20, 2, 1, "DPC"));
    l.accept(new TraceEvent.IpiReceive(20, 2, 0, "DPC"));
    l.accept(new TraceEvent.IpiSend(30, 0, 2, "DPC"));
    // Same instant: the higher sender wins whatever order they came in.
    assertEquals(new IpiLedger.State(1, 0, 2, 1, 20, -1), l.state(2));
    assertEquals(new IpiLedger.State(0, 2, 0, -1, -1, 2), l.state(0));
  }

  @Test
  @DisplayName("breakpoint spellings: ipi, watchdog, dpc:NAME, nothing else")
  void breakpoints() {
    assertEquals(new Breakpoint.OnDpc("rx"), Breakpoint.parse("dpc:rx").orElseThrow());
    assertEquals(new Breakpoint.OnIpi(), Breakpoint.parse("ipi").orElseThrow());
    assertTrue(Breakpoint.parse("dpc:").isEmpty());
    assertTrue(Breakpoint.parse("timer").isEmpty());
    assertTrue(
        new Breakpoint.OnDpc("rx").matches(new TraceEvent.DpcStart(1, 0, "rx", "DISPATCH", 0, 0)));
  }
}
