package dpcsim.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An output file written all-or-nothing: bytes go to a temporary file beside the target, which
 * replaces the target only on {@link #commit()}. A run that fails leaves no half-written file.
 */
final class OutputFile implements AutoCloseable {
  private static final AtomicInteger PARTS = new AtomicInteger();

  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private OutputFile(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /**
   * Checks that {@code target} can be written and opens its temporary file.
   *
   * @param what what the file is, for error messages ({@code --trace})
   * @param force overwrite an existing file
   * @throws UserError if the file exists without {@code force}, or its folder is missing or not
   *     writable
   */
  static OutputFile open(Path target, String what, boolean force) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) {
      throw new UserError(what + " " + target + ": is a directory");
    }
    if (Files.exists(abs) && !force) {
      throw new UserError(what + " " + target + ": file exists (use --force to overwrite it)");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserError(what + " " + target + ": folder " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new UserError(what + " " + target + ": folder " + dir + " is not writable");
    }
    try {
      Path temp = createPart(dir, abs.getFileName().toString());
      return new OutputFile(
          abs, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      throw new UserError(what + " " + target + ": cannot write: " + e.getMessage());
    }
  }

  /**
   * Creates the hidden temporary file. Not {@code Files.createTempFile}: that one is private
   * (0600), and the renamed result should have the permissions any new file gets (umask).
   */
  private static Path createPart(Path dir, String name) throws IOException {
    long pid = ProcessHandle.current().pid();
    while (true) {
      Path part = dir.resolve("." + name + "." + pid + "-" + PARTS.incrementAndGet() + ".part");
      try {
        return Files.createFile(part);
      } catch (FileAlreadyExistsException e) {
        // A leftover of an earlier process with the same pid: take the next number.
      }
    }
  }

  OutputStream stream() {
    return out;
  }

  /** Moves the finished file into place. */
  void commit() throws IOException {
    out.close();
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        out.close();
      } catch (IOException ignored) {
        // The file is deleted next; a close failure changes nothing.
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Best effort: a leftover .part file is hidden and named for its target.
      }
    }
  }
}
