package dpcsim.imports;

import dpcsim.scenario.ScenarioText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV export of WPA's DPC/ISR table, one row per DPC or ISR call. The columns are found by
 * their headings, in any order and among any others WPA adds: {@code Type} ({@code DPC}, {@code
 * ISR} or {@code Interrupt}; WPA also writes {@code ThreadedDPC}, read as a DPC), {@code CPU},
 * {@code Module}, {@code Function}, {@code Enter Time} and {@code Exit Time}. A heading's unit in
 * parentheses sets the unit of its numbers: {@code (s)} (WPA's default), {@code (ms)}, {@code (µs)}
 * or {@code (us)}, {@code (ns)}. Fields may be quoted ({@code "1,234.5"}, {@code "ndis.sys"});
 * thousands separators inside a number are dropped.
 */
public final class WpaCsvParser {
  private static final String[] NEEDED = {
    "Type", "CPU", "Module", "Function", "Enter Time", "Exit Time"
  };

  private WpaCsvParser() {}

  /**
   * @throws ImportException naming the line of the first row that cannot be read
   */
  public static WpaEvents parse(String text, String file) throws ImportException {
    String shownFile = ScenarioText.escape(file);
    String[] lines = text.split("\r?\n", -1);
    int headerAt = 0;
    while (headerAt < lines.length && lines[headerAt].isBlank()) {
      headerAt++;
    }
    if (headerAt == lines.length) {
      throw new ImportException(shownFile + ": empty: a WPA CSV export starts with its headings");
    }
    List<String> headings = fields(strip(lines[headerAt]), shownFile, headerAt + 1);
    int[] column = new int[NEEDED.length];
    double[] unitNs = new double[NEEDED.length];
    for (int k = 0; k < NEEDED.length; k++) {
      column[k] = -1;
      for (int c = 0; c < headings.size(); c++) {
        String h = headings.get(c).strip();
        String name = h.replaceAll("\\s*\\(.*\\)\\s*$", "");
        if (name.equalsIgnoreCase(NEEDED[k])) {
          column[k] = c;
          unitNs[k] = unit(h);
        }
      }
      if (column[k] < 0) {
        throw new ImportException(
            shownFile
                + ":"
                + (headerAt + 1)
                + ": no "
                + ScenarioText.quote(NEEDED[k])
                + " column (a WPA DPC/ISR export has Type, CPU, Module, Function, Enter Time and"
                + " Exit Time)");
      }
    }
    List<WpaEvents.Event> events = new ArrayList<>();
    for (int i = headerAt + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      List<String> f = fields(lines[i], shownFile, line);
      if (f.size() < headings.size()) {
        throw new ImportException(
            shownFile
                + ":"
                + line
                + ": "
                + f.size()
                + " fields, the headings have "
                + headings.size());
      }
      String type = f.get(column[0]).strip().toLowerCase(Locale.ROOT);
      boolean isr;
      if (type.equals("isr") || type.equals("interrupt")) {
        isr = true;
      } else if (type.equals("dpc") || type.equals("threadeddpc") || type.equals("timer dpc")) {
        isr = false;
      } else {
        throw new ImportException(
            shownFile
                + ":"
                + line
                + ": type "
                + ScenarioText.quote(f.get(column[0]).strip())
                + " is neither DPC nor ISR");
      }
      long cpu = (long) number(f.get(column[1]), 1, shownFile, line, "CPU");
      String module = f.get(column[2]).strip();
      String function = f.get(column[3]).strip();
      if (module.isEmpty()) {
        throw new ImportException(shownFile + ":" + line + ": the Module field is empty");
      }
      long enter = Math.round(number(f.get(column[4]), unitNs[4], shownFile, line, "Enter Time"));
      long exit = Math.round(number(f.get(column[5]), unitNs[5], shownFile, line, "Exit Time"));
      if (exit < enter) {
        throw new ImportException(
            shownFile + ":" + line + ": the Exit Time is before the Enter Time");
      }
      if (cpu < 0 || cpu > 2047) {
        throw new ImportException(
            shownFile + ":" + line + ": CPU " + cpu + " is out of range (0..2047)");
      }
      events.add(
          new WpaEvents.Event(
              isr, (int) cpu, module, function.isEmpty() ? module : function, enter, exit));
    }
    if (events.isEmpty()) {
      throw new ImportException(shownFile + ": no rows under the headings");
    }
    return new WpaEvents(events);
  }

  private static String strip(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** Nanoseconds per unit of a heading such as {@code Enter Time (s)}; seconds when none. */
  private static double unit(String heading) {
    String h = heading.toLowerCase(Locale.ROOT);
    if (h.endsWith("(ms)")) {
      return 1e6;
    }
    if (h.endsWith("(us)") || h.endsWith("(µs)")) {
      return 1e3;
    }
    if (h.endsWith("(ns)")) {
      return 1;
    }
    return 1e9;
  }

  private static double number(String field, double unitNs, String file, int line, String what)
      throws ImportException {
    String t = field.strip().replace(",", "");
    try {
      return new BigDecimal(t).multiply(BigDecimal.valueOf(unitNs)).doubleValue();
    } catch (NumberFormatException e) {
      throw new ImportException(
          file
              + ":"
              + line
              + ": "
              + what
              + " "
              + ScenarioText.quote(field.strip())
              + " is not a number");
    }
  }

  /** One CSV record: comma-separated, fields optionally in double quotes ("" inside is a quote). */
  static List<String> fields(String line, String file, int number) throws ImportException {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      throw new ImportException(file + ":" + number + ": a quoted field is not closed");
    }
    out.add(f.toString());
    return out;
  }
}
