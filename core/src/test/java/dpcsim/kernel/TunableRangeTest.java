package dpcsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.Runs;
import dpcsim.scenario.Importance;
import dpcsim.trace.TraceEvent.DpcInsert;
import dpcsim.trace.TraceEvent.DpcInterruptRequest;
import dpcsim.trace.TraceEvent.DpcStart;
import dpcsim.trace.TraceEvent.IpiSend;
import dpcsim.trace.TraceEvent.Tick;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every R-10 tunable over the kernel's own range (R-10a): each 0 has the effect the kernel's ULONG
 * arithmetic gives it, under every profile, and {@code setTunable} reaches the processors' copies
 * only where the profile's kernel rewrites them.
 */
class TunableRangeTest {
  private static final long ULONG_MAX = 0xFFFF_FFFFL;

  /**
   * One busy processor (an idle one would poll its queue, R-30); its thread inserts a Low DPC on
   * its own processor at 1 ms.
   */
  private static final String LOCAL_LOW =
      """
      profile: %s
      processors: 1
      duration: 20ms
      load: { cpus: { 0: 1.0 } }
      %s
      dpcs:
        low: { importance: low, routine: { duration: 5us } }
      script:
        - { at: 1ms, cpu: 0, do: insert, dpc: low }
      """;

  /** CPU 1 always busy; a timer on CPU 0 queues a Low DPC on CPU 1 every 10 ms. */
  private static final String REMOTE_LOW =
      """
      profile: %s
      processors: 2
      duration: 80ms
      load: { cpus: { 1: 1.0 } }
      %s
      dpcs:
        lowRemote: { importance: low, target: 1, routine: { duration: 5us } }
      devices:
        timer: { interrupts: { periodic: 10ms }, cpus: [0], isr: { duration: 1us, then: [ { insert: lowRemote } ] } }
      """;

  /** Two idle processors and nothing to do: only the clock ticks. */
  private static final String IDLE =
      """
      profile: %s
      processors: 2
      duration: 100ms
      %s
      """;

  private static Runs run(String template, String profile, String extra) {
    return Runs.of(template.formatted(profile, extra)).run();
  }

  private static List<Long> maxDepths(Runs sim, int cpu) {
    return sim.events(Tick.class, t -> t.cpu() == cpu).stream().map(Tick::maxDepth).toList();
  }

