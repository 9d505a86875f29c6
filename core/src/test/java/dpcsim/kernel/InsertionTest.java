package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.scenario.Importance;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcStart;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * KeInsertQueueDpc: R-11..R-16 on one processor. First the rule called directly ({@link
 * Insertion}), then whole runs that show it in the trace.
 */
class InsertionTest {

  @Test
  @DisplayName("R-13: Insertion links High at the head, Low, Medium and MediumHigh at the tail")
  void placementByImportance() {
    Kprcb p = Fixtures.prcb(0);
    Kdpc low = Fixtures.dpc(1, Importance.LOW);
    Kdpc medium = Fixtures.dpc(2, Importance.MEDIUM);
    Kdpc mediumHigh = Fixtures.dpc(3, Importance.MEDIUM_HIGH);
    Kdpc high = Fixtures.dpc(4, Importance.HIGH);
    Kdpc high2 = Fixtures.dpc(5, Importance.HIGH);
    assertEquals(Insertion.Placement.TAIL, Insertion.insert(p, low, 0, 0));
    assertEquals(Insertion.Placement.TAIL, Insertion.insert(p, medium, 0, 0));
    assertEquals(Insertion.Placement.TAIL, Insertion.insert(p, mediumHigh, 0, 0));
    assertEquals(Insertion.Placement.HEAD, Insertion.insert(p, high, 0, 0));
    assertEquals(Insertion.Placement.HEAD, Insertion.insert(p, high2, 0, 0));
    assertEquals(List.of(high2, high, low, medium, mediumHigh), p.normal().entries());
    assertEquals(5, p.normal().depth());
    assertEquals(5, p.normal().count());
    assertSame(p.normal(), high.dpcData(), "R-2: DpcData names the queue");
  }

  @Test
  @DisplayName("R-12: Insertion of a queued KDPC is rejected and keeps the first arguments")
  void rejectedWhileQueued() {
    Kprcb p = Fixtures.prcb(0);
    Kprcb other = Fixtures.prcb(1);
    Kdpc x = Fixtures.dpc(1, Importance.MEDIUM);
    Insertion.insert(p, x, 1, 2);
    assertEquals(Insertion.Placement.REJECTED, Insertion.insert(p, x, 3, 4));
    assertEquals(Insertion.Placement.REJECTED, Insertion.insert(other, x, 5, 6), "queued anywhere");
    assertEquals(List.of(1L, 2L), List.of(x.systemArgument1(), x.systemArgument2()));
    assertEquals(1, p.normal().count(), "R-8: DpcCount counts successful insertions only");
    assertEquals(0, other.normal().depth());
  }

  @Test
  @DisplayName("R-11: a threaded KDPC goes to the threaded queue only while ThreadDpcEnable is set")
  void queueForThreaded() {
    Kdpc t = Fixtures.threadedDpc(1);
    Kprcb enabled = Fixtures.threadedPrcb(0);
    assertSame(enabled.threaded(), Insertion.queueFor(enabled, t));
    Kprcb disabled = Fixtures.prcb(0);
    assertSame(disabled.normal(), Insertion.queueFor(disabled, t));
    assertSame(enabled.normal(), Insertion.queueFor(enabled, Fixtures.dpc(2, Importance.LOW)));
  }

  private static final String FOUR_DPCS =
      """
      processors: 1
      duration: 1ms
      load: { cpus: { 0: 1.0 } }
      dpcs:
        lowA:  { importance: low,    routine: { duration: 1us } }
        medB:  { importance: medium, routine: { duration: 1us } }
        highC: { importance: high,   routine: { duration: 1us } }
        highD: { importance: high,   routine: { duration: 1us } }
      script:
        - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
        - { at: 1us, cpu: 0, do: insert, dpc: lowA }
        - { at: 2us, cpu: 0, do: insert, dpc: medB }
        - { at: 3us, cpu: 0, do: insert, dpc: highC }
        - { at: 4us, cpu: 0, do: insert, dpc: highD }
        - { at: 10us, cpu: 0, do: lowerIrql, level: PASSIVE }
      """;

