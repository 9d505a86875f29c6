package dpcsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns YAML text into a {@link YamlNode} tree by walking Jackson's streaming parser, recording the
 * line and column of every key and value. It rejects what a plain tree cannot hold faithfully:
 * duplicate keys (Jackson would keep the last one silently), aliases, and several documents in one
 * file.
 */
final class YamlTreeBuilder {
  private static final YAMLFactory FACTORY = new LinearYamlFactory();

  private final String source;
  private final YAMLParser parser;

  private YamlTreeBuilder(String source, YAMLParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /**
   * @param text YAML or JSON
   * @param source the name used in error messages
   * @return the single document's root node
   * @throws ScenarioException on a syntax error, an empty input, a duplicate key, an alias, or a
   *     second document
   */
  static YamlNode build(String text, String source) throws ScenarioException {
    try (YAMLParser parser = FACTORY.createParser(text)) {
      YamlTreeBuilder builder = new YamlTreeBuilder(source, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ScenarioException(source, "", "the file is empty (expected a scenario mapping)");
      }
      YamlNode root = builder.value(first, "");
      if (parser.nextToken() != null) {
        YamlNode.Mark at = builder.mark(parser.currentTokenLocation());
        throw new ScenarioException(
            source, at.line(), at.column(), "", "only one YAML document is allowed per scenario");
      }
      return root;
    } catch (StreamReadException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
      int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
      if (e.getCause() instanceof CodePointReader.NotPrintable n) {
        line = n.getProblemMark().getLine() + 1;
        column = n.getProblemMark().getColumn() + 1;
      }
      throw new ScenarioException(
          source, line, column, "", "YAML syntax error: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ScenarioException(source, "", "cannot parse: " + oneLine(e.getMessage()));
    }
  }

  private YamlNode value(JsonToken token, String path) throws IOException, ScenarioException {
    YamlNode.Mark at = mark(parser.currentTokenLocation());
    if (parser.isCurrentAlias()) {
      throw new ScenarioException(
          source,
          at.line(),
          at.column(),
          path,
          "YAML aliases (*" + ScenarioText.bare(parser.getText()) + ") are not supported");
    }
    return switch (token) {
      case START_OBJECT -> mapping(at, path);
      case START_ARRAY -> sequence(at, path);
      case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.STRING, at);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new YamlNode.Scalar(parser.getText(), YamlNode.Kind.NUMBER, at);
      case VALUE_TRUE -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.TRUE, at);
      case VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.FALSE, at);
      case VALUE_NULL -> new YamlNode.Scalar(parser.getText(), YamlNode.Kind.NULL, at);
      default ->
          throw new ScenarioException(
              source, at.line(), at.column(), path, "unsupported YAML content: " + token);
    };
  }

  private YamlNode mapping(YamlNode.Mark at, String path) throws IOException, ScenarioException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (JsonToken t = next(at, path); t != JsonToken.END_OBJECT; t = next(at, path)) {
      String key = parser.currentName();
      YamlNode.Mark keyMark = mark(parser.currentTokenLocation());
      String childPath = Cursor.child(path, key);
      YamlNode.Entry previous = entries.get(key);
      if (previous != null) {
        throw new ScenarioException(
            source,
            keyMark.line(),
            keyMark.column(),
            childPath,
            "duplicate key "
                + ScenarioText.quote(key)
                + " (first at line "
                + previous.keyMark().line()
                + ", column "
                + previous.keyMark().column()
                + ")");
      }
      YamlNode value = value(next(keyMark, childPath), childPath);
      entries.put(key, new YamlNode.Entry(key, keyMark, value));
    }
    return new YamlNode.Mapping(entries, at);
  }

  private YamlNode sequence(YamlNode.Mark at, String path) throws IOException, ScenarioException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = next(at, path); t != JsonToken.END_ARRAY; t = next(at, path)) {
      items.add(value(t, Cursor.index(path, items.size())));
    }
    return new YamlNode.Sequence(items, at);
  }

  /** The next token; the YAML parser balances its events, so an early end is a truncated file. */
  private JsonToken next(YamlNode.Mark openedAt, String path)
      throws IOException, ScenarioException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw new ScenarioException(
          source, openedAt.line(), openedAt.column(), path, "unexpected end of input");
    }
    return t;
  }

  private YamlNode.Mark mark(JsonLocation loc) {
    return new YamlNode.Mark(loc.getLineNr(), loc.getColumnNr());
  }

  /** SnakeYAML messages span several lines with a source excerpt; keep the sentences only. */
  private static String oneLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    StringJoiner joined = new StringJoiner(": ");
    for (String line : message.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("in '")) {
        joined.add(line.strip());
      }
    }
    return joined.length() == 0 ? message.strip().replaceAll("\\s+", " ") : joined.toString();
  }
}
