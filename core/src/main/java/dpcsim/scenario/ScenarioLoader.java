package dpcsim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads and validates scenario files (docs/scenario-format.md). Loading is all-or-nothing: the
 * result is a fully checked {@link Scenario} with every default applied, or a {@link
 * ScenarioException} describing the first problem found as one line with file, line, column and
 * field path. Engines can therefore trust every name, processor number and duration they get.
 */
public final class ScenarioLoader {
  /** Parses so far in this JVM (every call of {@link #parse}), for tests that count them. */
  private static final AtomicLong PARSES = new AtomicLong();

  private ScenarioLoader() {}

  /**
   * @return how many times this JVM parsed a scenario text (tests use it to count parses per run)
   */
  public static long parses() {
    return PARSES.get();
  }

  /**
   * @param file a YAML or JSON scenario
   * @param knownProfiles the profile names an explicit {@code profile} may take
   * @return the validated scenario, with {@code source} = {@code file} as given
   * @throws ScenarioException if the file cannot be read, is longer than {@link
   *     ScenarioLimits#MAX_CHARS} characters, is not YAML, or fails validation
   */
  public static Scenario load(Path file, Set<String> knownProfiles) throws ScenarioException {
    return parse(read(file), file.toString(), knownProfiles);
  }

  /**
   * @return the text of {@code file}, checked against the size limit, for {@link #parse} (or {@link
   *     ParsedScenarios#parse}) with {@code file.toString()} as the source name
   * @throws ScenarioException if the file cannot be read or is larger than {@link
   *     ScenarioLimits#MAX_FILE_BYTES}
   */
  public static String read(Path file) throws ScenarioException {
    String source = file.toString();
    String text;
    try {
      long bytes = Files.size(file);
      if (bytes > ScenarioLimits.MAX_FILE_BYTES) {
        throw tooLong(source, bytes + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(source, "", "cannot read: " + reason(e));
    }
    return text;
  }

  /**
   * @param yamlText the scenario text, YAML or JSON
   * @param sourceName the name errors report and {@link Scenario#source()} keeps; its base name
   *     without extension is the default scenario name
   * @param knownProfiles the profile names an explicit {@code profile} may take
   * @return the validated scenario
   * @throws ScenarioException if the text is longer than {@link ScenarioLimits#MAX_CHARS}
   *     characters, is not YAML, or fails validation
   */
  public static Scenario parse(String yamlText, String sourceName, Set<String> knownProfiles)
      throws ScenarioException {
    return parse(yamlText, sourceName, knownProfiles, List.of());
  }

  /**
   * As {@link #parse(String, String, Set)}, with the command line's {@code --set PATH=VALUE}
   * overrides applied to the text's tree first ({@link ScenarioSets}): each value is checked as the
   * same value in the file would be, and an error about it names its {@code --set}.
   */
  public static Scenario parse(
      String yamlText, String sourceName, Set<String> knownProfiles, List<String> sets)
      throws ScenarioException {
    Objects.requireNonNull(knownProfiles, "knownProfiles");
    PARSES.incrementAndGet();
    if (yamlText.length() > ScenarioLimits.MAX_CHARS) {
      int chars = yamlText.codePointCount(0, yamlText.length());
      if (chars > ScenarioLimits.MAX_CHARS) {
        throw tooLong(sourceName, chars + " characters");
      }
    }
    YamlNode root = YamlTreeBuilder.build(yamlText, sourceName);
    if (sets.isEmpty()) {
      return ScenarioReader.read(root, sourceName, baseName(sourceName), knownProfiles);
    }
    try {
      return ScenarioReader.read(
          ScenarioSets.apply(root, sets), sourceName, baseName(sourceName), knownProfiles);
    } catch (ScenarioException e) {
      throw ScenarioSets.attribute(e, sets);
    }
  }

  /** Checked before parsing, so a huge file is refused at once instead of parsed for minutes. */
  private static ScenarioException tooLong(String source, String size) {
    return new ScenarioException(
        source,
        "",
        "the scenario is too long: "
            + size
            + " (at most "
            + ScenarioLimits.MAX_CHARS
            + " characters, 3 MiB)");
  }

  /**
   * @return {@code scenarios/nic-storm.yaml} -> {@code nic-storm}
   */
  static String baseName(String sourceName) {
    int slash = Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\'));
    String file = sourceName.substring(slash + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private static String reason(IOException e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "NoSuchFileException" -> "no such file";
      case "AccessDeniedException" -> "permission denied";
      case "MalformedInputException" -> "not UTF-8 text";
      default -> e.getMessage() == null ? kind : e.getMessage().replaceAll("\\s+", " ");
    };
  }
}
