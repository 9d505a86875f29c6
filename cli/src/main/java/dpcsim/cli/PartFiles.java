package dpcsim.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the hidden files output is written to before it is renamed into place, and the
 * clean-up of those a killed process left behind.
 *
 * <p>A part is named {@code .TARGET.PID-START-N.part}: the writing process's id, its start time
 * (milliseconds since the epoch, from {@link ProcessHandle.Info#startInstant}; 0 if unknown) and a
 * counter. A PID alone is reused; a PID with its start time names one process. The writer also
 * holds a lock on its part until it is done with it, and the lock goes when the process does,
 * however it ends.
 *
 * <p>A part is an orphan, and {@link #removeOrphans} deletes it, only if both say its writer is
 * gone: no process has its PID, or the process that has it started at another time; and nobody
 * holds its lock. The lock guards what the name cannot see (a PID from another container sharing
 * the folder); the name guards file systems whose locks do nothing. A live process's part is never
 * deleted, and a part whose lock cannot be tried is kept.
 */
final class PartFiles {
  private static final Pattern NAME = Pattern.compile("\\.(.+)\\.(\\d+)-(\\d+)-(\\d+)\\.part");

  /** Start times differ this much between readings of one process (clock steps, rounding). */
  private static final long SAME_START_MS = 1000;

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private PartFiles() {}

  /**
   * @return a new part name for {@code target}'s file name, unique in this process
   */
  static String nameFor(String target) {
    ProcessHandle self = ProcessHandle.current();
    return name(target, self.pid(), startMs(self).orElse(0L), COUNTER.incrementAndGet());
  }

  /**
   * @return the part name of {@code target} written by process {@code pid} started at {@code
   *     startMs}, the {@code n}th part it wrote
   */
  static String name(String target, long pid, long startMs, int n) {
    return "." + target + "." + pid + "-" + startMs + "-" + n + ".part";
  }

  private static Optional<Long> startMs(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli);
  }

  /**
   * Deletes the orphaned parts in {@code dir} (see the class comment); anything else, and any file
   * it cannot check or delete, stays.
   *
   * @return how many parts it deleted
   */
  static int removeOrphans(Path dir) {
    int removed = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*.part")) {
      for (Path part : parts) {
        if (isOrphan(part) && Files.deleteIfExists(part)) {
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning up after another process is a courtesy: it never stops this run.
    }
    return removed;
  }

  /**
   * @return whether {@code part} is a part file whose writer is gone
   */
  static boolean isOrphan(Path part) {
    Matcher m = NAME.matcher(part.getFileName().toString());
    if (!m.matches() || !Files.isRegularFile(part)) {
      return false;
    }
    long pid;
    long startMs;
    try {
      pid = Long.parseLong(m.group(2));
      startMs = Long.parseLong(m.group(3));
    } catch (NumberFormatException e) {
      return false;
    }
    return writerGone(pid, startMs) && !locked(part);
  }

  private static boolean writerGone(long pid, long startMs) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    // A part of unknown start, or a process of unknown start, could be that process's: keep it.
    // The same start also keeps this process's own parts, whose locks must not even be tried (a
    // POSIX lock is dropped when its owner closes any channel to the file).
    Optional<Long> start = startMs(p.get());
    return startMs != 0 && start.isPresent() && Math.abs(start.get() - startMs) > SAME_START_MS;
  }

  /**
   * @return whether another process holds {@code part}'s lock, or whether that cannot be told
   */
  private static boolean locked(Path part) {
    try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock()) {
      return lock == null;
    } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
      return true;
    }
  }
}
