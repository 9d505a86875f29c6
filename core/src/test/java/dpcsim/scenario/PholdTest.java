package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Phold: the DPC-PHOLD scenario text")
class PholdTest {

  @Test
  @DisplayName("N x K KDPCs targeted at their processor, each re-inserting itself at random")
  void shape() throws Exception {
    Scenario s = parse(Phold.yaml(3, 2, 0.25, "7us", 9, "2ms"));
    assertEquals(3, s.processors());
    assertEquals(9, s.seed());
    assertEquals(2_000_000, s.durationNs());
    assertEquals(6, s.dpcs().size());
    DpcDef d = s.dpcs().get(3);
    assertEquals("p1_1", d.name());
    assertEquals(1, d.target());
    assertEquals(Importance.MEDIUM, d.importance());
    assertEquals(new Dist.Exp(7_000), d.routine().duration());
    assertEquals(new Op.Insert("p1_1", 3, 0, 0, 0.25), d.routine().then().get(0).op());
    assertEquals(6, s.script().size());
    assertEquals(
        new ScriptAction(3, 0, 1, new Op.Insert("p1_1", 3, 0, 0, null)), s.script().get(3));
    assertEquals(
        new Op.Insert("p0_0", 0, 0, 0, 1e-4),
        parse(Phold.yaml(1, 1, 0.0001, "1us", 1, "1ms")).dpcs().get(0).routine().then().get(0).op(),
        "P is written without an exponent");
  }

  @Test
  @DisplayName("parameters out of range are refused before any text is written")
  void ranges() {
    assertThrows(IllegalArgumentException.class, () -> Phold.yaml(0, 1, 0.5, "1us", 1, "1ms"));
    assertThrows(IllegalArgumentException.class, () -> Phold.yaml(2049, 1, 0.5, "1us", 1, "1ms"));
    assertThrows(IllegalArgumentException.class, () -> Phold.yaml(2, 0, 0.5, "1us", 1, "1ms"));
    assertThrows(IllegalArgumentException.class, () -> Phold.yaml(2, 1, 1.5, "1us", 1, "1ms"));
    assertThrows(
        IllegalArgumentException.class, () -> Phold.yaml(2, 1, Double.NaN, "1us", 1, "1ms"));
  }
}
