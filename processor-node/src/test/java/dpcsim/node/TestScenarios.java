package dpcsim.node;

import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Machine;
import dpcsim.kernel.Profiles;
import dpcsim.lookahead.DpcReach;
import dpcsim.lookahead.ProcessorWindow;
import dpcsim.scenario.Scenario;
import dpcsim.scenario.ScenarioException;
import dpcsim.scenario.ScenarioLoader;
import java.util.LinkedHashSet;
import java.util.List;

/** Small scenarios and processors for the shell tests. */
final class TestScenarios {
  private TestScenarios() {}

  /** Two processors; CPU 0 queues a High DPC on busy CPU 1 at 10 us (an IPI follows). */
  static final String REMOTE_HIGH =
      """
      profile: ws03
      processors: 2
      duration: 40ms
      load: { cpus: { 1: 1.0 } }
      dpcs:
        toBusy: { importance: high, target: 1, routine: { duration: 10us } }
      script:
        - { at: 10us, cpu: 0, do: insert, dpc: toBusy, args: [7, 8] }
      """;

  static Scenario parse(String yaml) {
    try {
      return ScenarioLoader.parse(yaml, "test.yaml", new LinkedHashSet<>(Profiles.names()));
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static ProcessorWindow window(String yaml, int cpu) {
    Machine m = new Machine(parse(yaml));
    return new ProcessorWindow(cpu, m, new KdpcTable(m), new DpcReach(m), List.of());
  }
}
