package dpcsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one YAML mapping, seen through its {@link Cursor}. Reading goes by key name, so the
 * readers never depend on key order; {@link #entries()} gives file order where that matters (DPC
 * and device definitions, {@code load.cpus}).
 */
final class Fields {
  private final Cursor cursor;
  private final YamlNode.Mapping mapping;

  Fields(Cursor cursor, YamlNode.Mapping mapping) {
    this.cursor = cursor;
    this.mapping = mapping;
  }

  /** One key and its value's cursor. */
  record Named(String key, Cursor value) {}

  /** Rejects the first key (in file order) outside {@code allowed}, naming the allowed ones. */
  void allowOnly(List<String> allowed) throws ScenarioException {
    for (YamlNode.Entry e : mapping.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw keyError(
            e.key(),
            "unknown key "
                + ScenarioText.quote(e.key())
                + " (allowed keys: "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }

  /**
   * @return true if the key is written, even with a null value
   */
  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  /**
   * @return the key names in file order
   */
  List<String> keys() {
    return new ArrayList<>(mapping.entries().keySet());
  }

  /**
   * @return the value of {@code key}, or null when the key is absent or its value is null
   */
  Cursor optional(String key) {
    YamlNode.Entry e = mapping.entries().get(key);
    if (e == null) {
      return null;
    }
    Cursor c = new Cursor(cursor.source(), e.value(), Cursor.child(cursor.path(), key));
    return c.isNull() ? null : c;
  }

  /**
   * @return the value of {@code key}, which must be present and not null
   */
  Cursor required(String key) throws ScenarioException {
    return required(key, "");
  }

  /**
   * @param hint appended to the "missing" message to say why the key is needed, or ""
   * @return the value of {@code key}, which must be present and not null
   */
  Cursor required(String key, String hint) throws ScenarioException {
    YamlNode.Entry e = mapping.entries().get(key);
    if (e == null) {
      throw missing(key, hint);
    }
    Cursor c = new Cursor(cursor.source(), e.value(), Cursor.child(cursor.path(), key));
    if (c.isNull()) {
      throw c.error("'" + key + "' needs a value" + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }
    return c;
  }

  /**
   * @param hint why the key is needed, or ""
   * @return the error for an absent key, positioned on the mapping that lacks it
   */
  ScenarioException missing(String key, String hint) {
    YamlNode.Mark at = mapping.mark();
    return new ScenarioException(
        cursor.source(),
        at.line(),
        at.column(),
        Cursor.child(cursor.path(), key),
        "missing required key '" + key + "'" + (hint.isEmpty() ? "" : " (" + hint + ")"));
  }

  /**
   * @return every key with its value, in file order (null values included)
   */
  List<Named> entries() {
    List<Named> out = new ArrayList<>();
    for (YamlNode.Entry e : mapping.entries().values()) {
      out.add(
          new Named(
              e.key(),
              new Cursor(cursor.source(), e.value(), Cursor.child(cursor.path(), e.key()))));
    }
    return out;
  }

  /**
   * @return an error positioned on the key itself (not its value), with the key's path
   */
  ScenarioException keyError(String key, String detail) {
    YamlNode.Entry e = mapping.entries().get(key);
    YamlNode.Mark at = e == null ? mapping.mark() : e.keyMark();
    return new ScenarioException(
        cursor.source(), at.line(), at.column(), Cursor.child(cursor.path(), key), detail);
  }
}
