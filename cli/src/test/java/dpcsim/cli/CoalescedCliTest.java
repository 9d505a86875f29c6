package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.ExampleScenarios;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coalesced insertions (R-12: the KDPC was already queued, the call returned FALSE) are counted per
 * processor and per KDPC, in the JSON, the table and compare, exactly as the trace's {@code ok:
 * false} DpcInsert lines say.
 */
class CoalescedCliTest {
  @TempDir Path tmp;

  static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, Main.execute(args, new PrintWriter(out), new PrintWriter(err)), err.toString());
    return out.toString();
  }

  @Test
  @DisplayName("the JSON's coalesced counts are the trace's ok:false insertions, per cpu and KDPC")
  void countsMatchTheTrace() throws Exception {
    String file =
        ExampleScenarios.repoRoot().resolve("scenarios/nic-storm-spread4.yaml").toString();
    Path trace = tmp.resolve("t.jsonl");
    String json =
        run(
            "run",
            file,
            "--engine",
            "sequential",
            "--duration",
            "50ms",
            "--json",
            "--trace",
            trace.toString());
    ObjectMapper m = new ObjectMapper();
    Map<Integer, Long> perCpu = new HashMap<>();
    Map<String, Long> perDpc = new HashMap<>();
    for (String line : Files.readAllLines(trace)) {
      JsonNode e = m.readTree(line);
      if (e.get("ev").asText().equals("DpcInsert") && !e.get("ok").asBoolean()) {
        perCpu.merge(e.get("cpu").asInt(), 1L, Long::sum);
        perDpc.merge(e.get("dpc").asText(), 1L, Long::sum);
      }
    }
    JsonNode root = m.readTree(json);
    long total = 0;
    for (JsonNode c : root.get("cpus")) {
      assertEquals(perCpu.getOrDefault(c.get("cpu").asInt(), 0L), c.get("coalesced").asLong());
      total += c.get("coalesced").asLong();
    }
    assertTrue(total > 0, "the storm coalesces some insertions");
    for (JsonNode d : root.get("dpcs")) {
      assertEquals(perDpc.getOrDefault(d.get("dpc").asText(), 0L), d.get("coalesced").asLong());
    }
    String cmp = run("compare", file, "--profiles", "ws03", "--duration", "50ms", "--json");
    assertEquals(total, m.readTree(cmp).get("profiles").get(0).get("dpcCoalesced").asLong());
    String table = run("run", file, "--engine", "sequential", "--duration", "50ms");
    String all = table.lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow();
    assertEquals(Long.toString(total), all.trim().split(" +")[2], all);
  }
}
