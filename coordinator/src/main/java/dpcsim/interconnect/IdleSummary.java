package dpcsim.interconnect;

import dpcsim.trace.TraceBuffer;
import dpcsim.trace.TraceConsumer;
import dpcsim.trace.TraceEvent;
import dpcsim.trace.TraceKind;
import java.util.BitSet;

/**
 * KiIdleSummary as the coordinator keeps it: one bit per processor, set while it has no
 * thread to run, plus which idle processors are halted. It follows the processors' {@code Idle}
 * reports in trace order.
 */
public final class IdleSummary implements TraceConsumer {
  private final BitSet idle = new BitSet();
  private final BitSet halted = new BitSet();

  @Override
  public void accept(TraceEvent event) {
    if (event instanceof TraceEvent.Idle e) {
      idle.set(e.cpu(), e.on());
      halted.set(e.cpu(), e.halted());
    }
  }

  @Override
  public void accept(TraceBuffer events, int from, int to) {
    for (int i = from; i < to; i++) {
      if (events.kind(i) == TraceKind.IDLE) {
        int flags = events.c(i);
        idle.set(events.cpu(i), (flags & TraceKind.IDLE_ON) != 0);
        halted.set(events.cpu(i), (flags & TraceKind.IDLE_HALTED) != 0);
      }
    }
  }

  /**
   * @return true if {@code cpu} is in the idle summary
   */
  public boolean idle(int cpu) {
    return idle.get(cpu);
  }

  /**
   * @return true if {@code cpu} is idle-halted
   */
  public boolean halted(int cpu) {
    return halted.get(cpu);
  }

  /**
   * @return the number of processors in the idle summary
   */
  public int idleCount() {
    return idle.cardinality();
  }

  /**
   * @return the summary as a hex mask, processor 0 in the lowest bit, as !ipi-style tools show it
   */
  public String mask() {
    if (idle.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    byte[] bytes = idle.toByteArray();
    for (int i = bytes.length - 1; i >= 0; i--) {
      sb.append(String.format("%02x", bytes[i] & 0xff));
    }
    String s = sb.toString().replaceFirst("^0+(?=.)", "");
    return s;
  }
}
