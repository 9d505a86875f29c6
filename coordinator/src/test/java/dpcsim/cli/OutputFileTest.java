package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputFile}, the all-or-nothing writer behind {@code --trace FILE}: a run that fails
 * midway (which the command line cannot provoke on purpose) must leave neither a half-written file
 * nor a {@code .part} file behind.
 */
@DisplayName("OutputFile: all or nothing")
class OutputFileTest {
  @TempDir Path tmp;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.sorted().toList();
    }
  }

  @Test
  @DisplayName("until commit the bytes are in a hidden .part file beside the target")
  void partFileUntilCommit() throws IOException {
    Path target = tmp.resolve("t.jsonl");
    try (OutputFile f = OutputFile.open(target, "--trace", false)) {
      f.stream().write("line\n".getBytes(StandardCharsets.UTF_8));
      List<Path> during = files();
      assertEquals(1, during.size(), during::toString);
      String name = during.get(0).getFileName().toString();
      assertTrue(name.startsWith(".t.jsonl.") && name.endsWith(".part"), name);
      f.commit();
    }
    assertEquals(List.of(target), files());
    assertEquals("line\n", Files.readString(target));
  }

  @Test
  @DisplayName("closed without commit: no target and no .part file")
  void abandoned() throws IOException {
    Path target = tmp.resolve("t.jsonl");
    try (OutputFile f = OutputFile.open(target, "--trace", false)) {
      f.stream().write(new byte[100_000]);
    }
    assertEquals(List.of(), files());
  }

  @Test
  @DisplayName("with --force, an abandoned write keeps the old file as it was")
  void abandonedOverwrite() throws IOException {
    Path target = tmp.resolve("t.jsonl");
    Files.writeString(target, "old\n");
    try (OutputFile f = OutputFile.open(target, "--trace", true)) {
      f.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of(target), files());
    assertEquals("old\n", Files.readString(target));
  }

  @Test
  @DisplayName("an existing file without force is a user error naming it")
  void existsWithoutForce() throws IOException {
    Path target = tmp.resolve("t.jsonl");
    Files.writeString(target, "old\n");
    UserError e = assertThrows(UserError.class, () -> OutputFile.open(target, "--trace", false));
    assertTrue(e.getMessage().startsWith("--trace " + target + ": "), e.getMessage());
    assertEquals(List.of(target), files());
    assertEquals("old\n", Files.readString(target));
  }

  @Test
  @DisplayName("the written file gets the permissions of any new file, not a temp file's 0600")
  void ordinaryPermissions() throws IOException {
    Path target = tmp.resolve("report.html");
    try (OutputFile f = OutputFile.open(target, "--report", false)) {
      f.stream().write('x');
      f.commit();
    }
    Path plain = Files.createFile(tmp.resolve("plain"));
    assertEquals(
        Files.getPosixFilePermissions(plain),
        Files.getPosixFilePermissions(target),
        "same as a file created the ordinary way (umask)");
  }
}
