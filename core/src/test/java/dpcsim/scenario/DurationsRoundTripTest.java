package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Kept apart from the JUnit tests: jqwik ignores JUnit's {@code @DisplayName}. */
@Label("Durations: format and parse round-trip")
class DurationsRoundTripTest {

  @Property(tries = 500)
  @Label("parse(format(ns)) == ns for every duration from 0 to a day")
  void roundTrip(@ForAll @LongRange(min = 0, max = ScenarioLimits.MAX_DURATION_NS) long ns) {
    assertEquals(ns, Durations.parse(Durations.format(ns)));
  }
}
