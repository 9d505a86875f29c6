package dpcsim.node;

import dpcsim.partition.NodeWindows;
import dpcsim.trace.TraceColumns;
import dpcsim.wire.DriverMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a node's report of a grant into parts no larger than a remote frame allows: every part
 * carries at most {@link #RECORDS} trace records, {@link #ENTRIES} statuses and {@link #ENTRIES}
 * messages; the last part carries the totals. The driver adds the parts up in order. A driver in
 * the same JVM takes the report in one part: nothing is serialized on the way.
 */
final class ReportParts {
  /** Trace records per part: tens of KB of CBOR, well under Artery's 256 KiB frame. */
  static final int RECORDS = 1000;

  /** Statuses or messages per part (each well under 200 bytes of CBOR). */
  static final int ENTRIES = 256;

  private ReportParts() {}

  static List<DriverMessage.Report> split(
      String runId,
      long step,
      String host,
      NodeWindows.GrantReport r,
      long processorMessages,
      boolean remote) {
    int records = r.trace().size();
    int parts =
        !remote
            ? 1
            : Math.max(
                1,
                Math.max(
                    ceil(records, RECORDS),
                    Math.max(
                        ceil(r.statuses().size(), ENTRIES), ceil(r.outbound().size(), ENTRIES))));
    List<DriverMessage.Report> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      boolean last = i == parts - 1;
      int from = Math.min(records, i * RECORDS);
      TraceColumns t =
          parts == 1 ? r.trace() : r.trace().slice(from, Math.min(records, from + RECORDS));
      out.add(
          new DriverMessage.Report(
              runId,
              step,
              host,
              t,
              slice(r.statuses(), i * ENTRIES, ENTRIES, parts),
              slice(r.outbound(), i * ENTRIES, ENTRIES, parts),
              last,
              last ? r.processed() : 0,
              last ? r.localMessages() : 0,
              last ? r.crossOutput() : Long.MAX_VALUE,
              last ? r.localWindows() : 0,
              last ? processorMessages : 0));
    }
    return out;
  }

  private static int ceil(int n, int per) {
    return (n + per - 1) / per;
  }

  private static <T> List<T> slice(List<T> list, int from, int max, int parts) {
    if (parts == 1) {
      return list;
    }
    if (from >= list.size()) {
      return List.of();
    }
    return new ArrayList<>(list.subList(from, Math.min(list.size(), from + max)));
  }
}
