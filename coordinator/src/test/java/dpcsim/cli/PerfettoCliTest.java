package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
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

/** {@code dpcsim run --perfetto FILE}: the file, its all-or-nothing writing, and its errors. */
@DisplayName("dpcsim run --perfetto")
class PerfettoCliTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("writes a Chrome trace-event file beside the usual summary, and --trace too")
  void writesFile() throws IOException {
    Path file = tmp.resolve("run.json");
    Path trace = tmp.resolve("run.jsonl");
    Result r =
        dpcsim(
            "run",
            examplePath("remote-high.yaml"),
            "--engine",
            "sequential",
            "--perfetto",
            file.toString(),
            "--trace",
            trace.toString());
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
  @DisplayName("an existing file is kept without --force (exit 2) and replaced with it")
  void existingFile() throws IOException {
    Path file = tmp.resolve("run.json");
    Files.writeString(file, "keep me\n");
    String scenario = examplePath("script-tour.yaml");
    Result r = dpcsim("run", scenario, "--engine", "sequential", "--perfetto", file.toString());
    assertOneLineError(r, "--perfetto", file.toString(), "exists", "--force");
    assertEquals("keep me\n", Files.readString(file));
    assertEquals(List.of(file), filesIn(tmp));

    Result forced =
        dpcsim("run", scenario, "--engine", "sequential", "--perfetto", file.toString(), "--force");
    assertEquals(0, forced.status(), forced.err());
    assertTrue(Files.readString(file).startsWith("{\"traceEvents\":["));
    assertEquals(List.of(file), filesIn(tmp), "no .part file left");
  }

  @Test
  @DisplayName("a file in a missing folder is an error (exit 2) and creates nothing")
  void missingFolder() throws IOException {
    Path file = tmp.resolve("nowhere").resolve("run.json");
    Result r = dpcsim("run", examplePath("script-tour.yaml"), "--perfetto", file.toString());
    assertOneLineError(r, "--perfetto", file.toString(), "does not exist");
    assertEquals(List.of(), filesIn(tmp));
  }

  @Test
  @DisplayName("a bad --perfetto file stops the run before it starts: no --trace file either")
  void checkedBeforeTheRun() throws IOException {
    Path trace = tmp.resolve("t.jsonl");
    Path file = tmp.resolve("nowhere").resolve("run.json");
    Result r =
        dpcsim(
            "run",
            examplePath("script-tour.yaml"),
            "--trace",
            trace.toString(),
            "--perfetto",
            file.toString());
    assertOneLineError(r, "--perfetto", "does not exist");
    assertEquals(List.of(), filesIn(tmp), "no trace, no .part file");
  }

  @Test
  @DisplayName("standard output and the --trace file are refused (exit 2)")
  void refusedTargets() throws IOException {
    String scenario = examplePath("script-tour.yaml");
    assertOneLineError(dpcsim("run", scenario, "--perfetto", "-"), "--perfetto", "file name");
    Path same = tmp.resolve("x.json");
    assertOneLineError(
        dpcsim("run", scenario, "--trace", same.toString(), "--perfetto", same.toString()),
        "--trace and --perfetto",
        same.toString());
    assertEquals(List.of(), filesIn(tmp));
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
