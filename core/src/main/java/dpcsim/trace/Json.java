package dpcsim.trace;

/** The few JSON writing helpers the trace needs: keys in a fixed order, no reflection. */
public final class Json {
  private Json() {}

  /** Appends {@code ,"key":value}. */
  public static void num(StringBuilder out, String key, long value) {
    out.append(",\"").append(key).append("\":").append(value);
  }

  /** Appends {@code ,"key":true|false}. */
  public static void bool(StringBuilder out, String key, boolean value) {
    out.append(",\"").append(key).append("\":").append(value);
  }

  /** Appends {@code ,"key":"value"} with JSON escaping. */
  public static void str(StringBuilder out, String key, String value) {
    out.append(",\"").append(key).append("\":");
    quote(out, value);
  }

  /** Appends {@code value} as a JSON string literal. */
  public static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
