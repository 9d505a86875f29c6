package dpcsim.cli;

import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.runExample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpcsim run --perfetto FILE}: the file, on either engine. Its checks as an output file (no
 * overwriting without --force, bad paths) are {@link OutputFileCliTest}'s.
 */
@DisplayName("dpcsim run --perfetto")
class PerfettoCliTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("writes a Chrome trace-event file beside the usual summary, and --trace too")
  void writesFile() throws IOException {
    Path file = tmp.resolve("run.json");
    Path trace = tmp.resolve("run.jsonl");
    Result r =
        runExample("remote-high.yaml", "--perfetto", file.toString(), "--trace", trace.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("traceSha256"), r.out());
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals("ns", root.get("displayTimeUnit").asText());
    long flows = 0;
    for (JsonNode e : root.get("traceEvents")) {
      flows += e.get("ph").asText().equals("f") ? 1 : 0;
    }
    assertEquals(2, flows, "remote-high sends two IPIs (to the busy and the halted CPU)");
    assertEquals(List.of(file, trace), filesIn(tmp), "no .part file left");
  }

  @Test
  @DisplayName("--engine actors writes the same bytes as --engine sequential")
  void sameOnActors() throws IOException {
    Path seq = tmp.resolve("seq.json");
    Path act = tmp.resolve("act.json");
    String scenario = examplePath("remote-high.yaml");
    Result a = dpcsim("run", scenario, "--engine", "sequential", "--perfetto", seq.toString());
    Result b = dpcsim("run", scenario, "--engine", "actors", "--perfetto", act.toString());
    assertEquals(0, a.status(), a.err());
    assertEquals(0, b.status(), b.err());
    assertArrayEquals(Files.readAllBytes(seq), Files.readAllBytes(act));
  }
}
