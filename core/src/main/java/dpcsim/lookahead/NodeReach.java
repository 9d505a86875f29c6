package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.scenario.Op;
import java.util.BitSet;

/**
 * The sends that leave a node: {@link DpcReach}'s analysis with a message counted only when its
 * receiver runs on another node of a {@link Partition}. The node-level part of the coordinator
 * delivers messages inside its node itself, so only these bound how far the nodes may run apart (a
 * node's cross-node earliest output time, see {@code NodeWindows}).
 */
public final class NodeReach implements SendLimits {
  private final DpcReach reach;
  private final Partition partition;
  private final BitSet[] placeOf;
  private final BitSet[] targets;
  private final SendOffsets offsets;
  private final StartDepths starts;

  NodeReach(
      DpcReach reach, Machine machine, Partition partition, BitSet[] placeOf, BitSet[] targets) {
    this.reach = reach;
    this.partition = partition;
    this.placeOf = placeOf;
    this.targets = targets;
    this.offsets = new SendOffsets(this::maySend, machine.scenario(), placeOf);
    this.starts = new StartDepths(machine, placeOf, this::maySend, reach::maySend);
  }

  /**
   * @return the partition whose node boundaries count
   */
  public Partition partition() {
    return partition;
  }

  @Override
  public boolean maySend(Op op, int runner) {
    if (!reach.maySend(op, runner)) {
      return false; // never leaves the processor, so never the node
    }
    if (op instanceof Op.Flush) {
      return outside(null, runner); // a flush asks every processor
    }
    if (op instanceof Op.Insert i && i.retargets()) {
      return outside(null, runner); // a random target may be any processor
    }
    if (op instanceof Op.Remove) {
      return outside(placeOf[reach.indexOf(op)], runner);
    }
    if (op instanceof Op.Insert) {
      return outside(targets[reach.indexOf(op)], runner);
    }
    return true;
  }

  /** True if some processor of {@code where} (null: any processor) runs on another node. */
  private boolean outside(BitSet where, int runner) {
    int node = partition.nodeOf(runner);
    int first = partition.first(node);
    int end = partition.end(node);
    if (where == null) {
      return first > 0 || end < partition.processors();
    }
    int below = where.nextSetBit(0);
    return (below >= 0 && below < first) || where.nextSetBit(end) >= 0;
  }

  @Override
  public boolean leaves(int runner, int target) {
    return !partition.sameNode(runner, target);
  }

  @Override
  public long sendOffset(int cpu, double u) {
    return offsets.sendOffset(cpu, u);
  }

  @Override
  public double hopChance(int cpu) {
    return offsets.hopChance(cpu);
  }

  @Override
  public long minDuration(int cpu, double u) {
    return offsets.minDuration(cpu, u);
  }

  @Override
  public long minSendOffset(int cpu) {
    return offsets.minSendOffset(cpu);
  }

  @Override
  public boolean followsStarts() {
    return starts.enabled();
  }

  @Override
  public long stepStart(Op op, int cpu) {
    return starts.step(op, cpu);
  }

  @Override
  public long routineStart(int dpc, int cpu) {
    return starts.routine(dpc, cpu);
  }

  @Override
  public long isrStart(int device, int cpu) {
    return starts.isr(device, cpu);
  }

  /**
   * How soon a message reaching {@code cpu} may lead to a send off its node ({@link
   * DpcReach#messageDepth}).
   */
  @Override
  public long messageDepth(int cpu) {
    if (messageDepth == null) {
      messageDepth = reach.messageDepths(starts);
    }
    return messageDepth[cpu];
  }

  private long[] messageDepth;
}
