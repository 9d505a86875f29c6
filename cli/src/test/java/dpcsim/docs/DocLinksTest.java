package dpcsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dpcsim.ExampleScenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The READMEs and {@code docs/} point only at what the repository holds: every link resolves to a
 * file or folder of the repository, every {@code .md} file the prose names exists, nothing refers
 * to the team's shared folder, a link to {@code page.md#anchor} names a heading of that page (as
 * GitHub makes anchors of headings), a link named {@code Class.member} to a Java file names a
 * member that file declares, and a block marked {@code <!-- file: PATH -->} is that file's text.
 */
@DisplayName("Documentation links and paths exist in the repository")
class DocLinksTest {
  private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\[([^\\]]+)\\]");
  private static final Pattern DEFINITION = Pattern.compile("^\\[([^\\]]+)\\]:\\s*(\\S+)\\s*$");

  /**
   * A path to a Markdown file, as prose writes it: {@code docs/trace-format.md}, {@code ../x.md}.
   */
  private static final Pattern MD_PATH =
      Pattern.compile("(?<![\\w/.-])((?:[\\w.-]+/)*[\\w-]+\\.md)\\b");

  /** {@code Class.member}, possibly in backticks, as a link's text. */
  private static final Pattern MEMBER = Pattern.compile("`?(\\w+)\\.(\\w+)`?");

  private static final Pattern HEADING = Pattern.compile("#{1,6} (.+)");

  private static final Pattern FILE_MARKER = Pattern.compile("<!-- file: (\\S+) -->");

  static Stream<String> files() {
    Path root = ExampleScenarios.repoRoot();
    return MarkdownFile.all().stream().map(p -> root.relativize(p).toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("links resolve, named .md files exist, no shared-folder references")
  void links(String name) throws IOException {
    Path root = ExampleScenarios.repoRoot();
    MarkdownFile md = MarkdownFile.read(root.resolve(name));
    Path dir = md.path.getParent();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < md.lines.size(); i++) {
      String lower = md.lines.get(i).toLowerCase(Locale.ROOT);
      if (lower.contains("shared folder") || lower.contains("/work/")) {
        problems.add(name + ":" + (i + 1) + ": refers to a place outside the repository");
      }
    }
    List<String> prose = md.prose();
    Map<String, String> definitions = new HashMap<>();
    for (String line : prose) {
      Matcher m = DEFINITION.matcher(line);
      if (m.matches()) {
        definitions.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
      }
    }
    for (int i = 0; i < prose.size(); i++) {
      String line = prose.get(i);
      String where = name + ":" + (i + 1) + ": ";
      List<String[]> links = new ArrayList<>();
      Matcher m = INLINE_LINK.matcher(line);
      while (m.find()) {
        links.add(new String[] {m.group(1), m.group(2)});
      }
      m = REFERENCE_LINK.matcher(line);
      while (m.find()) {
        String target = definitions.get(m.group(2).toLowerCase(Locale.ROOT));
        if (target == null) {
          problems.add(where + "no definition for the link label [" + m.group(2) + "]");
        } else {
          links.add(new String[] {m.group(1), target});
        }
      }
      m = DEFINITION.matcher(line);
      if (m.matches()) {
        links.add(new String[] {"", m.group(2)});
      }
      for (String[] link : links) {
        checkLink(root, md.path, link[0], link[1], where, problems);
      }
      m = MD_PATH.matcher(line);
      while (m.find()) {
        String path = m.group(1);
        if (!isExternal(line, m.start()) && !exists(root, dir, path)) {
          problems.add(where + "names " + path + ", which is not in the repository");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("a block marked <!-- file: PATH --> shows that file as it is")
  void quotedFiles(String name) throws IOException {
    Path root = ExampleScenarios.repoRoot();
    MarkdownFile md = MarkdownFile.read(root.resolve(name));
    for (MarkdownFile.Block b : md.blocks()) {
      Matcher m = FILE_MARKER.matcher(b.first() >= 2 ? md.lines.get(b.first() - 2) : "");
      if (m.matches()) {
        Path file = root.resolve(m.group(1));
        assertTrue(Files.isRegularFile(file), name + ": no file " + m.group(1));
        assertEquals(
            Files.readAllLines(file, StandardCharsets.UTF_8),
            md.lines.subList(b.first(), b.end()),
            name + ":" + b.first() + ": the block differs from " + m.group(1));
      }
    }
  }

  private static void checkLink(
      Path root, Path page, String text, String target, String where, List<String> problems)
      throws IOException {
    if (target.matches("[a-z]+:.*")) {
      return; // a web address
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    Path resolved = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    if (!resolved.startsWith(root) || !Files.exists(resolved)) {
      problems.add(where + "link to " + target + ", which is not in the repository");
      return;
    }
    if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
      problems.add(where + "link to " + target + ": no such heading in " + resolved.getFileName());
    }
    Matcher member = MEMBER.matcher(text);
    if (path.endsWith(".java") && member.matches()) {
      String cls = member.group(1);
      String name = member.group(2);
      String source = Files.readString(resolved, StandardCharsets.UTF_8);
      if (!resolved.getFileName().toString().equals(cls + ".java")) {
        problems.add(where + "[" + text + "] links to " + target + ", not to " + cls + ".java");
      } else if (!Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(source).find()) {
        problems.add(where + "[" + text + "]: " + cls + ".java has no member " + name);
      }
    }
  }

  /**
   * @return the anchors GitHub gives the headings of a Markdown page: lower case, punctuation other
   *     than {@code -} and {@code _} dropped, spaces made hyphens, repeats numbered
   */
  private static Set<String> anchors(Path page) {
    Set<String> out = new HashSet<>();
    if (!page.toString().endsWith(".md")) {
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (String line : MarkdownFile.read(page).prose()) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String slug =
            m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "");
        slug = slug.replace(' ', '-');
        int n = seen.merge(slug, 1, Integer::sum);
        out.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return out;
  }

  /** True for a match inside a URL (a web page's file name is not a repository path). */
  private static boolean isExternal(String line, int at) {
    int start = line.lastIndexOf(' ', at) + 1;
    String word = line.substring(start, at);
    return word.contains("://") || word.contains("(http");
  }

  private static boolean exists(Path root, Path dir, String path) {
    return Files.exists(dir.resolve(path).normalize()) || Files.exists(root.resolve(path));
  }
}
