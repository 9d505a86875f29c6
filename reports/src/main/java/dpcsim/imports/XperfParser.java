package dpcsim.imports;

import dpcsim.scenario.ScenarioText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text report of {@code xperf -i trace.etl -a dpcisr} as xperf writes it: CRLF or LF line
 * ends, numbers right-aligned in fixed widths but read with any spacing, histograms that print
 * every bucket up to the highest or only the non-empty ones, and an open last bucket ({@code
 * Elapsed Time, > 2048 usecs, 2, or 100.00%}). The per-second interval tables and the closing
 * distribution are recognised and skipped: they add nothing a scenario can use.
 *
 * <p>Anything else is an error naming the line: an importer that skipped what it did not know would
 * turn a different report into a wrong scenario without a word.
 */
public final class XperfParser {
  private static final Pattern RULE = Pattern.compile("-{3,}");
  private static final Pattern SPAN = Pattern.compile("CPU Usage from (\\d+) us to (\\d+) us:");
  private static final Pattern HEADER = Pattern.compile("(\\s*CPU \\d+ Usage\\s*,)+\\s*");
  private static final Pattern CELL = Pattern.compile("\\s*(\\d+)\\s+(\\d+(?:\\.\\d+)?)\\s*,");
  private static final Pattern TOTAL = Pattern.compile("Total = (\\d+)(?: for module (.+))?");
  private static final Pattern ELAPSED =
      Pattern.compile(
          "Elapsed Time, >\\s*(\\d+) usecs(?: AND <=\\s*(\\d+) usecs)?,\\s*(\\d+),"
              + " or\\s*(\\d+(?:\\.\\d+)?)%");
  private static final Pattern BLOCK_END = Pattern.compile("Total,\\s*(\\d+)");
  private static final Pattern ALL_MODULE =
      Pattern.compile("All Module = (\\d+),\\s*Total = (\\d+),\\s*(EQUAL|NOT EQUAL)");

  private final String file;
  private long spanUs = -1;
  private int processors = -1;

  /** The section being read: "DPC" or "ISR"; null before the first heading. */
  private String section;

  private final Map<String, long[]> dpcUsage = new LinkedHashMap<>();
  private final Map<String, long[]> isrUsage = new LinkedHashMap<>();
  private final Map<String, XperfData.Module> dpcBlocks = new LinkedHashMap<>();
  private final Map<String, XperfData.Module> isrBlocks = new LinkedHashMap<>();

  private XperfParser(String file) {
    this.file = ScenarioText.escape(file);
  }

  /**
   * @param file the report's name, for errors
   * @throws ImportException naming the line of the first thing that is not xperf's layout
   */
  public static XperfData parse(String text, String file) throws ImportException {
    return new XperfParser(file).read(text.split("\r?\n", -1));
  }

  private ImportException error(int line, String detail) {
    return new ImportException(file + ":" + line + ": " + detail);
  }

  private static String shown(String line) {
    String t = line.strip();
    return ScenarioText.quote(t.length() > 60 ? t.substring(0, 60) + "..." : t);
  }

  private XperfData read(String[] lines) throws ImportException {
    int i = 0;
    while (i < lines.length) {
      String line = lines[i].strip();
      int number = i + 1;
      i++;
      if (line.isEmpty() || RULE.matcher(line).matches()) {
        continue;
      }
      if (line.equals("DPC Info")) {
        section = "DPC";
      } else if (line.equals("Interrupt Info") || line.equals("ISR Info")) {
        section = "ISR";
      } else if (line.equals("CPU Usage Summing By Module For the Whole Trace")) {
        need(number, line);
      } else if (SPAN.matcher(line).matches()) {
        need(number, line);
        Matcher m = SPAN.matcher(line);
        m.matches();
        long span = number(m.group(2), number) - number(m.group(1), number);
        if (span <= 0) {
          throw error(number, "the trace's span is empty: " + shown(line));
        }
        spanUs = span;
      } else if (HEADER.matcher(lines[i - 1]).matches()) {
        need(number, line);
        i = table(lines, i - 1);
      } else if (TOTAL.matcher(line).matches()) {
        need(number, line);
        i = block(lines, i - 1);
      } else if (ALL_MODULE.matcher(line).matches()) {
        need(number, line);
      } else if (line.startsWith("Usage From ") && line.contains("Summing In")) {
        i = skipUntilRule(lines, i); // the per-interval table
      } else if (line.startsWith("Distribution of number of")) {
        i = skipUntilHeading(lines, i); // the closing distribution of intervals (it has a ---)
      } else {
        throw error(
            number,
            "unexpected line "
                + shown(line)
                + " (expected a part of xperf -a dpcisr's report: DPC Info, Interrupt Info,"
                + " the usage table, Total = N for module M, Elapsed Time lines)");
      }
    }
    if (dpcBlocks.isEmpty() && isrBlocks.isEmpty() && section == null) {
      throw new ImportException(
          file
              + ": no DPC Info or Interrupt Info section: is this the text report of xperf -a"
              + " dpcisr?");
    }
    if (spanUs < 0) {
      throw new ImportException(
          file
              + ": no 'CPU Usage from A us to B us:' line: the trace's length is needed for rates");
    }
    if (processors < 0) {
      throw new ImportException(
          file + ": no usage table ('CPU 0 Usage, ...'): the processors are needed");
    }
    return new XperfData(
        spanUs, processors, modules(dpcUsage, dpcBlocks), modules(isrUsage, isrBlocks));
  }

