package dpcsim.cli;

import static dpcsim.cli.CliTest.assertOneLineError;
import static dpcsim.cli.CliTest.dpcsim;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.cli.CliTest.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge input, as a fuzzer or a new user writes it, gets one short error line: a 50 MB file, a line
 * of 3 million characters, a number of 200,000 digits. (How long a long line takes to parse is
 * {@code LinearParseTest}'s subject; these runs only show the command line's answers.)
 */
@DisplayName("huge input: one short error line")
class LongInputCliTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("a 50 MB file is refused by its size, unread")
  void fiftyMegabytes() throws IOException {
    Path file = tmp.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    assertOneLineError(
        dpcsim("validate", file.toString()),
        file + ": the scenario is too long: 52428800 bytes (at most 3145728 characters, 3 MiB)");
  }

  @Test
  @DisplayName("a comment line of 3,000,000 characters, under the limit, is parsed (no scenario)")
  void longCommentLine() throws IOException {
    Path file = tmp.resolve("comment.yaml");
    Files.writeString(file, "#" + "x".repeat(3_000_000) + "\n");
    assertOneLineError(
        dpcsim("validate", file.toString()),
        file + ": the file is empty (expected a scenario mapping)");
  }

  @Test
  @DisplayName("a 200,000-digit duration is quoted in 80 characters")
  void longNumber() throws IOException {
    Path file = tmp.resolve("number.yaml");
    Files.writeString(file, "processors: 1\nduration: " + "9".repeat(200_000) + "s\n");
    Result r = dpcsim("validate", file.toString());
    assertOneLineError(r, "(200001 characters) is longer than a day");
    assertTrue(r.err().length() < 250 + file.toString().length(), r.err());
  }
}
