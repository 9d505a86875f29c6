package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static dpcsim.cli.CliTest.examplePath;
import static dpcsim.cli.CliTest.filesIn;
import static dpcsim.cli.CliTest.footer;
import static dpcsim.cli.CliTest.runExample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every output file of {@code dpcsim run} ({@code --trace}, {@code --perfetto}, {@code
 * --report}, {@code --xperf}) gets alike: no overwriting without {@code --force}, and a bad path
 * refused before the run starts with one line, exit 2 and no file left (not even another option's).
 */
@DisplayName("dpcsim run output files")
class OutputFileCliTest {
  private static final String SCENARIO = "script-tour.yaml";

  /** An output file option, a file name for it, and what the file holds after a run. */
  enum Output {
    TRACE("--trace", "trace.jsonl") {
      @Override
      void assertWritten(Result r, Path file) throws IOException {
        assertEquals(
            footer(r.outLines()).sha256(), ExampleScenarios.sha256(Files.readAllBytes(file)));
      }
    },
    PERFETTO("--perfetto", "run.json") {
      @Override
      void assertWritten(Result r, Path file) throws IOException {
        assertTrue(Files.readString(file).startsWith("{\"traceEvents\":["));
      }
    },
    REPORT("--report", "report.html") {
      @Override
      void assertWritten(Result r, Path file) throws IOException {
        assertEquals(footer(r.outLines()).sha256(), ReportCliTest.shaIn(Files.readString(file)));
      }
    },
    XPERF("--xperf", "dpcisr.txt") {
      @Override
      void assertWritten(Result r, Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.startsWith("\r\n--------------------------\r\nDPC Info\r\n"), text);
        assertTrue(text.contains("\r\nInterrupt Info\r\n"), text);
      }
    };

    final String option;
    final String fileName;

    Output(String option, String fileName) {
      this.option = option;
      this.fileName = fileName;
    }

    /** {@code file} holds the output of run {@code r}. */
    abstract void assertWritten(Result r, Path file) throws IOException;

    /** Another output option, to show that it is not written either. */
    Output other() {
      return this == TRACE ? PERFETTO : TRACE;
    }
  }

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("an existing file is kept without --force (exit 2) and replaced with it")
  void existingFile(Output o) throws IOException {
    Path file = tmp.resolve(o.fileName);
    Files.writeString(file, "keep me\n");
    Result r = runExample(SCENARIO, o.option, file.toString());
    assertOneLineError(r, o.option, file.toString(), "exists", "--force");
    assertEquals("keep me\n", Files.readString(file));
    assertEquals(List.of(file), filesIn(tmp));

    Result forced = runExample(SCENARIO, o.option, file.toString(), "--force");
    assertEquals(0, forced.status(), forced.err());
    o.assertWritten(forced, file);
    assertEquals(List.of(file), filesIn(tmp), "no .part file left");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("a file in a missing folder is an error (exit 2) and creates nothing")
  void missingFolder(Output o) throws IOException {
    Path file = tmp.resolve("nowhere").resolve(o.fileName);
    Result r = runExample(SCENARIO, o.option, file.toString());
    assertOneLineError(r, o.option, file.toString(), "nowhere", "does not exist");
    assertEquals(List.of(), filesIn(tmp));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("a file under a regular file is an error (exit 2) naming it, not a .part name")
  void parentIsAFile(Output o) throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("notes.txt"), "a file\n");
    Path file = notAFolder.resolve(o.fileName);
    Result r = runExample(SCENARIO, o.option, file.toString());
    assertOneLineError(r, o.option + " " + file + ": " + notAFolder + " is not a folder");
    assertEquals(List.of(notAFolder), filesIn(tmp));
  }

  /**
   * A folder where nobody may create a file: permission bits as a user; as root, whom they do not
   * stop, sysfs's top folder, which refuses new files even to root (or is mounted read-only).
   */
  private Path unwritableFolder() throws IOException {
    Path probe = Files.createFile(tmp.resolve("probe"));
    boolean root = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
    Files.delete(probe);
    if (root) {
      return Path.of("/sys");
    }
    Path dir = Files.createDirectory(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    return dir;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("an unwritable folder: one line naming the user's file and the system's reason")
  void unwritable(Output o) throws IOException {
    Path file = unwritableFolder().resolve(o.fileName);
    Result r = runExample(SCENARIO, o.option, file.toString());
    assertOneLineError(r, o.option + " " + file + ": ");
    assertTrue(
        r.err().endsWith(": permission denied\n") || r.err().endsWith(": read-only file system\n"),
        r.err());
    assertFalse(r.err().contains(".part"), r.err());
    assertFalse(Files.exists(file));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("a folder as the file is an error (exit 2)")
  void folderAsFile(Output o) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("dir"));
    Result r = runExample(SCENARIO, o.option, dir.toString());
    assertOneLineError(r, o.option, dir.toString(), "is a directory");
    assertEquals(List.of(), filesIn(dir));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Output.class)
  @DisplayName("a bad file stops the run before it starts: the other output is not written")
  void checkedBeforeTheRun(Output o) throws IOException {
    Path good = tmp.resolve(o.other().fileName);
    Path bad = tmp.resolve("nowhere").resolve(o.fileName);
    Result r = runExample(SCENARIO, o.other().option, good.toString(), o.option, bad.toString());
    assertOneLineError(r, o.option, "does not exist");
    assertEquals(List.of(), filesIn(tmp), "no other output, no .part file");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"PERFETTO", "REPORT", "XPERF"})
  @DisplayName("standard output is refused (exit 2): it is only for --trace")
  void notStandardOutput(Output o) throws IOException {
    assertOneLineError(
        dpcsim("run", examplePath(SCENARIO), o.option, "-"), o.option + " -", "give a file name");
    assertEquals(List.of(), filesIn(tmp));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"PERFETTO", "REPORT", "XPERF"})
  @DisplayName("the --trace file, however spelled, is refused (exit 2)")
  void notTheTraceFile(Output o) throws IOException {
    Path same = tmp.resolve("both");
    Result r =
        runExample(
            SCENARIO,
            "--trace",
            same.toString(),
            o.option,
            tmp.resolve(".").resolve("both").toString());
    assertOneLineError(r, "--trace and " + o.option, "name the same file");
    assertEquals(List.of(), filesIn(tmp));
  }
}