  /** A part that belongs to a section must come after its heading. */
  private void need(int number, String line) throws ImportException {
    if (section == null) {
      throw error(number, shown(line) + " comes before the DPC Info or Interrupt Info heading");
    }
  }

  private int skipUntilRule(String[] lines, int i) {
    while (i < lines.length
        && !RULE.matcher(lines[i].strip()).matches()
        && !lines[i].strip().startsWith("Distribution of number of")) {
      i++;
    }
    return i;
  }

  private static int skipUntilHeading(String[] lines, int i) {
    while (i < lines.length
        && !lines[i].strip().equals("DPC Info")
        && !lines[i].strip().equals("Interrupt Info")) {
      i++;
    }
    return i;
  }

  /** The usage table from its header line; returns the index after its last row. */
  private int table(String[] lines, int at) throws ImportException {
    int cpus = lines[at].split(",", -1).length - 1;
    if (processors >= 0 && cpus != processors) {
      throw error(at + 1, "this table has " + cpus + " CPU columns, an earlier one " + processors);
    }
    processors = cpus;
    int i = at + 1;
    if (i >= lines.length || !lines[i].strip().endsWith("Module")) {
      throw error(i + 1, "expected the units line ('usec      %, ..., Module') under the header");
    }
    i++;
    Map<String, long[]> usage = section.equals("DPC") ? dpcUsage : isrUsage;
    for (; i < lines.length && !lines[i].isBlank(); i++) {
      String row = lines[i];
      long[] usec = new long[cpus];
      int pos = 0;
      Matcher m = CELL.matcher(row);
      for (int cpu = 0; cpu < cpus; cpu++) {
        if (!m.find(pos) || m.start() != pos) {
          throw error(
              i + 1,
              "a usage row has "
                  + cpus
                  + " cells of 'usec percent,' then the module: "
                  + shown(row));
        }
        usec[cpu] = number(m.group(1), i + 1);
        pos = m.end();
      }
      String module = row.substring(pos).strip();
      if (module.isEmpty()) {
        throw error(i + 1, "a usage row names no module: " + shown(row));
      }
      if (usage.put(module, usec) != null) {
        throw error(i + 1, "module " + ScenarioText.quote(module) + " has two usage rows");
      }
    }
    return i;
  }

  /** A histogram block from its Total = line; returns the index after its Total, line. */
  private int block(String[] lines, int at) throws ImportException {
    Matcher head = TOTAL.matcher(lines[at].strip());
    head.matches();
    long count = number(head.group(1), at + 1);
    String module = head.group(2) == null ? null : head.group(2).strip();
    List<XperfData.Bucket> buckets = new ArrayList<>();
    long sum = 0;
    int i = at + 1;
    for (; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher e = ELAPSED.matcher(line);
      if (e.matches()) {
        long lo = number(e.group(1), i + 1);
        long hi = e.group(2) == null ? -1 : number(e.group(2), i + 1);
        if (hi >= 0 && hi < lo) {
          throw error(i + 1, "a bucket's upper bound is below its lower one: " + shown(line));
        }
        long n = number(e.group(3), i + 1);
        buckets.add(new XperfData.Bucket(lo, hi, n));
        sum += n;
        continue;
      }
      Matcher end = BLOCK_END.matcher(line);
      if (end.matches()) {
        long total = number(end.group(1), i + 1);
        if (total != count || sum != count) {
          throw error(
              i + 1,
              "the histogram "
                  + (module == null
                      ? "over all modules"
                      : "of module " + ScenarioText.quote(module))
                  + " does not add up: Total = "
                  + count
                  + ", buckets "
                  + sum
                  + ", Total, "
                  + total);
        }
        break;
      }
      throw error(
          i + 1, "expected an Elapsed Time line or 'Total, N' in a histogram: " + shown(line));
    }
    if (i == lines.length) {
      throw error(at + 1, "the histogram has no closing 'Total, N' line");
    }
    if (module != null) {
      Map<String, XperfData.Module> blocks = section.equals("DPC") ? dpcBlocks : isrBlocks;
      if (blocks.containsKey(module)) {
        throw error(at + 1, "module " + ScenarioText.quote(module) + " has two histograms");
      }
      blocks.put(module, new XperfData.Module(module, new long[0], count, buckets));
    }
    return i + 1;
  }

  private List<XperfData.Module> modules(
      Map<String, long[]> usage, Map<String, XperfData.Module> blocks) throws ImportException {
    List<XperfData.Module> out = new ArrayList<>();
    for (XperfData.Module b : blocks.values()) {
      long[] usec = usage.getOrDefault(b.name(), new long[processors]);
      out.add(new XperfData.Module(b.name(), usec, b.count(), b.buckets()));
    }
    for (String m : usage.keySet()) {
      if (!blocks.containsKey(m) && java.util.Arrays.stream(usage.get(m)).anyMatch(u -> u > 0)) {
        throw new ImportException(
            file
                + ": module "
                + ScenarioText.quote(m)
                + " has usage but no histogram ('Total = N for module "
                + ScenarioText.escape(m)
                + "'): its calls and durations are unknown");
      }
    }
    return out;
  }

  private long number(String digits, int line) throws ImportException {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw error(line, "the number " + digits + " is too large");
    }
  }
}
