package dpcsim.scenario;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Jackson's YAML factory with one change: its parsers read through a {@link CodePointReader}, so
 * parsing takes time linear in the text's length whatever its lines look like. Jackson's parser
 * takes a ready SnakeYAML parser through a protected constructor, made for this. (The factory's
 * builder is not used: it starts with no parser features, dropping EMPTY_STRING_AS_NULL.)
 */
final class LinearYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  /** SnakeYAML's limits, with the length limit the loader checks first made explicit. */
  private static final LoaderOptions LIMITS = new LoaderOptions();

  static {
    LIMITS.setCodePointLimit(ScenarioLimits.MAX_CHARS);
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
      text.append(buffer, 0, n);
    }
    ParserImpl events = new ParserImpl(new CodePointReader(text.toString()), LIMITS);
    return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, events);
  }

  /** Opens the protected constructor that takes the SnakeYAML parser. */
  private static final class Parser extends YAMLParser {
    Parser(
        IOContext ctxt,
        int parserFeatures,
        int yamlFeatures,
        ObjectCodec codec,
        Reader reader,
        ParserImpl events) {
      super(ctxt, parserFeatures, yamlFeatures, codec, reader, events);
    }
  }
}
