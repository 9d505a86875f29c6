package dpcsim.lookahead;

import dpcsim.kernel.Machine;
import dpcsim.scenario.Op;
import java.util.BitSet;

/**
 * What counts as a send for an earliest-output bound, and how soon work may make one: {@link
 * DpcReach#sends} counts every message to another processor; {@link DpcReach#crossing} only those
 * that leave the sender's node ({@link NodeReach}: the node-level part of the coordinator delivers
 * the others itself). One analysis for either rule: the offsets of sending steps ({@link
 * SendOffsets}) and the start-to-send depths of the work that may start on a processor ({@link
 * StartDepths}).
 */
public final class SendLimits {
  /** Whether a message from a runner to a target counts. */
  interface Leaves {
    boolean leaves(int runner, int target);
  }

  private final DpcReach reach;
  private final SendOffsets.SendRule counted;
  private final Leaves leaves;
  private final SendOffsets offsets;
  private final StartDepths starts;
  private long[] messageDepth;

  /**
   * @param placeOf per KDPC, the processors whose queues it may sit in
   * @param counted the sends that count
   */
  SendLimits(
      DpcReach reach,
      Machine machine,
      BitSet[] placeOf,
      SendOffsets.SendRule counted,
      Leaves leaves) {
    this.reach = reach;
    this.counted = counted;
    this.leaves = leaves;
    this.offsets = new SendOffsets(counted, machine.scenario(), placeOf);
    this.starts = new StartDepths(machine, placeOf, counted, reach::maySend);
  }

  /**
   * @return true if {@code op}, run on {@code runner}, may send a message that counts
   */
  public boolean maySend(Op op, int runner) {
    return counted.maySend(op, runner);
  }

  /**
   * @return true if a message from {@code runner} to {@code target} counts
   */
  public boolean leaves(int runner, int target) {
    return leaves.leaves(runner, target);
  }

  /**
   * @return the earliest offset of a counted send in work that starts on {@code cpu} at or after a
   *     given instant, knowing {@code u}, the next draw of its work stream ({@link
   *     SendOffsets#sendOffset})
   */
  public long sendOffset(int cpu, double u) {
    return offsets.sendOffset(cpu, u);
  }

  /**
   * @return for a processor where every counted send is the random-target insert ending a normal
   *     routine: its probability P; else NaN ({@link SendOffsets#hopChance})
   */
  public double hopChance(int cpu) {
    return offsets.hopChance(cpu);
  }

  /**
   * @return the shortest duration any routine that can run on {@code cpu} gets from the draw {@code
   *     u} (only for processors with a {@link #hopChance})
   */
  public long minDuration(int cpu, double u) {
    return offsets.minDuration(cpu, u);
  }

  /**
   * @return the earliest offset, into any routine or ISR that can run on {@code cpu}, of a step
   *     that may make a counted send; {@link DpcReach#NEVER} when none can
   */
  public long minSendOffset(int cpu) {
    return offsets.minSendOffset(cpu);
  }

  /**
   * @return true if the start-to-send depths below were worked out ({@link StartDepths}); false:
   *     any work may start at the next event, and the plain offsets bound it
   */
  public boolean followsStarts() {
    return starts.enabled();
  }

  /**
   * @return 0 if {@code op}, run on {@code cpu}, is a counted send; the depth of the work it starts
   *     on {@code cpu} itself; else {@link DpcReach#NEVER}
   */
  public long stepStart(Op op, int cpu) {
    return starts.step(op, cpu);
  }

  /**
   * @return how soon after KDPC {@code dpc}'s routine starts on {@code cpu} it may lead to a
   *     counted send
   */
  public long routineStart(int dpc, int cpu) {
    return starts.routine(dpc, cpu);
  }

  /**
   * @return how soon after device {@code device}'s ISR starts on {@code cpu} it may lead to a
   *     counted send
   */
  public long isrStart(int device, int cpu) {
    return starts.isr(device, cpu);
  }

  /**
   * How soon a message reaching {@code cpu} may lead to a counted send there through the work it
   * brings: a remote insertion starts the KDPC's routine; a removal or flush request is taken as
   * sending at once. Work already waiting there is the processor's own (its status says).
   *
   * @return the smallest such depth over the messages other processors may send it, or {@link
   *     DpcReach#NEVER}
   */
  public long messageDepth(int cpu) {
    if (messageDepth == null) {
      messageDepth = reach.messageDepths(starts);
    }
    return messageDepth[cpu];
  }
}
