package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
  @DisplayName("opening removes the parts killed processes left in the folder, and only those")
  void removesOrphans() throws Exception {
    Path orphan =
        Files.writeString(
            tmp.resolve(PartFiles.name("old.jsonl", PartFilesTest.deadPid(), 1, 1)), "partial");
    Path kept = Files.writeString(tmp.resolve("old.jsonl"), "a result");
    try (OutputFile f = OutputFile.open(tmp.resolve("t.jsonl"), "--trace", false)) {
      assertFalse(Files.exists(orphan), "the orphan is gone");
      assertTrue(Files.exists(kept));
      f.commit();
    }
    assertEquals(List.of(kept, tmp.resolve("t.jsonl")), files());
  }

  @Test
  @DisplayName("deleteOpenParts deletes the parts not yet committed (a process about to halt)")
  void deleteOpenParts() throws IOException {
    try (OutputFile f = OutputFile.open(tmp.resolve("t.jsonl"), "--trace", false)) {
      f.stream().write(new byte[100_000]);
      assertEquals(1, files().size());
      OutputFile.deleteOpenParts();
      assertEquals(List.of(), files());
    }
  }

  @Test
  @DisplayName("a failed create names the user's file and the system's reason, never the part")
  void reasonNamesTheTarget() {
    Path target = tmp.resolve("t.jsonl");
    Path part = tmp.resolve(PartFiles.nameFor("t.jsonl"));
    assertEquals(
        "permission denied",
        OutputFile.reason(new AccessDeniedException(part.toString()), part, target));
    assertEquals(
        "read-only file system",
        OutputFile.reason(
            new FileSystemException(part.toString(), null, "Read-only file system"), part, target));
    assertEquals(
        "cannot rename " + target,
        OutputFile.reason(new IOException("Cannot rename " + part), part, target));
  }

  @Test
  @DisplayName("a write error (a full disk: /dev/full) is one line naming the user's file")
  void writeErrorNamesTheFile() throws IOException {
    Path part = tmp.resolve(PartFiles.nameFor("t.jsonl"));
    try (OutputStream full = new FileOutputStream("/dev/full")) {
      OutputStream named =
          new OutputFile.Named(full, "--trace t.jsonl", part, tmp.resolve("t.jsonl"));
      UserError e = assertThrows(UserError.class, () -> named.write(new byte[10]));
      assertEquals("--trace t.jsonl: no space left on device", e.getMessage());
    }
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