  @Test
  @DisplayName("R-13: High goes to the head (LIFO among Highs), others to the tail")
  void importanceOrder() {
    Runs sim = Runs.of(FOUR_DPCS).run();
    List<DpcInsert> inserts = sim.events(DpcInsert.class);
    assertEquals(
        List.of("tail", "tail", "head", "head"), inserts.stream().map(DpcInsert::pos).toList());
    assertEquals(List.of(1, 2, 3, 4), inserts.stream().map(DpcInsert::depth).toList());
    // Low and Medium share the tail in insertion order: there is no "Medium before Low" (seeds/000
    // says so, the kernel does not).
    assertEquals(List.of("highD", "highC", "lowA", "medB"), sim.startOrder(0), sim.dump());
    // Nothing costs time between two DPCs of one pass: 1 us routines back to back from 10 us.
    assertEquals(
        List.of(10_000L, 11_000L, 12_000L, 13_000L),
        sim.events(DpcStart.class).stream().map(DpcStart::t).toList());
  }

  @Test
  @DisplayName("R-14/R-17: only the first insertion requests; DpcInterruptRequested gates the rest")
  void requestedFlagGates() {
    Runs sim = Runs.of(FOUR_DPCS).run();
    // lowA is Low, but DpcRequestRate (0) < MinimumDpcRate (3) makes it request.
    List<DpcInterruptRequest> requests = sim.events(DpcInterruptRequest.class);
    assertEquals(1, requests.size(), sim.dump());
    assertEquals(1_000, requests.get(0).t());
    assertEquals("local", requests.get(0).via());
    // after the pass both flags are clear again.
    assertFalse(sim.cpus[0].prcb().dpcInterruptRequested());
    assertFalse(sim.cpus[0].prcb().dpcRoutineActive());
  }

  @Test
  @DisplayName("R-12: a second insert while queued returns FALSE and keeps the first arguments")
  void doubleInsert() {
    Runs sim =
        Runs.of(
                """
                processors: 1
                duration: 100us
                load: { cpus: { 0: 1.0 } }
                dpcs:
                  x: { routine: { duration: 1us } }
                script:
                  - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
                  - { at: 1us, cpu: 0, do: insert, dpc: x, args: [1, 2] }
                  - { at: 2us, cpu: 0, do: insert, dpc: x, args: [3, 0xffffffffffffffff] }
                  - { at: 5us, cpu: 0, do: lowerIrql, level: PASSIVE }
                  - { at: 20us, cpu: 0, do: insert, dpc: x, args: [5, 6] }
                """)
            .run();
    List<DpcInsert> inserts = sim.events(DpcInsert.class);
    assertEquals(List.of(true, false, true), inserts.stream().map(DpcInsert::ok).toList());
    List<DpcStart> starts = sim.events(DpcStart.class);
    assertEquals(2, starts.size());
    assertEquals(1, starts.get(0).arg1());
    assertEquals(2, starts.get(0).arg2());
    assertEquals(5, starts.get(1).arg1());
    // DpcCount counts successful insertions only.
    assertEquals(2, sim.cpus[0].prcb().normal().count());
  }

  /** Nine Medium inserts before the first tick build DpcRequestRate to 4. */
  private static final String WARM =
      """
      processors: 1
      duration: 1ms
      clock: { tick: 100us }
      load: { cpus: { 0: 1.0 } }
      dpcs:
        med: { importance: medium, routine: { duration: 100ns } }
        l1: { importance: low, routine: { duration: 1us } }
        l2: { importance: low, routine: { duration: 1us } }
        l3: { importance: low, routine: { duration: 1us } }
        l4: { importance: low, routine: { duration: 1us } }
      script:
        - { at: 10us, cpu: 0, do: insert, dpc: med }
        - { at: 20us, cpu: 0, do: insert, dpc: med }
        - { at: 30us, cpu: 0, do: insert, dpc: med }
        - { at: 40us, cpu: 0, do: insert, dpc: med }
        - { at: 50us, cpu: 0, do: insert, dpc: med }
        - { at: 60us, cpu: 0, do: insert, dpc: med }
        - { at: 70us, cpu: 0, do: insert, dpc: med }
        - { at: 80us, cpu: 0, do: insert, dpc: med }
        - { at: 90us, cpu: 0, do: insert, dpc: med }
      """;

  @Test
  @DisplayName("R-14 local: a Low DPC with DpcRequestRate >= MinimumDpcRate waits for the tick")
  void localLowDeferredByRate() {
    Runs sim = Runs.of(WARM + "  - { at: 150us, cpu: 0, do: insert, dpc: l1 }\n").run();
    assertEquals(4, requestRateAfterFirstTick(sim));
    assertTrue(
        sim.events(DpcInterruptRequest.class, e -> e.t() == 150_000).isEmpty(),
        "the Low insert must not request: " + sim.dump());
    // the tick at 200us finds it queued and requests the DISPATCH interrupt.
    List<DpcInterruptRequest> tick = sim.events(DpcInterruptRequest.class, e -> e.t() == 200_000);
    assertEquals(1, tick.size(), sim.dump());
    assertEquals("tick", tick.get(0).via());
    assertEquals(200_000, sim.events(DpcStart.class, e -> e.dpc().equals("l1")).get(0).t());
  }

