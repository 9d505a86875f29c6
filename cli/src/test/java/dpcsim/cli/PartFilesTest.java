package dpcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PartFiles}: which leftover part files a later run may delete. Only a part whose writer is
 * gone by its name (no such process, or one started at another time) and by its lock (nobody holds
 * it); a live process's part, one of unknown start, and anything not named as a part stay.
 */
@DisplayName("PartFiles: leftovers of killed processes, and nothing else")
class PartFilesTest {
  @TempDir Path tmp;

  /** A live process other than this one, with its PID and start time. */
  Process other;

  long otherStartMs;

  @BeforeEach
  void startOther() throws IOException {
    other = new ProcessBuilder("sleep", "60").start();
    otherStartMs = other.info().startInstant().orElseThrow().toEpochMilli();
  }

  @AfterEach
  void stopOther() {
    other.destroyForcibly();
  }

  /** The PID of a process that has ended (and been reaped). */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(ProcessHandle.of(p.pid()).isEmpty(), "reaped");
    return p.pid();
  }

  private Path part(long pid, long startMs) throws IOException {
    return Files.writeString(tmp.resolve(PartFiles.name("t.jsonl", pid, startMs, 1)), "partial\n");
  }

  @Test
  @DisplayName("a new part's name holds this process's PID and start time")
  void nameOfThisProcess() {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    String name = PartFiles.nameFor("run.json");
    assertTrue(name.startsWith(".run.json." + self.pid() + "-" + start + "-"), name);
    assertTrue(name.endsWith(".part"), name);
    assertFalse(name.equals(PartFiles.nameFor("run.json")), "unique in this process");
  }

  @Test
  @DisplayName("the part of a process that no longer exists is deleted")
  void deadWriter() throws Exception {
    Path orphan = part(deadPid(), otherStartMs);
    assertEquals(1, PartFiles.removeOrphans(tmp));
    assertFalse(Files.exists(orphan));
  }

  @Test
  @DisplayName("the part of a live process is kept")
  void liveWriter() throws IOException {
    Path live = part(other.pid(), otherStartMs);
    assertEquals(0, PartFiles.removeOrphans(tmp));
    assertTrue(Files.exists(live));
  }

  @Test
  @DisplayName("the PID reused by a process started later: the old writer is gone, its part goes")
  void reusedPid() throws IOException {
    Path orphan = part(other.pid(), otherStartMs - 3_600_000);
    assertEquals(1, PartFiles.removeOrphans(tmp));
    assertFalse(Files.exists(orphan));
  }

  @Test
  @DisplayName("a live PID with an unknown start (0) might be the writer: kept")
  void unknownStart() throws IOException {
    Path kept = part(other.pid(), 0);
    assertEquals(0, PartFiles.removeOrphans(tmp));
    assertTrue(Files.exists(kept));
  }

  @Test
  @DisplayName("this process's own open parts are kept")
  void ownParts() throws IOException {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    Path own = part(self.pid(), start);
    assertEquals(0, PartFiles.removeOrphans(tmp));
    assertTrue(Files.exists(own));
  }

  @Test
  @DisplayName("a part whose lock is held is kept, whatever its name says (a PID of another host)")
  void lockedPart() throws Exception {
    Path locked = part(deadPid(), otherStartMs);
    try (FileChannel ch = FileChannel.open(locked, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      assertTrue(lock.isValid());
      assertEquals(0, PartFiles.removeOrphans(tmp));
      assertTrue(Files.exists(locked));
    }
  }

  @Test
  @DisplayName("files not named as parts are never touched, old-style parts included")
  void otherFiles() throws Exception {
    long dead = deadPid();
    List<Path> others =
        List.of(
            Files.writeString(tmp.resolve(".t.jsonl." + dead + "-1.part"), "older dpcsim"),
            Files.writeString(tmp.resolve("t.jsonl"), "a result"),
            Files.writeString(tmp.resolve("." + dead + "-1-1.part.txt"), "not a part"));
    assertEquals(0, PartFiles.removeOrphans(tmp));
    for (Path p : others) {
      assertTrue(Files.exists(p), p::toString);
    }
  }
}
