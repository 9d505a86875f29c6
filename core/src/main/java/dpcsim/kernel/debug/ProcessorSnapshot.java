package dpcsim.kernel.debug;

import dpcsim.scenario.Irql;
import java.util.List;

/**
 * Everything the debugger shows of one processor at a break, read by the processor's owner (the
 * sequential engine, or the processor actor on whichever node hosts it). Queues are in queue order,
 * head first: the order the retire loop takes them.
 *
 * @param cpu the processor number
 * @param irql the IRQL it runs at
 * @param idle its idle-summary bit
 * @param halted idle-halted (IdleHalt/Sleeping, R-30)
 * @param normal DpcData[0]'s list, head first
 * @param threaded DpcData[1]'s list, head first
 * @param prcb the DPC-related KPRCB fields
 */
public record ProcessorSnapshot(
    int cpu,
    Irql irql,
    boolean idle,
    boolean halted,
    List<KdpcSnapshot> normal,
    List<KdpcSnapshot> threaded,
    PrcbDpcFields prcb) {

  public ProcessorSnapshot {
    normal = List.copyOf(normal);
    threaded = List.copyOf(threaded);
  }
}
