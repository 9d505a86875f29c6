package dpcsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CodePointReader} replaces SnakeYAML's reader for speed only: on any text YAML allows, the
 * parser must see the same tokens, texts, positions and errors as with SnakeYAML's own reader.
 */
@DisplayName("CodePointReader: the same tokens, positions and errors as SnakeYAML's reader")
class CodePointReaderTest {
  private static final YAMLFactory STOCK = new YAMLFactory();
  private static final YAMLFactory LINEAR = new LinearYamlFactory();

  static Stream<String> texts() throws IOException {
    List<String> texts = new ArrayList<>();
    Path resources = Path.of("src/test/resources/scenarios");
    Path examples = Path.of("../scenarios");
    for (Path dir : List.of(resources, examples)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          texts.add(Files.readString(f));
        }
      }
    }
    assertFalse(texts.size() < 5, "the example scenarios were not found");
    texts.addAll(
        List.of(
            ScenarioFixtures.BASE + "  - { at: 0us, cpu: 0, do: insert, dpc: a }\n",
            "a: 1\r\nb: [1, 2]\r\nc: { d: x }\r\n",
            "a: 1\rb: 2\r",
            "\ufeffa: 1\nb: 2\n",
            "name: \"tab\\there \\e[31m \\u00e9\"\nx: 'it''s'\n",
            "name: caf\u00e9 \ud83d\ude80 rocket\nnext:\u0085  - 1\n",
            "a: \u2028b\n",
            "text: |\n  line one\n  line two\n\nmore: >-\n  folded\n  text\n",
            "multi: \"first\n  second\n\n  third\"\nplain: a\n  b\n  c\n",
            "{\"json\": [1, 2.5, true, null, \"s\"], \"k\": {\"n\": -3}}",
            "# only a comment\n",
            "",
            "a: [1\nb: 2\n",
            "a: b: c\n",
            "a: 'unterminated\n",
            "- a\n- b\nc: d\n",
            "a:\n\t- tab\n",
            "key: value # comment\n# " + "x".repeat(5000) + "\nz: 1\n"));
    return texts.stream();
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("texts")
  void sameAsSnakeYaml(String text) {
    assertEquals(events(STOCK, text), events(LINEAR, text));
  }

  /** Every token with its text and positions, ending with the error if there is one. */
  private static List<String> events(YAMLFactory factory, String text) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = factory.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        out.add(
            t
                + " "
                + p.getText()
                + " at "
                + where(p.currentTokenLocation())
                + " to "
                + where(p.currentLocation()));
      }
    } catch (IOException e) {
      if (!(e instanceof com.fasterxml.jackson.core.JsonProcessingException j)) {
        throw new UncheckedIOException(e);
      }
      out.add("error " + j.getOriginalMessage() + " at " + where(j.getLocation()));
    }
    return out;
  }

  private static String where(JsonLocation loc) {
    return loc == null
        ? "-"
        : loc.getLineNr() + ":" + loc.getColumnNr() + "@" + loc.getCharOffset();
  }
}
