package dpcsim.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output file written all-or-nothing: bytes go to a hidden part file beside the target (named by
 * {@link PartFiles}), which replaces the target only on {@link #commit()}. A run that fails or is
 * interrupted leaves no half-written file. Every error names the user's file and the system's
 * reason, never the part file.
 */
final class OutputFile implements AutoCloseable {
  /** Parts neither committed nor closed yet: what {@link #deleteOpenParts} deletes. */
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  private final String what;
  private final Path given;
  private final Path target;
  private final Path part;
  private final FileChannel channel;
  private final OutputStream out;
  private boolean committed;

  private OutputFile(String what, Path given, Path target, Path part, FileChannel channel) {
    this.what = what;
    this.given = given;
    this.target = target;
    this.part = part;
    this.channel = channel;
    this.out =
        new BufferedOutputStream(
            new Named(Channels.newOutputStream(channel), what + " " + given, part, target),
            1 << 16);
  }

  /**
   * Checks that {@code target} can be written and opens its part file; first deletes the parts that
   * killed processes left in its folder ({@link PartFiles#removeOrphans}).
   *
   * @param what what the file is, for error messages ({@code --trace})
   * @param force overwrite an existing file
   * @throws UserError if the file exists without {@code force}, its folder is missing, or the part
   *     cannot be created there (the reason, e.g. "permission denied")
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
    if (dir == null || !Files.exists(dir)) {
      throw new UserError(what + " " + target + ": folder " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new UserError(what + " " + target + ": " + dir + " is not a folder");
    }
    PartFiles.removeOrphans(dir);
    Path part = dir.resolve(PartFiles.nameFor(abs.getFileName().toString()));
    FileChannel channel;
    try {
      // Not Files.createTempFile: that one is private (0600), and the renamed result should have
      // the permissions any new file gets (umask).
      channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      // Permission bits do not stop root: the system's answer, not a guess from them, is the
      // reason.
      throw new UserError(what + " " + target + ": " + reason(e, part, target));
    }
    OPEN.add(part);
    try {
      channel.lock();
    } catch (IOException e) {
      // A file system without locks: the part's name still keeps other processes off it.
    }
    return new OutputFile(what, target, abs, part, channel);
  }

  /**
   * @return the system's reason for {@code e} in lower case ("permission denied", "no space left on
   *     device"), with {@code part} named as {@code target} should the reason mention it
   */
  static String reason(IOException e, Path part, Path target) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileSystemException f) {
      reason = f.getReason() != null ? f.getReason() : "cannot write";
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    reason = reason.replace(part.toString(), target.toString());
    reason = reason.replace(part.getFileName().toString(), target.getFileName().toString());
    return reason.isEmpty()
        ? reason
        : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }

  OutputStream stream() {
    return out;
  }

  /**
   * Moves the finished file into place.
   *
   * @throws UserError naming the file if the last bytes cannot be written or the file not moved
   */
  void commit() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UserError(what + " " + given + ": " + reason(e, part, target));
    }
    try {
      try {
        Files.move(
            part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UserError(what + " " + given + ": " + reason(e, part, target));
    }
    committed = true;
    OPEN.remove(part);
  }

  /** Deletes the part file unless committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        // The channel, not the buffered stream: flushing bytes into a file about to go is waste.
        channel.close();
      } catch (IOException ignored) {
        // The file is deleted next; a close failure changes nothing.
      }
      deletePart(part);
    }
  }

  /**
   * Deletes every part file this process has open, for a process about to halt without running its
   * commands' clean-up; the writers may still be writing (on POSIX the file simply goes).
   */
  static void deleteOpenParts() {
    for (Path p : OPEN) {
      deletePart(p);
    }
  }

  private static void deletePart(Path part) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException ignored) {
      // Best effort: a part left behind is hidden, and the next run in its folder removes it.
    }
    OPEN.remove(part);
  }

  /**
   * A part's stream with every write error turned into a {@link UserError} naming the user's file:
   * the trace writer wraps only {@code IOException}s, so it reaches the user unchanged.
   */
  static final class Named extends FilterOutputStream {
    private final String file;
    private final Path part;
    private final Path target;

    /**
     * @param file the option and the file as the user gave them ({@code --trace t.jsonl})
     */
    Named(OutputStream out, String file, Path part, Path target) {
      super(out);
      this.file = file;
      this.part = part;
      this.target = target;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public void write(int b) {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw failure(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw failure(e);
      }
    }

    private UserError failure(IOException e) {
      return new UserError(file + ": " + reason(e, part, target));
    }
  }
}