  private static List<Long> thresholds(Runs sim, int cpu) {
    return sim.events(Tick.class, t -> t.cpu() == cpu).stream().map(Tick::threshold).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a: minimumDpcRate 0 turns the low-rate trigger off (rate < 0 never holds)")
  void minimumDpcRateZero(String profile) {
    Runs byDefault = run(LOCAL_LOW, profile, "");
    DpcInterruptRequest asked = byDefault.events(DpcInterruptRequest.class).get(0);
    assertEquals(1_000_000, asked.t(), "rate 0 < 3: the Low insert requests at once (R-14)");
    assertEquals("local", asked.via());
    assertEquals(1_000_000, byDefault.events(DpcStart.class).get(0).t());

    Runs off = run(LOCAL_LOW, profile, "tunables: { minimumDpcRate: 0 }");
    List<DpcInterruptRequest> requests = off.events(DpcInterruptRequest.class);
    assertEquals(1, requests.size(), off.dump());
    assertEquals("tick", requests.get(0).via(), "only the clock tick drains it (R-25)");
    long tick = off.events(Tick.class).get(0).t();
    assertEquals(tick, requests.get(0).t());
    assertEquals(tick, off.events(DpcStart.class).get(0).t(), "the Low DPC waited for the tick");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a: idealDpcRate 0 means the tick never lowers MaximumDpcQueueDepth")
  void idealDpcRateZero(String profile) {
    Runs byDefault = run(REMOTE_LOW, profile, "");
    assertTrue(
        maxDepths(byDefault, 1).stream().anyMatch(d -> d < 4),
        "with the default 20 the stuck queue shrinks the maximum: " + maxDepths(byDefault, 1));

    Runs never = run(REMOTE_LOW, profile, "tunables: { idealDpcRate: 0 }");
    assertEquals(List.of(4L, 4L, 4L, 4L, 4L), maxDepths(never, 1), never.dump());
    assertFalse(
        never.events(DpcInterruptRequest.class, r -> r.via().equals("tick")).isEmpty(),
        "the tick still requests the DISPATCH interrupt that drains the queue (R-25)");
    assertTrue(never.events(IpiSend.class).isEmpty(), "depth 1 never reaches the maximum 4");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a: adjustDpcThreshold 0 makes the countdown wrap: the maximum never grows back")
  void adjustDpcThresholdZero(String profile) {
    String raise = "script: [ { at: 0us, do: setTunable, name: maximumDpcQueueDepth, value: 8 } ]";
    boolean rewrites = profile.equals("win10");

    Runs everyTick = run(IDLE, profile, "tunables: { adjustDpcThreshold: 1 }\n" + raise);
    assertEquals(
        rewrites ? List.of(8L, 8L, 8L, 8L, 8L, 8L) : List.of(5L, 6L, 7L, 8L, 8L, 8L),
        maxDepths(everyTick, 0),
        "threshold 1 expires at every idle tick and steps the copy toward the new global (R-26)");

    Runs wraps = run(IDLE, profile, "tunables: { adjustDpcThreshold: 0 }\n" + raise);
    assertEquals(
        List.of(
            ULONG_MAX, ULONG_MAX - 1, ULONG_MAX - 2, ULONG_MAX - 3, ULONG_MAX - 4, ULONG_MAX - 5),
        thresholds(wraps, 0),
        "0 - 1 wraps to 0xFFFFFFFF and counts down from there");
    long expected = rewrites ? 8 : 4;
    assertEquals(
        List.of(expected, expected, expected, expected, expected, expected), maxDepths(wraps, 0));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a: maximumDpcQueueDepth 0: every insertion meets the depth condition")
  void maximumDpcQueueDepthZero(String profile) {
    Runs byDefault = run(REMOTE_LOW, profile, "");
    long first = byDefault.events(DpcInsert.class).get(0).t();
    assertTrue(
        byDefault.events(IpiSend.class, i -> i.t() == first).isEmpty(),
        "by default depth 1 < 4: the first remote Low insert sends no IPI");

    Runs zero = run(REMOTE_LOW, profile, "tunables: { maximumDpcQueueDepth: 0 }");
    List<DpcInsert> inserts = zero.events(DpcInsert.class);
    List<IpiSend> ipis = zero.events(IpiSend.class);
    assertEquals(7, inserts.size(), zero.dump());
    assertEquals(
        inserts.stream().map(DpcInsert::t).toList(),
        ipis.stream().map(IpiSend::t).toList(),
        "depth 1 >= 0: each remote Low insert into the busy CPU sends an IPI (R-14, R-16)");
    assertEquals(
        ipis.stream().map(i -> i.t() + 2_000).toList(),
        zero.events(DpcStart.class).stream().map(DpcStart::t).toList(),
        "each runs when its IPI lands");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a/R-25: a maximum of 0 is decremented to 0xFFFFFFFF under != 1, kept under > 1")
  void maximumDepthWrapsUnderNotEqualOne(String profile) {
    Profile p = Profiles.byName(profile);
    GlobalTunables g = new GlobalTunables(0, 3, 20, 20);
    Kprcb prcb = new Kprcb(0, g, false);
    Kdpc d = new Kdpc(0, "d", false, 0x13, null, 1);
    d.importance = Importance.LOW;
    prcb.normal.insert(d, false);
    assertTrue(ClockTick.apply(prcb, g, p, 1), "a stuck queue requests (R-25)");
    boolean notEqualOne = profile.equals("ws03") || profile.equals("textbook");
    assertEquals(notEqualOne ? ULONG_MAX : 0L, prcb.maximumDpcQueueDepth());
    // R-26 under != max then walks a wrapped maximum on to 0 (0xFFFFFFFF + 1 wraps).
    prcb.normal.unlink(d);
    prcb.adjustDpcThreshold = 1;
    GlobalTunables one = new GlobalTunables(0, 3, 1, 20);
    ClockTick.apply(prcb, one, p, 2);
    assertEquals(0L, prcb.maximumDpcQueueDepth());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ws03", "win10", "reactos", "textbook"})
  @DisplayName("R-10a: with a maximum of 0xFFFFFFFF no insertion meets the depth condition")
  void maximumDepthAtUlongMax(String profile) {
    Runs sim = run(REMOTE_LOW, profile, "tunables: { maximumDpcQueueDepth: 0xFFFFFFFF }");
    assertTrue(sim.events(IpiSend.class).isEmpty(), sim.dump());
    assertEquals(ULONG_MAX, maxDepths(sim, 0).get(0), "an idle CPU's copy stays at the global");
  }

  @Test
  @DisplayName("R-10: setTunable rewrites the processors' copies under win10 only")
  void setTunableScopeDiffersByProfile() {
    String script =
        """
        profile: %s
        processors: 2
        duration: 5ms
        load: { cpus: { 1: 1.0 } }
        dpcs:
          lowRemote: { importance: low, target: 1, routine: { duration: 5us } }
          lowLocal: { importance: low, routine: { duration: 5us } }
        script:
          - { at: 0us, do: setTunable, name: maximumDpcQueueDepth, value: 1 }
          - { at: 0us, do: setTunable, name: minimumDpcRate, value: 0 }
          - { at: 1ms, cpu: 0, do: insert, dpc: lowRemote }
          - { at: 2ms, cpu: 0, do: insert, dpc: lowLocal }
        """;
    Runs ws03 = Runs.of(script.formatted("ws03")).run();
    Runs win10 = Runs.of(script.formatted("win10")).run();

    // ws03: CPU 1 keeps its copy 4, so depth 1 sends no IPI; CPU 0 keeps MinimumDpcRate 3, so
    // the rate trigger (0 < 3) still requests for the local Low insert.
    assertTrue(ws03.events(IpiSend.class).isEmpty(), ws03.dump());
    assertEquals(4L, ws03.cpus[1].prcb().maximumDpcQueueDepth());
    assertEquals(3L, ws03.cpus[0].prcb().minimumDpcRate());
    assertEquals(1, ws03.events(DpcInterruptRequest.class, r -> r.cpu() == 0).size());

    // win10: both copies were rewritten, so depth 1 >= 1 sends the IPI at once.
    assertEquals(1L, win10.cpus[1].prcb().maximumDpcQueueDepth());
    assertEquals(0L, win10.cpus[0].prcb().minimumDpcRate());
    assertEquals(
        List.of(1_000_200L), win10.events(IpiSend.class).stream().map(IpiSend::t).toList());
    assertNotEquals(ws03.trace, win10.trace, "the same script, two different traces");
  }

  @Test
  @DisplayName("R-10: under ws03 a lowered global minimum rate never reaches running processors")
  void lowerMinimumRateWs03VersusWin10() {
    String script =
        """
        profile: %s
        processors: 1
        duration: 20ms
        load: { cpus: { 0: 1.0 } }
        dpcs:
          low: { importance: low, routine: { duration: 5us } }
        script:
          - { at: 0us, do: setTunable, name: minimumDpcRate, value: 0 }
          - { at: 1ms, cpu: 0, do: insert, dpc: low }
        """;
    Runs ws03 = Runs.of(script.formatted("ws03")).run();
    Runs win10 = Runs.of(script.formatted("win10")).run();
    assertEquals(1_000_000L, ws03.events(DpcStart.class).get(0).t(), "copy 3: 0 < 3 requests");
    assertTrue(win10.events(DpcInterruptRequest.class, r -> r.via().equals("local")).isEmpty());
    assertTrue(
        win10.events(DpcStart.class).get(0).t() > 1_000_000L, "copy 0: it waits for the tick");
  }
}
