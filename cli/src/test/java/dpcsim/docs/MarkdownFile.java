package dpcsim.docs;

import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Markdown file of the repository as lines, with its ```-fenced blocks located. A block's {@code
 * first} and {@code end} are the line indices of its content: {@code lines[first..end)}, between
 * the opening and the closing fence.
 */
final class MarkdownFile {
  /** The comment that, on the line before a fence, exempts the block from the excerpt test. */
  static final String NOT_CHECKED = "<!-- excerpt not checked:";

  final Path path;
  final List<String> lines;

  /** One fenced block. */
  record Block(int first, int end, boolean exempt) {
    /** The block's first content line, or "" for an empty block. */
    String head(List<String> lines) {
      return first < end ? lines.get(first) : "";
    }
  }

  private MarkdownFile(Path path, List<String> lines) {
    this.path = path;
    this.lines = lines;
  }

  static MarkdownFile read(Path path) {
    try {
      return new MarkdownFile(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the path relative to the repository root, as failure messages name it
   */
  String name() {
    return ExampleScenarios.repoRoot().relativize(path).toString();
  }

  /**
   * @return every fenced block, in file order
   */
  List<Block> blocks() {
    List<Block> out = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      if (open < 0) {
        open = i;
      } else {
        out.add(new Block(open + 1, i, exempt(open)));
        open = -1;
      }
    }
    if (open >= 0) {
      throw new AssertionError(name() + ":" + (open + 1) + ": a fenced block is never closed");
    }
    return out;
  }

  /** True if the line before the fence at {@code fence} is the {@link #NOT_CHECKED} comment. */
  private boolean exempt(int fence) {
    return fence > 0 && lines.get(fence - 1).startsWith(NOT_CHECKED);
  }

  /**
   * @return the text with lines outside fenced blocks only (links and paths are checked there)
   */
  List<String> prose() {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        out.add("");
      } else {
        out.add(inBlock ? "" : line);
      }
    }
    return out;
  }

  void write(List<String> newLines) {
    try {
      Files.write(path, newLines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the user-facing Markdown files: every {@code README.md} outside build output, and
   *     everything under {@code docs/}
   */
  static List<Path> all() {
    Path root = ExampleScenarios.repoRoot();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> isDocumentation(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isDocumentation(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      if (s.startsWith(".") || s.equals("target") || s.equals("node_modules")) {
        return false;
      }
    }
    return relative.getFileName().toString().equals("README.md") || relative.startsWith("docs");
  }
}
