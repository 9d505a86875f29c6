package dpcsim.engine;

/**
 * How an engine moved the work of a run around, for {@code dpcsim bench}: never part of a result's
 * figures, which do not depend on the engine.
 *
 * @param windows conservative windows run (0 for the sequential engine, which has none: it takes
 *     one event at a time in global order)
 * @param sharedSteps shared-KDPC events run one at a time between windows (0 for sequential)
 * @param crossCpuMessages cross-processor messages (remote inserts, IPIs) delivered to another
 *     processor
 * @param actorMessages the actor messages of the run's steps: what the coordinator's run driver
 *     sent or received (window and shared-step commands, the nodes' reports, trace batches to the
 *     client and their acknowledgements) and what each node's host exchanged with its processor
 *     actors (a command to each processor taking part in a window and its answer); cross-processor
 *     messages travel inside these; 0 for the engines without actors. The run's set-up (placing and
 *     starting processors) is not counted.
 * @param localWindows the windows the nodes ran on their own within the coordinator's windows
 *     (grants), delivering their processors' messages to each other; 0 where every window is the
 *     coordinator's
 */
public record EngineCounters(
    long windows, long sharedSteps, long crossCpuMessages, long actorMessages, long localWindows) {

  /** Counters of an engine whose nodes run no windows of their own. */
  public EngineCounters(long windows, long sharedSteps, long crossCpuMessages, long actorMessages) {
    this(windows, sharedSteps, crossCpuMessages, actorMessages, 0);
  }

  /**
   * @return the times the run's parts synchronised: every window and every shared-KDPC step is a
   *     round through the coordinator
   */
  public long synchronisations() {
    return windows + sharedSteps;
  }

  /**
   * @return the messages that cross between the engine's parts: actor messages for the actor
   *     engines, cross-processor deliveries for the others
   */
  public long messages() {
    return actorMessages > 0 ? actorMessages : crossCpuMessages;
  }
}
