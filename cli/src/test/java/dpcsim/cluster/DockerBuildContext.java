package dpcsim.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a {@code docker build} of the repository would give its Maven build stage, worked out
 * without a Docker engine: the build context (the tree less what .dockerignore excludes, with
 * Docker's pattern rules), then what the build stage's COPY instructions take from it. {@link
 * #missing} names every file a Maven build of the root pom needs that would not arrive: each
 * module's pom.xml and sources (the root pom's {@code <module>} list, followed into nested
 * modules), and the Maven wrapper when the stage runs {@code ./mvnw}.
 */
final class DockerBuildContext {
  private DockerBuildContext() {}

  /** One Dockerfile instruction: its keyword (upper case) and the rest of its line. */
  record Instruction(String keyword, String args) {}

  /** A build stage: its FROM line's arguments and its instructions. */
  record Stage(String from, List<Instruction> instructions) {}

  /**
   * @return the files a Maven build needs that {@code dockerfile} (with {@code dockerignore}) would
   *     not copy into a stage that runs Maven, as repository paths; empty when all arrive
   */
  static List<String> missing(Path root, String dockerfile, String dockerignore) {
    List<Stage> stages = stages(dockerfile);
    List<Stage> mavenStages =
        stages.stream()
            .filter(
                s ->
                    s.instructions().stream()
                        .anyMatch(
                            i ->
                                i.keyword().equals("RUN")
                                    && Pattern.compile("(^|[\\s/])(mvn|mvnw)\\b")
                                        .matcher(i.args())
                                        .find()))
            .toList();
    if (mavenStages.isEmpty()) {
      return List.of("(no stage of the Dockerfile runs mvn or ./mvnw)");
    }
    List<Pattern[]> ignore = new ArrayList<>();
    List<Boolean> negated = new ArrayList<>();
    for (String line : dockerignore.split("\n")) {
      String p = line.strip();
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      boolean neg = p.startsWith("!");
      if (neg) {
        p = p.substring(1).strip();
      }
      p = clean(p);
      ignore.add(new Pattern[] {glob(p)});
      negated.add(neg);
    }
    List<String> needed = neededFiles(root);
    List<String> problems = new ArrayList<>();
    for (Stage stage : mavenStages) {
      List<String> sources = new ArrayList<>();
      for (Instruction i : stage.instructions()) {
        if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
          List<String> words = words(i.args());
          if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
            continue;
          }
          List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
          if (paths.size() >= 2) {
            paths.subList(0, paths.size() - 1).forEach(s -> sources.add(clean(s)));
          }
        }
      }
      boolean usesWrapper =
          stage.instructions().stream()
              .anyMatch(i -> i.keyword().equals("RUN") && i.args().contains("./mvnw"));
      List<String> want = new ArrayList<>(needed);
      if (usesWrapper) {
        want.add("mvnw");
        want.add(".mvn/wrapper/maven-wrapper.properties");
      }
      for (String file : want) {
        if (!sentInContext(file, ignore, negated)) {
          problems.add(file + " (excluded by .dockerignore)");
        } else if (sources.stream().noneMatch(s -> covers(s, file))) {
          problems.add(file + " (no COPY in the build stage takes it)");
        }
      }
    }
    return problems;
  }

  /** The stages of a Dockerfile: continuation lines joined, comments dropped. */
  static List<Stage> stages(String dockerfile) {
    List<Stage> stages = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    List<Instruction> current = null;
    for (String raw : (dockerfile + "\n").split("\n", -1)) {
      String line = raw.strip();
      if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      String text = logical.toString().strip();
      logical.setLength(0);
      if (text.isEmpty()) {
        continue;
      }
      int space = text.indexOf(' ');
      String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase();
      String args = space < 0 ? "" : text.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        current = new ArrayList<>();
        stages.add(new Stage(args, current));
      } else if (current != null) {
        current.add(new Instruction(keyword, args));
      }
    }
    return stages;
  }

  /** The words of an instruction: a JSON array's strings, or whitespace-separated words. */
  static List<String> words(String args) {
    String a = args.strip();
    List<String> out = new ArrayList<>();
    if (a.startsWith("[")) {
      var m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(a);
      while (m.find()) {
        out.add(m.group(1).replace("\\\"", "\""));
      }
      return out;
    }
    for (String w : a.split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** What the root pom's build reads: the root pom, each module's pom and its src/ tree. */
  static List<String> neededFiles(Path root) {
    Set<String> files = new LinkedHashSet<>();
    files.add("pom.xml");
    for (String module : modules(root, "")) {
      files.add(module + "/pom.xml");
      Path src = root.resolve(module).resolve("src");
      if (Files.isDirectory(src)) {
        try (Stream<Path> s = Files.walk(src)) {
          s.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ArrayList<>(files);
  }

  /**
   * @return the modules of the pom in {@code root/dir} and, recursively, theirs, as repository
   *     paths
   */
  static List<String> modules(Path root, String dir) {
    Path pom = root.resolve(dir).resolve("pom.xml");
    List<String> out = new ArrayList<>();
    if (!Files.isRegularFile(pom)) {
      return out; // a missing module pom: neededFiles lists it, and missing() reports it
    }
    Document doc;
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      doc = f.newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e, e);
    }
    for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("modules")) {
        NodeList list = e.getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
          String m =
              clean((dir.isEmpty() ? "" : dir + "/") + list.item(i).getTextContent().strip());
          out.add(m);
          out.addAll(modules(root, m));
        }
      }
    }
    return out;
  }

  /**
   * Docker's rule: the last pattern that matches the file or one of its parent folders decides; a
   * {@code !} pattern puts it back.
   */
  static boolean sentInContext(String file, List<Pattern[]> ignore, List<Boolean> negated) {
    boolean excluded = false;
    for (int i = 0; i < ignore.size(); i++) {
      if (matchesOrParentMatches(ignore.get(i)[0], file)) {
        excluded = !negated.get(i);
      }
    }
    return !excluded;
  }

  private static boolean matchesOrParentMatches(Pattern p, String file) {
    if (p.matcher(file).matches()) {
      return true;
    }
    for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      if (p.matcher(file.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether COPY source {@code source} (a path or glob, "." for all) takes {@code file}. */
  static boolean covers(String source, String file) {
    if (source.equals(".")) {
      return true;
    }
    return matchesOrParentMatches(glob(source), file);
  }

  /** A Docker (Go filepath.Match, with {@code **}) pattern as a regular expression. */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
            i++;
            re.append("(?:.*/)?"); // **/ : any number of folders, none included
          } else {
            re.append(".*");
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** Go's filepath.Clean as Docker applies it to patterns and sources, less a leading slash. */
  static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..") && !parts.isEmpty()) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return parts.isEmpty() ? "." : String.join("/", parts);
  }
}
