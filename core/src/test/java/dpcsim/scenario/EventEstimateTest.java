package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("EventEstimate: the events a scenario will produce, by what produces them")
class EventEstimateTest {

  private static EventEstimate.Part part(Scenario s, String what) {
    for (EventEstimate.Part p : EventEstimate.of(s).parts()) {
      if (p.what().equals(what)) {
        return p;
      }
    }
    throw new AssertionError("no part " + what);
  }

  @Test
  @DisplayName("clock ticks: processors x duration / tick (a 1 ns tick on 64 CPUs for 100 s)")
  void ticks() throws ScenarioException {
    Scenario s = parse("processors: 64\nduration: 100s\nclock: { tick: 1ns }\n");
    EventEstimate e = EventEstimate.of(s);
    assertEquals(
        new EventEstimate.Part("clock ticks", 6.4e12, "64 processors x 100s / 1ns"),
        e.largestFirst().get(0));
    assertEquals(6.4e12, e.total());
    assertEquals(
        128.0, part(parse("processors: 2\nduration: 1s\n"), "clock ticks").events(), "15.625ms");
  }

  @Test
  @DisplayName("device interrupts: periodic, Poisson and burst, times the ISR's events")
  void devices() throws ScenarioException {
    String head = "processors: 4\nduration: 1000s\nclock: { tick: 1000s }\ndevices:\n";
    String isr = ", isr: { duration: 1ns } }\n";
    assertEquals(
        new EventEstimate.Part("device interrupts", 2e12, "device nic: 1e12 interrupts x 2 events"),
        part(parse(head + "  nic: { interrupts: { periodic: 1ns }" + isr), "device interrupts"));
    assertEquals(
        2e12,
        part(
                parse(head + "  nic: { interrupts: { poisson: 1000000000/s }" + isr),
                "device interrupts")
            .events());
    assertEquals(
        5 * 1000 * 2.0,
        part(
                parse(
                    head
                        + "  nic: { interrupts: { burst: { every: 1s, count: 5, gap: 1us } }"
                        + isr),
                "device interrupts")
            .events());
    Scenario twoCpus = parse(head + "  nic: { interrupts: { periodic: 1s }, cpus: [0, 1, 1]" + isr);
    assertEquals(
        1000 * 3.0, part(twoCpus, "device interrupts").events(), "each of 2 processors draws");
  }

  @Test
  @DisplayName("DPC routines: the ISR's inserts flow down the chain of routines")
  void chain() throws ScenarioException {
    Scenario s =
        parse(
            """
            processors: 1
            duration: 1s
            dpcs:
              a: { routine: { duration: 1us, then: [ { insert: b }, { insert: c, after: 1ns } ] } }
              b: { routine: { duration: 1us } }
              c: { routine: { duration: 1us, then: [ { insert: b } ] } }
            devices:
              nic: { interrupts: { periodic: 1ms }, isr: { duration: 1us, then: [ { insert: a } ] } }
            """);
    // 1000 interrupts: a runs 1000 times (4 events), c 1000 (2), b 2000 (1).
    assertEquals(
        new EventEstimate.Part(
            "DPC routines",
            1000 * 4 + 1000 * 2 + 2000 * 1.0,
            "3 KDPCs; the most, a: 1000 runs x 4 events"),
        part(s, "DPC routines"));
    assertEquals(1000 * 3.0, part(s, "device interrupts").events());
  }

  @Test
  @DisplayName("a self-inserting routine runs back to back for the whole run")
  void selfInsert() throws ScenarioException {
    Scenario s =
        parse(
            """
            processors: 2
            duration: 1s
            dpcs:
              loop: { routine: { duration: 1us, then: [ { insert: loop } ] } }
            script:
              - { at: 0us, cpu: 0, do: insert, dpc: loop }
            """);
    assertEquals(
        new EventEstimate.Part("DPC routines", 2e6, "KDPC loop: 1e6 runs x 2 events"),
        part(s, "DPC routines"));
    assertEquals(0, part(parse(NEVER_STARTED), "DPC routines").events(), "never inserted");
  }

  private static final String NEVER_STARTED =
      """
      processors: 2
      duration: 1s
      dpcs:
        loop: { routine: { duration: 1us, then: [ { insert: loop } ] } }
      """;

  @Test
  @DisplayName("routines cannot use more processor time than there is (DPC-PHOLD's tokens)")
  void processorTime() throws ScenarioException {
    String yaml = Phold.yaml(2, 4, 0.25, "10us", 1, "10ms");
    // 8 tokens of 10us back to back would need 80 ms of processor time; 2 x 10 ms exist.
    Scenario s = ScenarioLoader.parse(yaml, "phold.yaml", ScenarioFixtures.PROFILES);
    assertEquals(2 * 1000 * 2.0, part(s, "DPC routines").events(), 1e-6);
  }

  @Test
  @DisplayName("thread load: two toggles per period per processor strictly between 0 and 1")
  void load() throws ScenarioException {
    String head = "processors: 4\nduration: 1s\n";
    assertEquals(
        new EventEstimate.Part(
            "thread load", 3 * 1000 * 2.0, "3 loaded processors x 1s / 1ms x 2 toggles"),
        part(parse(head + "load: { default: 0.5, cpus: { 3: 1 } }\n"), "thread load"));
    assertEquals(
        4 * 1000 * 3.0,
        part(parse(head + "load: { default: 0.5 }\nidle: { haltAfter: 1us }\n"), "thread load")
            .events(),
        "and the halt timer");
  }

  @Test
  @DisplayName("the script: one event an action, two for runThread")
  void script() throws ScenarioException {
    Scenario s =
        parse(
            ScenarioFixtures.BASE
                + "  - { at: 0us, cpu: 0, do: runThread, for: 1us }\n"
                + "  - { at: 0us, cpu: 0, do: flush }\n");
    assertEquals(new EventEstimate.Part("script", 3, "2 actions"), part(s, "script"));
  }

  @Test
  @DisplayName("a chain of 100,000 KDPCs inserting the next is estimated without recursion")
  void deepChain() {
    int n = 100_000;
    List<DpcDef> dpcs = new ArrayList<>();
    Dist oneUs = new Dist.Fixed(1_000);
    for (int i = 0; i < n; i++) {
      List<Step> then =
          i + 1 < n ? List.of(new Step(new Op.Insert("d" + (i + 1), 0, 0), null)) : List.of();
      dpcs.add(new DpcDef("d" + i, Importance.MEDIUM, null, false, new Work(oneUs, then)));
    }
    Scenario s =
        new Scenario(
            "chain.yaml",
            "chain",
            "ws03",
            1,
            0,
            1_000_000_000L,
            15_625_000L,
            2_000,
            200,
            TunablesSpec.NONE,
            null,
            null,
            new Load(0, Map.of(), 1_000_000L),
            null,
            dpcs,
            List.of(),
            List.of(new ScriptAction(0, 0, 0, new Op.Insert("d0", 0, 0))));
    assertEquals((n - 1) * 2.0 + 1, part(s, "DPC routines").events());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "40000, 40000",
    "999999, 999999",
    "1e6, 1e6",
    "2.5e6, 2.5e6",
    "6.4e12, 6.4e12",
    "1.23456e9, 1.23e9"
  })
  @DisplayName("counts: whole below a million, else three significant digits")
  void count(double n, String shown) {
    assertEquals(shown, EventEstimate.count(n));
  }
}
