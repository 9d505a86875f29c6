package dpcsim.node;

import dpcsim.kernel.CrossCpu;
import dpcsim.lookahead.WindowReport;
import dpcsim.trace.TraceColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a processor's window report into pieces of at most {@code max} trace records (and messages).
 * The coordinator's protocol adds pieces up: every piece repeats the status, the messages and
 * records are split, the processed count rides on the first piece.
 */
final class ReportParts {
  private ReportParts() {}

  static List<WindowReport> split(WindowReport r, int max) {
    int records = r.trace().size();
    int messages = r.outbound().size();
    if (records <= max && messages <= max) {
      return List.of(r);
    }
    List<WindowReport> out = new ArrayList<>();
    int pieces = Math.max((records + max - 1) / max, (messages + max - 1) / max);
    for (int i = 0; i < pieces; i++) {
      int from = Math.min(records, i * max);
      TraceColumns t = r.trace().slice(from, Math.min(records, from + max));
      List<CrossCpu> m = slice(r.outbound(), i * max, max);
      out.add(
          new WindowReport(
              r.status(), m, t, i == 0 ? r.processed() : 0, i == 0 ? r.shared() : List.of()));
    }
    return out;
  }

  private static <T> List<T> slice(List<T> list, int from, int max) {
    if (from >= list.size()) {
      return List.of();
    }
    return new ArrayList<>(list.subList(from, Math.min(list.size(), from + max)));
  }
}
