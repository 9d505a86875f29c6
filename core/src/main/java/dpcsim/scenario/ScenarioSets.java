package dpcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's {@code --set PATH=VALUE} overrides, applied to a scenario's tree before it is
 * read, so a value is checked exactly as the same value in the file would be. {@code PATH} is the
 * dotted field path errors print ({@code dpcs.nicRx.target}, {@code devices.nic.isr.then[0]});
 * missing mappings on the way are created, so {@code dpcs.nicRx.threaded=true} adds a key. {@code
 * VALUE} is YAML: a scalar ({@code 3}, {@code 40000/s}), or a flow list or mapping ({@code [0, 1]},
 * {@code { exp: 20us }}).
 *
 * <p>Nodes a setting brings carry the mark line {@code -(k + 1)} for the k-th setting, so an error
 * about them names the flag, not a line of the file ({@link #attribute}).
 */
public final class ScenarioSets {
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[[0-9]{1,6}\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

  private ScenarioSets() {}

  /** One {@code --set}: the path's segments and the value's text. */
  private record Setting(String spelling, List<Object> steps, String value) {}

  /**
   * @return the path of setting {@code spec} ({@code PATH=VALUE})
   * @throws ScenarioException (naming the flag) if it is not {@code PATH=VALUE} with a field path
   */
  public static String path(String spec) throws ScenarioException {
    parse(spec);
    return spec.substring(0, spec.indexOf('='));
  }

  private static Setting parse(String spec) throws ScenarioException {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new ScenarioException(
          "--set " + spec, "", "expected PATH=VALUE, e.g. dpcs.nicRx.target=3");
    }
    String path = spec.substring(0, eq);
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw new ScenarioException(
            "--set " + spec,
            "",
            "the path "
                + ScenarioText.quote(path)
                + " is not a field path (keys joined by '.', list items as [N], e.g."
                + " devices.nic.isr.then[0])");
      }
      steps.add(m.group(1));
      Matcher i = INDEX.matcher(m.group(2));
      while (i.find()) {
        steps.add(Integer.parseInt(i.group(1)));
      }
    }
    return new Setting(spec, steps, spec.substring(eq + 1));
  }

  /**
   * @return {@code root} with each setting applied in order (a later one wins)
   * @throws ScenarioException naming the flag if a setting is malformed, its value is not YAML, or
   *     its path runs into something that is not a mapping or list
   */
  static YamlNode apply(YamlNode root, List<String> specs) throws ScenarioException {
    YamlNode out = root;
    for (int k = 0; k < specs.size(); k++) {
      Setting s = parse(specs.get(k));
      YamlNode value;
      try {
        value =
            YamlTreeBuilder.build(s.value().isEmpty() ? "''" : s.value(), "--set " + s.spelling());
      } catch (ScenarioException e) {
        throw new ScenarioException(
            "--set " + s.spelling(), "", "the value is not YAML: " + e.detail());
      }
      out = put(out, s, 0, "", remark(value, -(k + 1)), -(k + 1));
    }
    return out;
  }

  private static YamlNode put(
      YamlNode node, Setting s, int i, String path, YamlNode value, int line)
      throws ScenarioException {
    if (i == s.steps().size()) {
      return value;
    }
    Object step = s.steps().get(i);
    if (step instanceof String key) {
      String here = path.isEmpty() ? key : path + "." + key;
      YamlNode.Mapping m;
      if (node instanceof YamlNode.Mapping mapping) {
        m = mapping;
      } else if (node == null) {
        m = new YamlNode.Mapping(Map.of(), new YamlNode.Mark(line, 1));
      } else {
        throw notA(s, path, node, "a mapping");
      }
      Map<String, YamlNode.Entry> entries = new LinkedHashMap<>(m.entries());
      YamlNode.Entry old = entries.get(key);
      YamlNode.Mark keyMark = old == null ? new YamlNode.Mark(line, 1) : old.keyMark();
      YamlNode child = old == null ? null : old.value();
      entries.put(key, new YamlNode.Entry(key, keyMark, put(child, s, i + 1, here, value, line)));
      return new YamlNode.Mapping(entries, m.mark());
    }
    int index = (Integer) step;
    String here = path + "[" + index + "]";
    if (!(node instanceof YamlNode.Sequence seq)) {
      throw notA(s, path, node, "a list");
    }
    if (index > seq.items().size()) {
      throw new ScenarioException(
          "--set " + s.spelling(),
          "",
          path
              + " has "
              + seq.items().size()
              + " items: "
              + here
              + " is past its end (an index up to "
              + seq.items().size()
              + " sets or appends one)");
    }
    List<YamlNode> items = new ArrayList<>(seq.items());
    if (index == items.size()) {
      items.add(put(null, s, i + 1, here, value, line));
    } else {
      items.set(index, put(items.get(index), s, i + 1, here, value, line));
    }
    return new YamlNode.Sequence(items, seq.mark());
  }

  private static ScenarioException notA(Setting s, String path, YamlNode node, String what) {
    return new ScenarioException(
        "--set " + s.spelling(),
        "",
        (path.isEmpty() ? "the scenario" : path)
            + " is "
            + (node == null ? "missing" : node.describe())
            + ", not "
            + what);
  }

  /** The value's nodes, marked as coming from setting {@code line}. */
  private static YamlNode remark(YamlNode node, int line) {
    if (node instanceof YamlNode.Scalar sc) {
      return new YamlNode.Scalar(sc.text(), sc.kind(), new YamlNode.Mark(line, sc.mark().column()));
    }
    if (node instanceof YamlNode.Sequence seq) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        items.add(remark(item, line));
      }
      return new YamlNode.Sequence(items, new YamlNode.Mark(line, seq.mark().column()));
    }
    YamlNode.Mapping m = (YamlNode.Mapping) node;
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      entries.put(
          e.key(),
          new YamlNode.Entry(
              e.key(), new YamlNode.Mark(line, e.keyMark().column()), remark(e.value(), line)));
    }
    return new YamlNode.Mapping(entries, new YamlNode.Mark(line, m.mark().column()));
  }

  /**
   * @return {@code e} as an error of the setting it is about, if a setting brought the node it
   *     names ({@code --set dpcs.nicRx.target=9: dpcs.nicRx.target: ...}); else {@code e}
   */
  static ScenarioException attribute(ScenarioException e, List<String> specs) {
    if (e.line() >= 0 || -e.line() > specs.size()) {
      return e;
    }
    return new ScenarioException("--set " + specs.get(-e.line() - 1), 0, 0, e.path(), e.detail());
  }
}
