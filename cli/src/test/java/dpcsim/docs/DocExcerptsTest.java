package dpcsim.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dpcsim.ExampleScenarios;
import dpcsim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ```-fenced block of the READMEs and {@code docs/} whose first line is {@code $ ./dpcsim
 * ...} is a transcript: each {@code $ } line is a command ({@link ShellLine}) and the lines after
 * it, up to the next {@code $ } line, are its output. This test runs each command in this JVM
 * through {@link Main#execute} (stdout, then stderr unless {@code 2>/dev/null}), from the
 * repository root, and compares the output with the block, so no excerpt can go stale.
 *
 * <p>With {@code -Ddpcsim.regenerate=true} it rewrites the blocks in place with the real output
 * instead of failing:
 *
 * <pre>
 * mvn -B -ntp -q -pl cli -am verify -Dtest=DocExcerptsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddpcsim.regenerate=true
 * </pre>
 *
 * <p>Nothing is normalised but the repository's own path (file arguments are passed absolute, and
 * the absolute prefix is removed from the output again): every figure a block shows, the {@code
 * traceSha256} lines included, must be reproduced exactly. A command whose output depends on the
 * machine or on other processes ({@code bench}'s timings, a {@code --cluster} run, {@code status},
 * long-running {@code coordinator} and {@code node}) is refused; a block showing one must be marked
 * deliberately, with the comment {@code <!-- excerpt not checked: REASON -->} on the line before
 * its fence.
 */
@DisplayName("Documentation excerpts are the real output of the commands they show")
class DocExcerptsTest {
  private static final boolean REGENERATE = Boolean.getBoolean("dpcsim.regenerate");

  /** Subcommands whose output depends on the machine, the clock or other processes. */
  private static final Set<String> UNCHECKABLE = Set.of("bench", "coordinator", "node", "status");

  private static final Pattern MARKER = Pattern.compile("<!-- excerpt not checked: \\S.* -->");

  /** What one dpcsim command line printed, kept so a command shown twice runs once. */
  private record Run(int status, List<String> out, List<String> err) {}

  private static final Map<List<String>, Run> RUNS = new HashMap<>();

  static Stream<String> files() {
    Path root = ExampleScenarios.repoRoot();
    return MarkdownFile.all().stream().map(p -> root.relativize(p).toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("each $ ./dpcsim block shows what its commands print")
  void excerpts(String name) {
    Path root = ExampleScenarios.repoRoot();
    MarkdownFile md = MarkdownFile.read(root.resolve(name));
    List<String> rewritten = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int from = 0;
    int commands = 0;
    long started = System.nanoTime();
    for (MarkdownFile.Block b : md.blocks()) {
      if (b.exempt()) {
        String marker = md.lines.get(b.first() - 2);
        assertTrue(
            MARKER.matcher(marker).matches(),
            name + ":" + (b.first() - 1) + ": say why the block is not checked: " + marker);
        continue;
      }
      if (!b.head(md.lines).startsWith("$ ./dpcsim")) {
        continue;
      }
      rewritten.addAll(md.lines.subList(from, b.first()));
      List<Segment> segments = segments(md, b);
      int status = 0;
      for (Segment s : segments) {
        ShellLine cmd = ShellLine.parse(s.command());
        List<String> actual;
        if (cmd.echoStatus()) {
          actual = List.of(Integer.toString(status));
        } else {
          checkable(cmd, name, s.line());
          Run run = run(cmd.args(), root);
          commands++;
          List<String> shown = new ArrayList<>(run.out());
          for (ShellLine.Filter f : cmd.filters()) {
            shown = new ArrayList<>(f.apply(shown));
          }
          if (!cmd.dropStderr()) {
            shown.addAll(run.err());
          }
          actual = withoutTrailingBlanks(shown);
          status = cmd.filters().isEmpty() ? run.status() : 0;
        }
        if (!actual.equals(s.output())) {
          problems.add(difference(name, s, actual));
        }
        rewritten.add("$ " + s.command());
        rewritten.addAll(actual);
        for (int i = 0; i < s.trailingBlanks(); i++) {
          rewritten.add("");
        }
      }
      from = b.end();
    }
    rewritten.addAll(md.lines.subList(from, md.lines.size()));
    System.out.printf(
        Locale.ROOT,
        "DocExcerptsTest: %s: %d commands, %.1f s%n",
        name,
        commands,
        (System.nanoTime() - started) / 1e9);
    if (problems.isEmpty()) {
      return;
    }
    if (REGENERATE) {
      md.write(rewritten);
      System.out.println("DocExcerptsTest: rewrote " + problems.size() + " excerpt(s) in " + name);
      return;
    }
    fail(
        problems.size()
            + " excerpt(s) in "
            + name
            + " differ from the real output (rewrite them with -Ddpcsim.regenerate=true):\n"
            + String.join("\n", problems));
  }

  @Test
  @DisplayName("the scenario library's README has its excerpts found (the parser sees them)")
  void findsTheLibraryExcerpts() {
    MarkdownFile md =
        MarkdownFile.read(ExampleScenarios.repoRoot().resolve("scenarios").resolve("README.md"));
    long checked =
        md.blocks().stream()
            .filter(b -> !b.exempt() && b.head(md.lines).startsWith("$ ./dpcsim"))
            .count();
    assertTrue(checked >= 15, "only " + checked + " checked blocks in scenarios/README.md");
  }

  /** One command of a block with its expected output (trailing blank lines kept apart). */
  private record Segment(int line, String command, List<String> output, int trailingBlanks) {}

  private static List<Segment> segments(MarkdownFile md, MarkdownFile.Block b) {
    List<Segment> out = new ArrayList<>();
    int i = b.first();
    while (i < b.end()) {
      String command = md.lines.get(i).substring(2);
      int start = i + 1;
      int j = start;
      while (j < b.end() && !md.lines.get(j).startsWith("$ ")) {
        j++;
      }
      List<String> output = md.lines.subList(start, j);
      List<String> trimmed = withoutTrailingBlanks(output);
      out.add(new Segment(i + 1, command, trimmed, output.size() - trimmed.size()));
      i = j;
    }
    return out;
  }

  private static List<String> withoutTrailingBlanks(List<String> lines) {
    int n = lines.size();
    while (n > 0 && lines.get(n - 1).isBlank()) {
      n--;
    }
    return List.copyOf(lines.subList(0, n));
  }

  private static void checkable(ShellLine cmd, String file, int line) {
    String sub = cmd.args().isEmpty() ? "" : cmd.args().get(0);
    if (UNCHECKABLE.contains(sub) || cmd.args().contains("--cluster")) {
      fail(
          file
              + ":"
              + line
              + ": 'dpcsim "
              + sub
              + "' prints what depends on the machine or on other processes; mark the block "
              + MarkdownFile.NOT_CHECKED
              + " REASON --> if it is meant to stay as it is");
    }
  }

  /** Runs dpcsim from the repository root: arguments naming repository files are made absolute. */
  private static Run run(List<String> args, Path root) {
    List<String> resolved = new ArrayList<>();
    for (String a : args) {
      resolved.add(!a.startsWith("-") && Files.exists(root.resolve(a)) ? root.resolve(a) + "" : a);
    }
    return RUNS.computeIfAbsent(
        resolved,
        k -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          long t0 = System.nanoTime();
          int status =
              Main.execute(k.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
          double seconds = (System.nanoTime() - t0) / 1e9;
          System.out.printf(
              Locale.ROOT, "DocExcerptsTest: %.2f s: dpcsim %s%n", seconds, String.join(" ", args));
          String prefix = root + root.getFileSystem().getSeparator();
          return new Run(status, lines(out.toString(), prefix), lines(err.toString(), prefix));
        });
  }

  private static List<String> lines(String text, String rootPrefix) {
    return withoutTrailingBlanks(text.replace(rootPrefix, "").lines().toList());
  }

  private static String difference(String file, Segment s, List<String> actual) {
    List<String> expected = s.output();
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    String want = i < expected.size() ? expected.get(i) : "(end of the excerpt)";
    String got = i < actual.size() ? actual.get(i) : "(end of the output)";
    return String.format(
        "%s:%d: $ %s%n  output line %d%n    excerpt: %s%n    real:    %s",
        file, s.line(), s.command(), i + 1, want, got);
  }
}
