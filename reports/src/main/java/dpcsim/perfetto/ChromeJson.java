package dpcsim.perfetto;

import dpcsim.scenario.ScenarioText;
import dpcsim.trace.Json;

/**
 * One event object of the Chrome Trace Event Format, written by hand with keys in a fixed order
 * ({@code name, cat, ph, ts, dur, pid, tid, ...}). Every event belongs to process {@link #PID} (the
 * simulated machine); processor {@code n} is thread {@link #tid(int) 1000 + n}.
 *
 * <p>Times are integer nanoseconds written as microseconds with exactly three decimals ({@code
 * 12345} becomes {@code 12.345}) by integer arithmetic, so a timestamp is exact and never in
 * scientific notation.
 *
 * <p>{@code fields} arguments are JSON members each with a leading comma, as {@link Json} writes
 * them; they become the event's {@code args} object.
 */
final class ChromeJson {
  /** The simulated machine's process id. */
  static final int PID = 1;

  /**
   * Thread ids start here: Perfetto's JSON importer reads {@code tid: 0} as "no tid" and replaces
   * it with the pid, which would merge CPU 0 into another thread, so no processor may have tid 0.
   */
  static final int TID_BASE = 1000;

  /** The category of IPI slices and flows; Chrome's viewer binds a flow to a slice of its cat. */
  static final String IPI_CAT = "ipi";

  /** The name of every IPI flow event ({@code s} and {@code f} must share name, cat and id). */
  static final String IPI_FLOW = "IPI";

  private ChromeJson() {}

  /**
   * @return the thread id of processor {@code cpu}
   */
  static int tid(int cpu) {
    return TID_BASE + cpu;
  }

  /** Appends {@code ns} as microseconds with three decimals. */
  static void micros(StringBuilder out, long ns) {
    if (ns < 0) {
      throw new IllegalArgumentException("negative time " + ns + " ns");
    }
    long frac = ns % 1000;
    out.append(ns / 1000).append('.');
    if (frac < 100) {
      out.append('0');
    }
    if (frac < 10) {
      out.append('0');
    }
    out.append(frac);
  }

  /**
   * Appends {@code value} in hex as {@link Long#toHexString} spells it (unsigned, lowercase, no
   * leading zeros), without making the String.
   */
  static void hex(StringBuilder out, long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value);
    for (int shift = Math.max(0, (bits - 1) / 4 * 4); shift >= 0; shift -= 4) {
      out.append(Character.forDigit((int) ((value >>> shift) & 0xF), 16));
    }
  }

  /** A complete ({@code X}) slice on {@code cpu}'s track. */
  static void complete(
      StringBuilder out,
      String name,
      String cat,
      long startNs,
      long durNs,
      int cpu,
      CharSequence fields) {
    head(out, name, cat, 'X', startNs);
    out.append(",\"dur\":");
    micros(out, durNs);
    pidTid(out, cpu);
    args(out, fields);
    out.append('}');
  }

  /**
   * A counter ({@code C}) sample. Perfetto names the track {@code name + " " + key} per process,
   * and Chrome's viewer draws one chart per {@code name}, so {@code name} carries the processor.
   */
  static void counter(StringBuilder out, String name, long tsNs, int cpu, String key, long value) {
    out.append("{\"name\":");
    shown(out, name);
    out.append(",\"ph\":\"C\",\"ts\":");
    micros(out, tsNs);
    pidTid(out, cpu);
    out.append(",\"args\":{");
    shown(out, key);
    out.append(':').append(value).append("}}");
  }

  /** A thread-scoped instant ({@code i}, {@code s: "t"}) on {@code cpu}'s track. */
  static void instant(
      StringBuilder out, String name, String cat, long tsNs, int cpu, CharSequence fields) {
    head(out, name, cat, 'i', tsNs);
    pidTid(out, cpu);
    out.append(",\"s\":\"t\"");
    args(out, fields);
    out.append('}');
  }

  /** The start ({@code s}) of IPI flow {@code id}: it binds to the slice enclosing {@code ts}. */
  static void flowStart(StringBuilder out, long id, long tsNs, int cpu) {
    head(out, IPI_FLOW, IPI_CAT, 's', tsNs);
    pidTid(out, cpu);
    out.append(",\"id\":").append(id).append('}');
  }

  /** The end ({@code f}) of IPI flow {@code id}, bound to the enclosing slice ({@code bp: "e"}). */
  static void flowEnd(StringBuilder out, long id, long tsNs, int cpu) {
    head(out, IPI_FLOW, IPI_CAT, 'f', tsNs);
    pidTid(out, cpu);
    out.append(",\"id\":").append(id).append(",\"bp\":\"e\"}");
  }

  /** Metadata {@code process_name}, given on CPU 0's thread so no other thread is implied. */
  static void processName(StringBuilder out, String name) {
    out.append("{\"name\":\"process_name\",\"ph\":\"M\"");
    pidTid(out, 0);
    out.append(",\"args\":{\"name\":");
    shown(out, name);
    out.append("}}");
  }

  /** Metadata {@code thread_name} of {@code cpu}'s track. */
  static void threadName(StringBuilder out, int cpu, String name) {
    out.append("{\"name\":\"thread_name\",\"ph\":\"M\"");
    pidTid(out, cpu);
    out.append(",\"args\":{\"name\":");
    shown(out, name);
    out.append("}}");
  }

  /** Metadata {@code thread_sort_index}: Chrome's viewer orders tracks by it. */
  static void threadSortIndex(StringBuilder out, int cpu) {
    out.append("{\"name\":\"thread_sort_index\",\"ph\":\"M\"");
    pidTid(out, cpu);
    out.append(",\"args\":{\"sort_index\":").append(cpu).append("}}");
  }

  private static void head(StringBuilder out, String name, String cat, char ph, long tsNs) {
    out.append("{\"name\":");
    shown(out, name);
    out.append(",\"cat\":");
    shown(out, cat);
    out.append(",\"ph\":\"").append(ph).append("\",\"ts\":");
    micros(out, tsNs);
  }

  /**
   * Names come from the scenario: a control character in one shows as an escape ({@code \e}) in
   * Perfetto's tracks rather than reaching them decoded.
   */
  private static void shown(StringBuilder out, String text) {
    Json.quote(out, ScenarioText.escape(text));
  }

  private static void pidTid(StringBuilder out, int cpu) {
    out.append(",\"pid\":").append(PID).append(",\"tid\":").append(tid(cpu));
  }

  private static void args(StringBuilder out, CharSequence fields) {
    if (fields != null && fields.length() > 0) {
      out.append(",\"args\":{").append(fields, 1, fields.length()).append('}');
    }
  }
}
