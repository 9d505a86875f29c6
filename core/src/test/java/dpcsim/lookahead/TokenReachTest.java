package dpcsim.lookahead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.kernel.RandomStream;
import dpcsim.scenario.Phold;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DpcReach}'s tokens: KDPCs with one holder at a time, however far they travel. */
class TokenReachTest {

  private static DpcReach reach(String yaml) throws Exception {
    return new DpcReach(
        new Machine(ScenarioLoader.parse(yaml, "t.yaml", new LinkedHashSet<>(Profiles.names()))));
  }

  @Test
  @DisplayName("every PHOLD KDPC is a token and not shared, though it may sit anywhere")
  void pholdTokens() throws Exception {
    DpcReach r = reach(Phold.yaml(8, 2, 0.25, "10us", 1, "1ms"));
    for (int i = 0; i < 16; i++) {
      assertTrue(r.token(i), "dpc " + i);
      assertFalse(r.shared(i), "dpc " + i);
    }
    assertEquals(0, r.sharedCount());
    assertEquals(1, r.minSendOffset(3), "an exponential routine may end 1ns in");
  }

  @Test
  @DisplayName(
      "PHOLD processors look ahead in their draws; a device, a threaded DPC or a fixed"
          + " duration turns that off")
  void hopChance() throws Exception {
    String phold = Phold.yaml(4, 2, 0.25, "10us", 1, "1ms");
    DpcReach r = reach(phold);
    assertEquals(0.25, r.hopChance(2));
    assertEquals(
        RandomStream.sampleWith(new dpcsim.scenario.Dist.Exp(10_000), 0.5), r.minDuration(2, 0.5));
    assertTrue(
        Double.isNaN(
            reach(phold.replace("p0_0: { importance: medium,", "p0_0: { threaded: true,"))
                .hopChance(1)),
        "a threaded routine may be preempted");
    assertTrue(
        Double.isNaN(
            reach(phold.replace("duration: { exp: 10us }", "duration: 10us")).hopChance(0)),
        "a fixed duration draws nothing");
    assertTrue(
        Double.isNaN(
            reach(
                    phold.replace(
                        "script:",
                        "devices:\n  d: { interrupts: { periodic: 1ms }, cpus: [3], isr: { duration: 1us } }\nscript:"))
                .hopChance(3)),
        "an ISR may preempt a routine");
    assertEquals(
        0.25,
        reach(
                phold.replace(
                    "script:",
                    "devices:\n  d: { interrupts: { periodic: 1ms }, cpus: [3], isr: { duration: 1us } }\nscript:"))
            .hopChance(2));
  }

  @Test
  @DisplayName("with P = 0 a PHOLD token never sends")
  void localOnly() throws Exception {
    DpcReach r = reach(Phold.yaml(4, 1, 0.0, "10us", 1, "1ms"));
    assertEquals(DpcReach.NEVER, r.minSendOffset(0));
    assertTrue(r.token(0));
  }

  /** A two-processor machine: {@code t} is a token unless the variant breaks a condition. */
  private static final String BASE =
      """
      processors: 2
      duration: 1ms
      dpcs:
        t: { target: 0, routine: { duration: 5us, then: [ %s ] } }
        o: { routine: { duration: 5us, then: [ %s ] } }
      devices:
        d: { interrupts: { periodic: 100us }, cpus: [1], isr: { duration: 1us, then: [ %s ] } }
      script:
        - { at: 0us, cpu: 0, do: insert, dpc: t }
      %s
      """;

  private static String variant(String own, String other, String isr, String script) {
    return BASE.formatted(own, other, isr, script);
  }

  @Test
  @DisplayName("the base variant is a token (retargeting or plain self-insert)")
  void baseIsToken() throws Exception {
    String hop = "{ insert: t, target: { random: 0.5 } }";
    assertTrue(reach(variant(hop, "", "", "")).token(0));
    assertFalse(reach(variant(hop, "", "", "")).shared(0));
    assertTrue(reach(variant("{ insert: t }", "", "", "")).token(0));
    assertTrue(reach(variant(hop + ", { insert: o }", "", "", "")).token(0), "may name others");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "two self-inserts",
        "a self setImportance",
        "another routine inserts it",
        "an ISR inserts it",
        "a second script insert",
        "a script setTarget",
        "no script insert",
        "no self-insert"
      })
  @DisplayName("breaking any token condition makes the roaming KDPC shared")
  void violations(String which) throws Exception {
    String hop = "{ insert: t, target: { random: 0.5 } }";
    String yaml =
        switch (which) {
          case "two self-inserts" -> variant(hop + ", " + hop, "", "", "");
          case "a self setImportance" ->
              variant(hop + ", { setImportance: t, importance: high }", "", "", "");
          case "another routine inserts it" -> variant(hop, "{ insert: t }", "", "");
          case "an ISR inserts it" -> variant(hop, "", "{ insert: t }", "");
          case "a second script insert" ->
              variant(hop, "", "", "  - { at: 5us, cpu: 1, do: insert, dpc: t }");
          case "a script setTarget" ->
              variant(hop, "", "", "  - { at: 5us, cpu: 1, do: setTarget, dpc: t, target: 1 }");
          case "no script insert" ->
              variant(hop, "{ insert: t }", "", "")
                  .replace("do: insert, dpc: t", "do: insert, dpc: o");
          default -> variant("{ insert: o }", hop, "", "");
        };
    DpcReach r = reach(yaml);
    assertFalse(r.token(0), which);
    assertTrue(r.shared(0), which);
  }
}
