package dpcsim.kernel.debug;

import dpcsim.kernel.DpcQueue;
import dpcsim.kernel.Kdpc;
import dpcsim.kernel.KdpcTable;
import dpcsim.kernel.Kprcb;
import dpcsim.kernel.Processor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the debugger shows from the live kernel objects. Read-only: taking a snapshot never
 * changes the processor, so a run that paused for the debugger writes the same trace.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * @return the state of {@code p} now
   */
  public static ProcessorSnapshot of(Processor p) {
    Kprcb prcb = p.prcb();
    PrcbDpcFields fields =
        new PrcbDpcFields(
            prcb.normal().depth(),
            prcb.normal().count(),
            prcb.threaded().depth(),
            prcb.threaded().count(),
            prcb.maximumDpcQueueDepth(),
            prcb.minimumDpcRate(),
            prcb.dpcRequestRate(),
            prcb.dpcLastCount(),
            prcb.adjustDpcThreshold(),
            prcb.dpcRoutineActive(),
            prcb.dpcInterruptRequested(),
            prcb.dpcThreadActive(),
            prcb.dpcThreadRequested(),
            prcb.threadDpcEnable(),
            prcb.quantumEnd(),
            prcb.dpcTime(),
            prcb.interruptTime(),
            prcb.threadTime(),
            prcb.dpcTimeCount(),
            prcb.dpcWatchdogCount());
    return new ProcessorSnapshot(
        p.cpu(),
        p.currentIrql(),
        p.idleSummary(),
        p.halted(),
        queue(prcb.normal()),
        queue(prcb.threaded()),
        fields);
  }

  /**
   * @return the fields of {@code k} as this copy of the KDPC table holds them
   */
  public static KdpcSnapshot of(Kdpc k) {
    DpcQueue q = k.dpcData();
    return new KdpcSnapshot(
        k.id(),
        k.name(),
        k.threaded(),
        k.type(),
        k.importance(),
        k.number(),
        k.deferredContext(),
        k.systemArgument1(),
        k.systemArgument2(),
        q == null ? -1 : q.owner(),
        q != null && q.kind() == DpcQueue.Kind.THREADED);
  }

  /**
   * @return the KDPC called {@code name} in {@code table}, if there is one
   */
  public static Optional<KdpcSnapshot> find(KdpcTable table, String name) {
    for (int i = 0; i < table.size(); i++) {
      if (table.get(i).name().equals(name)) {
        return Optional.of(of(table.get(i)));
      }
    }
    return Optional.empty();
  }

  private static List<KdpcSnapshot> queue(DpcQueue q) {
    List<KdpcSnapshot> out = new ArrayList<>(q.depth());
    for (Kdpc k : q.entries()) {
      out.add(of(k));
    }
    return out;
  }
}
