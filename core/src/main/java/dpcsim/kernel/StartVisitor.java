package dpcsim.kernel;

import dpcsim.scenario.ScriptAction;

/**
 * What may start new work on a processor from its next event on, as {@link
 * ProcessorView#visitStarts} lists it for a look-ahead: nothing else starts a routine or an ISR
 * there, except messages still on their way and the steps of work under way ({@link
 * ProcessorView#isr} and the others).
 */
public interface StartVisitor {
  /** KDPC {@code dpc} waits in the normal or the threaded DPC list. */
  void queuedDpc(int dpc);

  /** An interrupt of device {@code device} waits for the IRQL to drop. */
  void pendingIsr(int device);

  /** Device {@code device}'s next interrupt arrives at {@code time}. */
  void deviceAt(int device, long time);

  /**
   * A remote insertion of KDPC {@code dpc} that reached the processor takes effect at {@code time}.
   */
  void insertArrives(int dpc, long time);

  /** A remote removal or flush request that reached the processor takes effect at {@code time}. */
  void otherArrives(long time);

  /** Script action {@code action} runs here at {@code time}. */
  void scriptAt(ScriptAction action, long time);
}
