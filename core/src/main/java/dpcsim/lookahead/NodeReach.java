package dpcsim.lookahead;

import dpcsim.scenario.Op;
import java.util.BitSet;

/**
 * The sends that leave a node: a message counts only when its receiver runs on another node of a
 * {@link Partition}. The node-level part of the coordinator delivers messages inside its node
 * itself, so only these bound how far the nodes may run apart (a node's cross-node earliest output
 * time, see {@code NodeWindows}); {@link DpcReach#crossing} analyses them as {@link SendLimits}.
 */
final class NodeReach {
  private final DpcReach reach;
  private final Partition partition;
  private final BitSet[] placeOf;
  private final BitSet[] targets;

  NodeReach(DpcReach reach, Partition partition, BitSet[] placeOf, BitSet[] targets) {
    this.reach = reach;
    this.partition = partition;
    this.placeOf = placeOf;
    this.targets = targets;
  }

  /**
   * @return true if {@code op}, run on {@code runner}, may send a message off its node
   */
  boolean maySend(Op op, int runner) {
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

  /**
   * @return true if a message from {@code runner} to {@code target} leaves the runner's node
   */
  boolean leaves(int runner, int target) {
    return !partition.sameNode(runner, target);
  }
}
