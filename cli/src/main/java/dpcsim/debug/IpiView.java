package dpcsim.debug;

import dpcsim.breakpoint.TimeText;
import java.util.List;

/**
 * {@code !ipi [cpu]}: a processor's IPI state. Kdexts prints the packet and target
 * sets of the real IPI machinery; the model has DPC IPIs only, so this shows what it has: requests
 * sent to the processor and not yet serviced, the last sender and the counts.
 */
final class IpiView {
  private IpiView() {}

  static List<String> render(int cpu, IpiLedger.State s) {
    String last =
        s.lastSender() < 0
            ? "none"
            : s.lastSender() + " (serviced at " + TimeText.of(s.lastReceivedNs()) + ")";
    String lastTarget = s.lastTarget() < 0 ? "none" : String.valueOf(s.lastTarget());
    return List.of(
        "IPI State for Processor " + cpu,
        "    As a receiver",
        "      RequestsPending   " + s.pending(),
        "      LastSender        " + last,
        "      Serviced          " + s.received(),
        "    As a sender",
        "      Sent              " + s.sent(),
        "      LastTarget        " + lastTarget);
  }
}
