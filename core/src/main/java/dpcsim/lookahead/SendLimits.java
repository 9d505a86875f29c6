package dpcsim.lookahead;

import dpcsim.scenario.Op;

/**
 * What counts as a send for an earliest-output bound, and how soon work may make one: {@link
 * DpcReach} counts every message to another processor; {@link NodeReach} only those that leave the
 * sender's node (the node-level part of the coordinator delivers the others itself).
 */
public interface SendLimits {
  /**
   * @return true if {@code op}, run on {@code runner}, may send a message that counts
   */
  boolean maySend(Op op, int runner);

  /**
   * @return true if a message from {@code runner} to {@code target} counts
   */
  boolean leaves(int runner, int target);

  /**
   * @return the earliest offset of a counted send in work that starts on {@code cpu} at or after a
   *     given instant, knowing {@code u}, the next draw of its work stream ({@link
   *     SendOffsets#sendOffset})
   */
  long sendOffset(int cpu, double u);

  /**
   * @return for a processor where every counted send is the random-target insert ending a normal
   *     routine: its probability P; else NaN ({@link SendOffsets#hopChance})
   */
  double hopChance(int cpu);

  /**
   * @return the shortest duration any routine that can run on {@code cpu} gets from the draw {@code
   *     u} (only for processors with a {@link #hopChance})
   */
  long minDuration(int cpu, double u);

  /**
   * @return the earliest offset, into any routine or ISR that can run on {@code cpu}, of a step
   *     that may make a counted send; {@link DpcReach#NEVER} when none can
   */
  long minSendOffset(int cpu);

  /**
   * @return true if the start-to-send depths below were worked out ({@link StartDepths}); false:
   *     any work may start at the next event, and the plain offsets bound it
   */
  boolean followsStarts();

  /**
   * @return 0 if {@code op}, run on {@code cpu}, is a counted send; the depth of the work it starts
   *     on {@code cpu} itself; else {@link DpcReach#NEVER}
   */
  long stepStart(Op op, int cpu);

  /**
   * @return how soon after KDPC {@code dpc}'s routine starts on {@code cpu} it may lead to a
   *     counted send
   */
  long routineStart(int dpc, int cpu);

  /**
   * @return how soon after device {@code device}'s ISR starts on {@code cpu} it may lead to a
   *     counted send
   */
  long isrStart(int device, int cpu);

  /**
   * @return how soon a message reaching {@code cpu} may lead to a counted send there through the
   *     work it brings (0 for a removal or flush; {@link DpcReach#NEVER} when nothing it brings
   *     can)
   */
  long messageDepth(int cpu);
}