  @Test
  @DisplayName("R-14/R-16 local: the insertion that brings the depth to the maximum (4) requests")
  void localLowDeferredByDepth() {
    Runs sim =
        Runs.of(
                WARM
                    + """
                      - { at: 150us, cpu: 0, do: insert, dpc: l1 }
                      - { at: 151us, cpu: 0, do: insert, dpc: l2 }
                      - { at: 152us, cpu: 0, do: insert, dpc: l3 }
                      - { at: 153us, cpu: 0, do: insert, dpc: l4 }
                    """)
            .run();
    List<DpcInterruptRequest> requests =
        sim.events(DpcInterruptRequest.class, e -> e.t() >= 150_000);
    assertEquals(153_000, requests.get(0).t(), sim.dump());
    assertEquals("local", requests.get(0).via());
    assertEquals(List.of(153_000L, 154_000L, 155_000L, 156_000L), startTimes(sim, "l"));
  }

  @Test
  @DisplayName(
      "R-22: removing a queued DPC unlinks it (depth down, DpcCount kept) and it never runs")
  void localRemove() {
    Runs sim =
        Runs.of(
            """
            processors: 1
            duration: 100us
            load: { cpus: { 0: 1.0 } }
            dpcs:
              x: { routine: { duration: 1us } }
              y: { routine: { duration: 1us } }
            script:
              - { at: 0us, cpu: 0, do: raiseIrql, level: DISPATCH }
              - { at: 1us, cpu: 0, do: insert, dpc: x }
              - { at: 2us, cpu: 0, do: insert, dpc: y }
              - { at: 3us, cpu: 0, do: remove, dpc: x }
              - { at: 4us, cpu: 0, do: remove, dpc: x }
              - { at: 10us, cpu: 0, do: lowerIrql, level: PASSIVE }
            """);
    sim.runUntil(3_000);
    assertEquals(1, sim.cpus[0].prcb().normal().depth());
    assertEquals(2, sim.cpus[0].prcb().normal().count(), "DpcCount is never decremented");
    assertFalse(sim.dpc("x").inserted(), "DpcData is null again");
    sim.run();
    List<dpcsim.trace.TraceEvent.DpcRemove> removes =
        sim.events(dpcsim.trace.TraceEvent.DpcRemove.class);
    assertEquals(List.of(true, false), removes.stream().map(r -> r.ok()).toList());
    assertEquals(List.of("y"), sim.startOrder(0), "x never runs");
  }

  @Test
  @DisplayName("R-11: a threaded DPC goes to the normal list when ThreadDpcEnable is clear")
  void threadedFallsBackToNormalList() {
    String yaml =
        """
        profile: %s
        processors: 1
        duration: 100us
        %s
        dpcs:
          t: { threaded: true, routine: { duration: 1us } }
        script:
          - { at: 1us, cpu: 0, do: insert, dpc: t }
        """;
    Runs win10 = Runs.of(yaml.formatted("win10", "")).run();
    assertEquals("threaded", win10.events(DpcInsert.class).get(0).list());
    assertEquals("PASSIVE", win10.events(DpcStart.class).get(0).irql());
    Runs win10Off = Runs.of(yaml.formatted("win10", "threadedDpcs: false")).run();
    assertEquals("normal", win10Off.events(DpcInsert.class).get(0).list());
    assertEquals("DISPATCH", win10Off.events(DpcStart.class).get(0).irql());
    Runs ws03 = Runs.of(yaml.formatted("ws03", "")).run(); // disabled by default in ws03
    assertEquals("normal", ws03.events(DpcInsert.class).get(0).list());
    Runs reactos = Runs.of(yaml.formatted("reactos", "threadedDpcs: true")).run(); // unsupported
    assertEquals("normal", reactos.events(DpcInsert.class).get(0).list());
    assertEquals("DISPATCH", reactos.events(DpcStart.class).get(0).irql());
  }

  private static long requestRateAfterFirstTick(Runs sim) {
    Runs probe = Runs.of(WARM);
    probe.runUntil(100_000);
    return probe.cpus[0].prcb().dpcRequestRate();
  }

  private static List<Long> startTimes(Runs sim, String prefix) {
    return sim.events(DpcStart.class, e -> e.dpc().startsWith(prefix)).stream()
        .map(DpcStart::t)
        .toList();
  }
}
