package dpcsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) document as a small tree that remembers where each piece came from. Jackson's
 * own {@code JsonNode} drops locations, and every validation error must name a line and column, so
 * the loader builds this instead. Mappings keep file order; duplicate keys never get this far.
 */
sealed interface YamlNode {

  /** A 1-based line and column in the source text. */
  record Mark(int line, int column) {}

  /**
   * @return where the node starts
   */
  Mark mark();

  /**
   * @return how an error message names this kind of node ("a mapping", "a list", ...)
   */
  String describe();

  /** What a plain or quoted scalar resolved to, as YAML 1.1 (Jackson's YAMLParser) reads it. */
  enum Kind {
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL
  }

  /** A scalar with its source text (e.g. {@code 0x500}, {@code 2us}) and resolved kind. */
  record Scalar(String text, Kind kind, Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return kind == Kind.NULL ? "null" : "the scalar " + ScenarioText.quote(text);
    }
  }

  /** A list. */
  record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** One key of a mapping, with the key's own position (for "unknown key" errors). */
  record Entry(String key, Mark keyMark, YamlNode value) {}

  /** A mapping, in file order. */
  record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }
}
