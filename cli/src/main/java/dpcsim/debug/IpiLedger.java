package dpcsim.debug;

import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import java.util.Arrays;

/**
 * Each processor's IPI state as {@code !ipi} shows it, kept from the trace: IPIs sent
 * to it and not yet serviced (in flight, or held while its IRQL is HIGH), the last sender, and the
 * counts. Built from trace events rather than read from the processor, so every engine computes it
 * the same way from the same trace.
 */
public final class IpiLedger implements TraceConsumer {
  /**
   * One processor's IPI state.
   *
   * @param pending sent to it and not yet serviced
   * @param sent IPIs it sent
   * @param received IPIs it serviced
   * @param lastSender the processor whose IPI it serviced last, or -1
   * @param lastReceivedNs when, or -1
   * @param lastTarget the processor it last sent an IPI to, or -1
   */
  public record State(
      long pending,
      long sent,
      long received,
      int lastSender,
      long lastReceivedNs,
      int lastTarget) {}

  private final long[] inbound;
  private final long[] sent;
  private final long[] received;
  private final int[] lastSender;
  private final long[] lastReceivedNs;
  private final int[] lastTarget;
  private final long[] lastSentNs;

  /** An empty ledger for {@code processors} processors. */
  public IpiLedger(int processors) {
    inbound = new long[processors];
    sent = new long[processors];
    received = new long[processors];
    lastSender = new int[processors];
    lastReceivedNs = new long[processors];
    lastTarget = new int[processors];
    lastSentNs = new long[processors];
    Arrays.fill(lastSender, -1);
    Arrays.fill(lastReceivedNs, -1);
    Arrays.fill(lastTarget, -1);
    Arrays.fill(lastSentNs, -1);
  }

  @Override
  public void accept(TraceEvent e) {
    if (e instanceof TraceEvent.IpiSend s) {
      inbound[s.to()]++;
      sent[s.cpu()]++;
      // Within one instant the order of events differs before and after sorting: the higher
      // processor number wins a tie, so the answer does not depend on which order we saw.
      if (s.t() > lastSentNs[s.cpu()]
          || (s.t() == lastSentNs[s.cpu()] && s.to() > lastTarget[s.cpu()])) {
        lastSentNs[s.cpu()] = s.t();
        lastTarget[s.cpu()] = s.to();
      }
    } else if (e instanceof TraceEvent.IpiReceive r) {
      received[r.cpu()]++;
      if (r.t() > lastReceivedNs[r.cpu()]
          || (r.t() == lastReceivedNs[r.cpu()] && r.from() > lastSender[r.cpu()])) {
        lastReceivedNs[r.cpu()] = r.t();
        lastSender[r.cpu()] = r.from();
      }
    }
  }

  @Override
  public void finish(long simulatedNs) {
    // nothing buffered
  }

  /**
   * @return processor {@code cpu}'s IPI state
   */
  public State state(int cpu) {
    return new State(
        inbound[cpu] - received[cpu],
        sent[cpu],
        received[cpu],
        lastSender[cpu],
        lastReceivedNs[cpu],
        lastTarget[cpu]);
  }
}
