package dpcsim.engine;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.scenario.Scenario;
import dpcsim.stats.CpuStats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sequential engine on every example scenario: the same scenario and seed give the same trace,
 * another seed a different one where the scenario draws random numbers, the reported hash is the
 * hash of the written trace, and the statistics agree with the trace and with each other. Scenarios
 * with devices or thread load are cut to 100 ms (40 ms above 16 processors) so the whole class
 * takes a few seconds.
 */
@DisplayName("SequentialEngine: determinism and consistent statistics")
class DeterminismTest {

  private static final Pattern LINE =
      Pattern.compile("\\{\"t\":(\\d+),\"cpu\":(\\d+),\"ev\":\"(\\w+)\"(.*)\\}");

  static Stream<Path> scenarios() {
    return ExampleScenarios.files().stream();
  }

  static Scenario shortened(Path file) {
    return ExampleScenarios.shortened(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("two runs of the same scenario and seed give the same trace hash")
  void sameSeedSameHash(Path file) {
    Scenario s = shortened(file);
    RunResult a = SequentialEngine.run(s, null, false);
    RunResult b = SequentialEngine.run(s, null, false);
    assertEquals(a.traceSha256(), b.traceSha256());
    assertEquals(a.events(), b.events());
    assertEquals(a.stats(), b.stats());
    assertEquals(a.processedEvents(), b.processedEvents());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("another seed changes the hash exactly when the scenario draws random numbers")
  void otherSeedOtherHash(Path file) {
    Scenario s = shortened(file);
    RunResult a = SequentialEngine.run(s, null, false);
    RunResult b = SequentialEngine.run(s.withSeed(s.seed() + 1), null, false);
    if (ExampleScenarios.hasRandomness(s)) {
      assertNotEquals(a.traceSha256(), b.traceSha256());
    } else {
      assertEquals(a.traceSha256(), b.traceSha256(), "nothing random: the seed cannot matter");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("the hash is the SHA-256 of the trace written, with or without ticks")
  void hashOfWrittenTrace(Path file) {
    Scenario s = shortened(file);
    RunResult hashed = SequentialEngine.run(s, null, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunResult written = SequentialEngine.run(s, out, false);
    byte[] bytes = out.toByteArray();
    assertEquals(hashed.traceSha256(), written.traceSha256());
    assertEquals(ExampleScenarios.sha256(bytes), written.traceSha256());
    assertEquals(written.events(), new String(bytes, StandardCharsets.UTF_8).lines().count());

    ByteArrayOutputStream withTicks = new ByteArrayOutputStream();
    RunResult ticked = SequentialEngine.run(s, withTicks, true);
    assertEquals(ExampleScenarios.sha256(withTicks.toByteArray()), ticked.traceSha256());
    assertEquals(hashed.stats(), ticked.stats(), "ticks do not change the statistics");
    long ticksPerCpu = s.durationNs() / s.tickNs();
    if (ticksPerCpu > 0) {
      assertNotEquals(hashed.traceSha256(), ticked.traceSha256());
    }
    assertTrue(ticked.events() >= written.events(), "ticks only add lines");
  }

  /** Per-processor figures recomputed from the trace lines. */
  private static final class Counted {
    long inserted;
    long started;
    long removed;
    long interrupts;
    long ipisSent;
    long ipisReceived;
    long watchdog;
    int maxDepth;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("the statistics are consistent with each other and with the trace")
  void consistentStatistics(Path file) {
    Scenario s = shortened(file);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunResult r = SequentialEngine.run(s, out, false);
    int n = s.processors();
    int dpcs = s.dpcs().size();
    assertEquals(n, r.cpus().size());
    if (!r.stoppedByWatchdog()) {
      assertEquals(s.durationNs(), r.simulatedNs());
    }

    List<Counted> counted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      counted.add(new Counted());
    }
    long lastT = -1;
    int lastCpu = -1;
    for (String line : new String(out.toByteArray(), StandardCharsets.UTF_8).split("\n")) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), line);
      long t = Long.parseLong(m.group(1));
      int cpu = Integer.parseInt(m.group(2));
      String rest = m.group(4);
      assertTrue(t <= r.simulatedNs(), () -> "event after the end: " + line);
      assertTrue(t > lastT || (t == lastT && cpu >= lastCpu), () -> "out of order: " + line);
      lastT = t;
      lastCpu = cpu;
      Counted c = counted.get(cpu);
      switch (m.group(3)) {
        case "DpcInsert" -> {
          if (rest.contains("\"ok\":true")) {
            c.inserted++;
            Matcher d = Pattern.compile("\"depth\":(\\d+)").matcher(rest);
            assertTrue(d.find(), line);
            c.maxDepth = Math.max(c.maxDepth, Integer.parseInt(d.group(1)));
          }
        }
        case "DpcStart" -> c.started++;
        case "DpcRemove" -> {
          if (rest.contains("\"ok\":true")) {
            c.removed++;
          }
        }
        case "DpcInterruptRequest" -> c.interrupts++;
        case "IpiSend" -> c.ipisSent++;
        case "IpiReceive" -> c.ipisReceived++;
        case "Watchdog" -> c.watchdog++;
        default -> {}
      }
    }

    for (CpuStats st : r.cpus()) {
      Counted c = counted.get(st.cpu());
      String where = file.getFileName() + " cpu " + st.cpu() + ": " + st;
      assertAll(
          where,
          () -> assertEquals(c.inserted, st.dpcInserted(), "dpcInserted"),
          () -> assertEquals(c.started, st.dpcExecuted(), "dpcExecuted"),
          () -> assertEquals(c.interrupts, st.dpcInterrupts(), "dpcInterrupts"),
          () -> assertEquals(c.ipisSent, st.ipisSent(), "ipisSent"),
          () -> assertEquals(c.ipisReceived, st.ipisReceived(), "ipisReceived"),
          () -> assertEquals(c.watchdog, st.watchdog(), "watchdog"),
          () -> assertEquals(c.maxDepth, st.maxQueueDepth(), "maxQueueDepth"),
          () -> assertTrue(st.maxQueueDepth() <= dpcs, "a KDPC is queued at most once"),
          () ->
              assertTrue(
                  st.dpcTimeNs() + st.isrTimeNs() + st.idleTimeNs() <= r.simulatedNs(),
                  "dpc + isr + idle time <= simulated time"),
          () -> assertTrue(st.dpcTimeNs() >= 0 && st.isrTimeNs() >= 0 && st.idleTimeNs() >= 0),
          () -> assertTrue(st.dpcExecuted() <= st.dpcInserted(), "executed <= inserted"),
          () ->
              assertTrue(
                  st.dpcInserted() - st.dpcExecuted() - c.removed <= dpcs,
                  "only DPCs still queued at the end were inserted and neither ran nor left"),
          () ->
              assertTrue(
                  st.dpcInserted() - st.dpcExecuted() - c.removed >= 0,
                  "every run or removal follows an insertion"),
          () -> assertTrue(st.latencyP50() >= 0, "p50 >= 0"),
          () -> assertTrue(st.latencyP50() <= st.latencyP99(), "p50 <= p99"),
          () -> assertTrue(st.latencyP99() <= st.latencyMax(), "p99 <= max"),
          () ->
              assertTrue(
                  st.dpcExecuted() > 0 || st.latencyMax() == 0, "no latency without a DPC run"));
    }
    long ipisSent = r.cpus().stream().mapToLong(CpuStats::ipisSent).sum();
    long ipisReceived = r.cpus().stream().mapToLong(CpuStats::ipisReceived).sum();
    assertTrue(ipisReceived <= ipisSent, "an IPI is received only after it is sent");
    assertFalse(r.traceSha256().isEmpty());
  }
}
