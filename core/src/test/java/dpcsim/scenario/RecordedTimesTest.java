package dpcsim.scenario;

import static dpcsim.scenario.ScenarioFixtures.assertError;
import static dpcsim.scenario.ScenarioFixtures.parse;
import static dpcsim.scenario.ScenarioFixtures.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dpcsim.engine.RunResult;
import dpcsim.engine.SequentialEngine;
import dpcsim.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("interrupts: { times: [...] }: recorded arrivals, replayed exactly")
class RecordedTimesTest {
  private static final String HEAD =
      "processors: 2\nduration: 1ms\ndevices:\n  d: { cpus: [1], isr: { duration: 1us },"
          + " interrupts: { times: ";

  @Test
  @DisplayName("each ISR starts at its recorded instant on its processor; none after the last")
  void replayed() throws Exception {
    Scenario s = parse(HEAD + "[10us, 10us, 250us, 999us, 2ms] } }\n");
    List<Long> starts = new ArrayList<>();
    SequentialEngine.run(
        s,
        new dpcsim.engine.TraceOutputs(
            null,
            false,
            List.of(
                e -> {
                  if (e instanceof TraceEvent.IsrStart i) {
                    assertEquals(1, i.cpu());
                    starts.add(i.t());
                  }
                })));
    assertEquals(List.of(10_000L, 11_000L, 250_000L, 999_000L), starts, "the second waits");
    RunResult r = SequentialEngine.run(s, null, false);
    assertEquals(4, r.devices().get(0).isrCount(), "2ms is past the 1ms run");
    assertEquals(
        4,
        new Interrupts.Times(new long[] {10_000, 10_000, 250_000, 999_000, 2_000_000})
            .countUpTo(1_000_000));
  }

  @Test
  @DisplayName("out of order or empty: located errors")
  void errors() {
    assertError(
        rejects(HEAD + "[10us, 5us] } }\n"),
        4,
        71,
        "devices.d.interrupts.times[1]",
        "times must be in order: 5us comes before 10us");
    assertError(
        rejects(HEAD + "[] } }\n"),
        4,
        64,
        "devices.d.interrupts.times",
        "times needs at least one instant");
  }
}
