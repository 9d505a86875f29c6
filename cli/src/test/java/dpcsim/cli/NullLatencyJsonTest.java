package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code --json}: where nothing ran, percentiles are null, as the table's "-", never zeros. */
class NullLatencyJsonTest {
  @Test
  @DisplayName("a processor with no DPC has null latencyNs and durationNs; the table prints -")
  void idleProcessor() throws Exception {
    String file = ExampleScenarios.repoRoot().resolve("scenarios/watchdog.yaml").toString();
    StringWriter out = new StringWriter();
    int status =
        Main.execute(
            new String[] {"run", file, "--engine", "sequential", "--json"},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, status);
    JsonNode cpus = new ObjectMapper().readTree(out.toString()).get("cpus");
    JsonNode idle = cpus.get(1);
    assertEquals(0, idle.get("dpcExecuted").asLong());
    assertTrue(idle.get("latencyNs").isNull(), idle.toString());
    assertTrue(idle.get("durationNs").isNull(), idle.toString());
    JsonNode busy = cpus.get(0);
    assertEquals(1500000000L, busy.get("durationNs").get("max").asLong());

    StringWriter table = new StringWriter();
    Main.execute(
        new String[] {"run", file, "--engine", "sequential"},
        new PrintWriter(table),
        new PrintWriter(new StringWriter()));
    String row =
        table.toString().lines().filter(l -> l.matches("\\s+1\\s.*")).findFirst().orElseThrow();
    assertTrue(row.contains(" -  "), row);
  }
}
